namespace PowRegistry.Core.Prisoners;

/// <summary>A document found on or given by the prisoner. Captured soldiers may carry documents in another name.</summary>
public sealed class IdentityDocument
{
    private IdentityDocument() { }

    internal IdentityDocument(string documentType, string? number, string? issuer, string? nameShown, DocumentAuthenticity authenticity, string? notes)
    {
        DocumentType = documentType;
        Number = number;
        Issuer = issuer;
        NameShown = nameShown;
        Authenticity = authenticity;
        Notes = notes;
    }

    public int Id { get; private set; }
    public int PrisonerId { get; private set; }
    public string DocumentType { get; private set; } = "";
    public string? Number { get; private set; }
    public string? Issuer { get; private set; }
    public string? NameShown { get; private set; }
    public DocumentAuthenticity Authenticity { get; private set; }
    public string? Notes { get; private set; }
}
