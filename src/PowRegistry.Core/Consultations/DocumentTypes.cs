using System.Text;

namespace PowRegistry.Core.Consultations;

/// <summary>
/// Which attachments are accepted, judged by their first bytes (a renamed executable is refused whatever its name).
/// Office files are zip containers, so for them the name's extension must agree too.
/// </summary>
public static class DocumentTypes
{
    public const string Accepted = "PDF, PNG, JPEG, Word (.docx), OpenDocument text (.odt) or plain text (.txt)";

    public static string? Detect(string fileName, ReadOnlySpan<byte> content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (content.StartsWith("%PDF-"u8)) return "application/pdf";
        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        if (content.StartsWith("PK\u0003\u0004"u8))
        {
            return extension switch
            {
                ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                ".odt" => "application/vnd.oasis.opendocument.text",
                _ => null,
            };
        }
        if (extension == ".txt" && !content.Contains((byte)0) && IsUtf8(content)) return "text/plain; charset=utf-8";
        return null;
    }

    private static bool IsUtf8(ReadOnlySpan<byte> content)
    {
        try
        {
            _ = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetCharCount(content);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
