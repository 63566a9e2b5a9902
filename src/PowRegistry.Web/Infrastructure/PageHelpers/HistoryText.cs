using System.Globalization;
using System.Text.RegularExpressions;

using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

using PowRegistry.Core.Audit;
using PowRegistry.Core.Common;
using PowRegistry.Core.Countries;

namespace PowRegistry.Web.Infrastructure;

/// <summary>
/// An audit entry as a person reads it (issue 15): "Alias — added" rather than "Create PrisonerAlias"; each field by
/// its form label in the reader's language; people by display name; enum values by their labels; countries by name;
/// related records as links. The values themselves are the recorded ones: nothing is looked up as it is today.
/// </summary>
public sealed partial class HistoryText(IStringLocalizer<SharedResource> t, MessageText m)
{
    /// <summary>The form whose labels name an entity's fields (its fields carry the same names, some with "Code" added).</summary>
    private static readonly Dictionary<string, string[]> LabelSources = new(StringComparer.Ordinal)
    {
        ["Prisoner"] = ["PrisonerInput"],
        ["PrisonerAlias"] = ["AliasInput"],
        ["IdentityDocument"] = ["IdentityDocumentInput"],
        ["CustodyEvent"] = ["CustodyEventInput"],
        ["WishDeclaration"] = ["WishInput"],
        ["TransferRequest"] = ["RequestInput", "HandoverInput"],
        ["Consultation"] = ["ConsultationInput"],
        ["Notification"] = ["SentInput"],
        ["ApiToken"] = ["ApiTokenInput"],
        ["AppUser"] = ["NewUserInput"],
    };

    public string What(AuditRow row) => $"{Entity(row.EntityType)} — {Action(row.Action)}";

    public string Entity(string entityType) => entityType switch
    {
        "Prisoner" => t["Prisoner's record"],
        "PrisonerAlias" => t["Alias"],
        "IdentityDocument" => t["Identity document"],
        "CustodyEvent" => t["Custody event"],
        "PrisonerMerge" => t["Merge of duplicate records"],
        "WishDeclaration" => t["Wish statement"],
        "TransferRequest" => t["Request"],
        "RequestReview" => t["Review of a request"],
        "Consultation" => t["Consultation"],
        "ConsultationDocument" => t["Consultation document"],
        "ActionItem" => t["Action item"],
        "Counterpart" => t["Counterpart"],
        "Notification" => t["Notification"],
        "Desk" => t["Desk"],
        "DeskMember" => t["Desk membership"],
        "AppUser" => t["User account"],
        "ApiToken" => t["API token"],
        "Transfer" => t["Shared list"],
        _ => entityType,
    };

    public string Action(string action) => action switch
    {
        AuditActions.Create => t["added"],
        AuditActions.Update => t["changed"],
        AuditActions.Delete => t["removed"],
        AuditActions.Access => t["opened"],
        _ => action,
    };

    /// <summary>The changes worth showing: not what the entry's own columns say (who, when, the record's id).</summary>
    public static IEnumerable<FieldChange> Shown(AuditRow row) => row.Changes.Where(c => row.KindOf(c.Field) != AuditValueKind.Hidden);

    public string Field(AuditRow row, string field)
    {
        // "DateOfBirthInfo.Source" is the form's "DateOfBirthSource"; "NationalityCode" is its "Nationality".
        var name = field.Split('.') is [var item, var part] && item.EndsWith("Info", StringComparison.Ordinal) ? item[..^4] + part : field;
        var bare = name.EndsWith("Code", StringComparison.Ordinal) ? name[..^4] : name;
        foreach (var form in LabelSources.GetValueOrDefault(row.EntityType, []))
        {
            if (m.Find($"{form}.{bare}") is { } label) return label;
        }
        switch (bare)
        {
            case "Reference": return t["Reference"];
            case "DeskId": return t["Desk"];
            case "CustodyStatus": return t["Custody status"];
            case "CurrentWish": return t["Current wish"];
            case "CurrentWishState": return t["Wished destination"];
            case "CurrentWishVerification": return t["Verification"];
            case "CurrentWishCertainty": return t["Certainty"];
        }
        // No form label: the field's name in words ("DueOn" → "Due on").
        return Words().Replace(field.Replace(".", " ", StringComparison.Ordinal), " $1").ToLower(CultureInfo.InvariantCulture) is var words && words.Length > 0
            ? char.ToUpperInvariant(words[0]) + words[1..]
            : field;
    }

    /// <summary>What a field became ("Sergeant"), was ("Private", when removed), or both for a change ("Private → Sergeant").</summary>
    public IHtmlContent Change(AuditRow row, FieldChange change) => row.Action switch
    {
        AuditActions.Update => new HtmlContentBuilder().AppendHtml(Value(row, change.Field, change.Old)).Append(" → ").AppendHtml(Value(row, change.Field, change.New)),
        AuditActions.Delete => Value(row, change.Field, change.Old),
        _ => Value(row, change.Field, change.New),
    };

    public IHtmlContent Value(AuditRow row, string field, string? value)
    {
        if (value is null) return new HtmlString("—");
        if (value == AuditService.Restricted) return Text(t["(restricted)"]);
        if (value == "(secret changed)") return Text(t["(secret changed)"]);
        var inv = CultureInfo.InvariantCulture;
        return row.KindOf(field) switch
        {
            AuditValueKind.Enum when row.EnumTypes.TryGetValue(field, out var type) && Enum.TryParse(type, value, out var member) => Text(m.Label((Enum)member!)),
            AuditValueKind.Flag => Text(value == bool.TrueString ? t["Yes"] : t["No"]),
            AuditValueKind.Moment when DateTimeOffset.TryParse(value, inv, DateTimeStyles.RoundtripKind, out var at) => Text(at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", inv) + " UTC"),
            AuditValueKind.Person => Text(row.People.GetValueOrDefault(value) ?? (value == CurrentUser.SystemUserId ? t["PowRegistry (system)"].Value : value)),
            AuditValueKind.Prisoner => Link($"/Prisoners/{value}", $"{t["Prisoner"]} {value}"),
            AuditValueKind.Request => Link($"/Requests/{value}", $"{t["Request"]} {value}"),
            AuditValueKind.Consultation => Link($"/Consultations/{value}", $"{t["Consultation"]} {value}"),
            _ when field.EndsWith("Code", StringComparison.Ordinal) && CountryList.IsKnown(value) => Text(CountryList.NameOf(value)),
            _ => Text(value),
        };
    }

    private static IHtmlContent Text(string text) => new HtmlContentBuilder().Append(text);

    private static IHtmlContent Link(string href, string text) =>
        new HtmlContentBuilder().AppendHtml("<a href=\"").Append(href).AppendHtml("\">").Append(text).AppendHtml("</a>");

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex Words();
}
