namespace PowRegistry.Core.Common;

/// <summary>An error a user can act on, attached to a field of the form (or to the whole form when Field is empty).</summary>
public sealed record FieldError(string Field, string Message);
