namespace PowRegistry.Web;

/// <summary>
/// Marker for the shared user-facing text: Resources/SharedResource.{culture}.resx. The English text is the key
/// itself, so English needs no file; Korean and Ukrainian add theirs.
/// </summary>
public sealed class SharedResource;
