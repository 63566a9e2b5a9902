using System.IO.Compression;
using System.Text;

using PowRegistry.Core.Common;

namespace PowRegistry.Core.Consultations;

/// <summary>
/// Which attachments are accepted, judged by their content (a renamed executable is refused whatever its name), with a
/// name whose extension agrees with that content.
/// Office files are zip containers, so for them the container is opened and must hold the parts its format requires
/// (a Word document's main part, an OpenDocument text's mimetype and content); the name's extension must agree too.
/// </summary>
public static class DocumentTypes
{
    /// <summary>The accepted kinds, as a user reads them.</summary>
    public static readonly Message Accepted = new("ConsultationDocument.Accepted");

    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Odt = "application/vnd.oasis.opendocument.text";

    /// <summary>A real document has tens of parts; thousands of entries is a zip built to waste the server's time.</summary>
    private const int MaxZipEntries = 2_000;

    /// <summary>Parts read to judge the type are small (a mimetype line, the content-type list); more is not a document.</summary>
    private const int MaxPartBytes = 64 * 1024;

    /// <summary>What may never ride inside an accepted document: programs, scripts, and Office macros.</summary>
    private static readonly string[] ForbiddenInside =
        [".exe", ".dll", ".com", ".scr", ".bat", ".cmd", ".ps1", ".vbs", ".vbe", ".js", ".jse", ".wsf", ".hta", ".jar", ".msi", ".lnk", ".sh", "vbaproject.bin"];

    public static string? Detect(string fileName, byte[] content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var start = content.AsSpan();
        // The name must agree with the content too: a file that begins like a PDF but is named .bat or .html is a
        // polyglot that another program would run once a colleague saves it under that name.
        if (start.StartsWith("%PDF-"u8)) return extension == ".pdf" ? "application/pdf" : null;
        if (start.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return extension == ".png" ? "image/png" : null;
        if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return extension is ".jpg" or ".jpeg" ? "image/jpeg" : null;
        if (start.StartsWith("PK\u0003\u0004"u8)) return extension is ".docx" or ".odt" ? OfficeType(extension, content) : null;
        if (extension == ".txt" && !start.Contains((byte)0) && IsUtf8(start)) return "text/plain; charset=utf-8";
        return null;
    }

    /// <summary>The container's type from the parts it holds, or null when it is not the document its name says.</summary>
    private static string? OfficeType(string extension, byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count is 0 or > MaxZipEntries) return null;
            if (zip.Entries.Any(e => ForbiddenInside.Any(f => e.FullName.EndsWith(f, StringComparison.OrdinalIgnoreCase)))) return null;
            return extension switch
            {
                ".docx" when IsWordDocument(zip) => Docx,
                // ODF: the first entry is "mimetype", stored, naming the type; the content and the manifest are required parts.
                ".odt" when zip.Entries[0].FullName == "mimetype" && ReadPart(zip.Entries[0]) == Odt
                    && zip.GetEntry("content.xml") is not null && zip.GetEntry("META-INF/manifest.xml") is not null => Odt,
                _ => null,
            };
        }
        catch (InvalidDataException)
        {
            return null; // a damaged or hand-made zip
        }
    }

    /// <summary>OOXML: the content-type list declares a Word main document (not a macro-enabled one) and the package names its relationships.</summary>
    private static bool IsWordDocument(ZipArchive zip) =>
        zip.GetEntry("_rels/.rels") is not null
        && zip.GetEntry("[Content_Types].xml") is { } types
        && ReadPart(types) is { } list
        && list.Contains("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", StringComparison.Ordinal)
        && !list.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase);

    private static string? ReadPart(ZipArchiveEntry entry)
    {
        if (entry.Length > MaxPartBytes) return null;
        using var stream = entry.Open();
        var buffer = new byte[MaxPartBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0) total += read;
        if (total > MaxPartBytes) return null; // the declared length lied
        var text = buffer.AsSpan(0, total);
        return IsUtf8(text) ? Encoding.UTF8.GetString(text).Trim() : null;
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
