namespace PowRegistry.Web;

/// <summary>
/// Marker for the words of Core's messages, enum labels and form labels: Resources/MessageResource.{culture}.resx,
/// keyed by stable keys ("Request.Move.NotAllowed", "WishDestination.ReturnToOrigin", "PrisonerInput.FamilyName").
/// English is Resources/MessageResource.resx; a new language is one more file. Read through <see cref="Infrastructure.MessageText"/>.
/// </summary>
public sealed class MessageResource;
