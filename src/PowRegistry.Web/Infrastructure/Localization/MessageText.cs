using System.Globalization;

using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

using PowRegistry.Core.Common;

namespace PowRegistry.Web.Infrastructure;

/// <summary>
/// Where Core's message keys become words in the reader's language (Resources/MessageResource.*.resx):
/// refusals, messages, and enum labels (key "{EnumType}.{Member}"). The one resolver pages, views and the API use.
/// </summary>
public sealed class MessageText(IStringLocalizer<MessageResource> words)
{
    public string this[Message message] => Resolve(message);

    public string this[Refusal refusal] => Resolve(refusal.Message);

    /// <summary>An enum value's label, e.g. WishDestination.ReturnToOrigin → "Return to his country of origin".</summary>
    public string Label(Enum value)
    {
        var found = words[LabelKey(value)];
        // Not in the resources: its member name (MessageKeysTests keeps every enum a user sees in the resources).
        return found.ResourceNotFound ? value.ToString() : found.Value;
    }

    public string Label<TEnum>(TEnum? value) where TEnum : struct, Enum => value is { } v ? Label(v) : "";

    public static string LabelKey(Enum value) => $"{value.GetType().Name}.{value}";

    /// <summary>The words for a key, or null when the resources have none (for labels looked up by convention).</summary>
    public string? Find(string key) => words[key] is { ResourceNotFound: false } found ? found.Value : null;

    /// <summary>The choices of a select list: each value (as its number) with its label, in declaration order.</summary>
    public IEnumerable<SelectListItem> Options<TEnum>() where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => new SelectListItem(Label(v), Convert.ToInt32(v, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)));

    private string Resolve(Message message)
    {
        if (message.Args.Length == 0) return words[message.Key].Value;
        var args = message.Args.Select(arg => arg switch
        {
            Message inner => Resolve(inner),
            Enum label => Label(label),
            _ => arg ?? "",
        }).ToArray();
        return words[message.Key, args].Value;
    }
}
