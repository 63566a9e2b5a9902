using System.ComponentModel.DataAnnotations;

namespace PowRegistry.Core.Prisoners;

public sealed class IdentityDocumentInput
{
    [Display(Name = "IdentityDocumentInput.DocumentType")] public string? DocumentType { get; set; }
    [Display(Name = "IdentityDocumentInput.Number")] public string? Number { get; set; }
    [Display(Name = "IdentityDocumentInput.Issuer")] public string? Issuer { get; set; }
    [Display(Name = "IdentityDocumentInput.NameShown")] public string? NameShown { get; set; }
    [Display(Name = "IdentityDocumentInput.Authenticity")] public DocumentAuthenticity Authenticity { get; set; }
    [Display(Name = "IdentityDocumentInput.Notes")] public string? Notes { get; set; }
}
