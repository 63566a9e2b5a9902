using PowRegistry.Core.Prisoners;

namespace PowRegistry.Web.Pages.Prisoners;

/// <summary>What the _Art17Field partial needs to draw one identity item.</summary>
public sealed record Art17FieldView(string Name, string Label, string? Value, bool Declined, InformationSource Source, string? Hint = null);
