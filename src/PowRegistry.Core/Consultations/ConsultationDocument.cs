using PowRegistry.Core.Common;

namespace PowRegistry.Core.Consultations;

/// <summary>
/// A document attached to a consultation (a note verbale, minutes, a letter). Stored in the database, so it is
/// backed up, audited and restricted like the rest; its type is checked by its content, not its name.
/// </summary>
public sealed class ConsultationDocument
{
    private ConsultationDocument() { }

    internal ConsultationDocument(int consultationId, string fileName, string contentType, byte[] content, Actor actor, DateTimeOffset now)
    {
        ConsultationId = consultationId;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        Size = content.Length;
        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        UploadedBy = actor.UserId;
        UploadedAt = now;
    }

    public int Id { get; private set; }
    public int ConsultationId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public int Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public string UploadedBy { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }
}
