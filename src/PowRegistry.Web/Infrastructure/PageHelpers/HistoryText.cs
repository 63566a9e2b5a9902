using System.Globalization;
using System.Text.RegularExpressions;

using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

using PowRegistry.Core.Accounts;
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
        "RequestStatusChange" => t["Status of a request"],
        "ConsultationStatusChange" => t["Status of a consultation"],
        "IdentityUserRole<string>" or "IdentityUserRole`1" or "IdentityUserRole" => t["Role of a user"],
        "IdentityRole" => t["Role"],
        nameof(AuditEntry) => t["Audit entries"],
        "IdentityRoleClaim`1" or "IdentityUserClaim`1" or "IdentityUserToken`1" or "IdentityUserLogin`1" => t["Sign-in settings"],
        _ => entityType,
    };

    public string Action(string action) => action switch
    {
        AuditActions.Create => t["added"],
        AuditActions.Update => t["changed"],
        AuditActions.Delete => t["removed"],
        AuditActions.Access => t["opened"],
        AuditActions.Anonymise => t["anonymised under retention"],
        AuditActions.Disclose => t["everything held on him produced"],
        AuditActions.ExpireAccess => t["viewers removed under retention"],
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
        if (OtherField(bare) is { } other) return other.Value;
        var words = Words().Replace(field.Replace(".", " ", StringComparison.Ordinal), " $1").ToLower(CultureInfo.InvariantCulture);
        return words.Length > 0 ? char.ToUpperInvariant(words[0]) + words[1..] : field;
    }

    /// <summary>
    /// Fields no form names, by their name in any entity (a status, who recorded it, when…). One literal per label, so
    /// that TranslationTests sees each and asks for its words. A field missing here reads as its name in English words.
    /// </summary>
    private LocalizedString? OtherField(string name) => name switch
    {
        "Reference" or "MergedReference" => t["Reference"],
        "DeskId" => t["Desk"],
        "CustodyStatus" => t["Custody status"],
        "CurrentWish" => t["Current wish"],
        "CurrentWishState" => t["Wished destination"],
        "CurrentWishVerification" => t["Verification"],
        "CurrentWishCertainty" => t["Certainty"],
        "Status" => t["Status"],
        "Kind" => t["Kind"],
        "Name" or "DisplayName" => t["Name"],
        "Note" => t["Note"],
        "Reason" => t["Reason"],
        "Decision" => t["Decision"],
        "Title" => t["Title"],
        "Date" => t["Date"],
        "Email" or "UserName" => t["Email"],
        "Country" => t["Country"],
        "Channel" => t["Channel"],
        "From" => t["Previous status"],
        "To" => t["New status"],
        "What" => t["What"],
        "Done" => t["Done"],
        "DoneAt" => t["Done at"],
        "DoneBy" => t["Done by"],
        "OwnerId" => t["Owner"],
        "DueOn" => t["Due"],
        "EventDate" => t["Event date"],
        "SentRecordedAt" => t["Sending recorded at"],
        "SentRecordedBy" => t["Sending recorded by"],
        "SentReference" => t["Reference (letter or message number)"],
        "CustodyEventId" => t["Custody event"],
        "RecordedAt" or "ChangedAt" or "ReviewedAt" or "MergedAt" or "UploadedAt" or "RequestedAt" => t["Recorded at"],
        "RecordedBy" or "ChangedBy" or "ReviewedBy" or "MergedBy" or "UploadedBy" or "RequestedBy" => t["Recorded by"],
        "RequestId" => t["Request"],
        "ConsultationId" => t["Consultation"],
        "MergedId" => t["Merged record"],
        "SurvivorId" or "MergedIntoId" => t["Merged into"],
        "WishId" or "HandoverWishId" or "LiftWishId" => t["Wish statement"],
        "IsWithdrawn" => t["Withdrawn"],
        "WithdrawnAt" => t["Withdrawn at"],
        "WithdrawnBy" => t["Withdrawn by"],
        "WithdrawnReason" => t["Reason for withdrawing"],
        "FlaggedForReview" => t["Flagged for review"],
        "FlagReason" => t["Why it was flagged"],
        "HandedOverOn" => t["Handed over on"],
        "FirstLiftAt" or "SecondLiftAt" => t["Stop lifted at"],
        "FirstLiftBy" or "SecondLiftBy" => t["Stop lifted by"],
        "FirstLiftReason" or "SecondLiftReason" => t["Reason for lifting the stop"],
        "LastActivityAt" => t["Last activity"],
        "FileName" => t["File"],
        "ContentType" => t["Type"],
        "Size" => t["Size"],
        "ApprovedAt" => t["Approved at"],
        "ApprovedBy" => t["Approved by"],
        "CounterpartId" => t["Counterpart"],
        "Recipient" => t["To whom"],
        "RecordCount" => t["Records"],
        "Fields" => t["Fields"],
        "Filter" => t["Filter"],
        "Downloads" => t["Downloads"],
        "LastDownloadedAt" => t["Last downloaded at"],
        "WithIdentities" => t["Identities"],
        "PrisonerIds" => t["Prisoners"],
        "RequestIds" => t["Requests"],
        "ExpiresAt" => t["Expires"],
        "RevokedAt" => t["Revoked"],
        "RevokedBy" => t["Revoked by"],
        "Hint" => t["Token begins with"],
        "UserId" => t["User"],
        "RoleId" => t["Role"],
        "PhoneNumber" => t["Phone number"],
        "IsDisabled" => t["Disabled"],
        "TwoFactorEnabled" => t["Two-factor sign-in"],
        "PreferredLanguage" => t["Language"],
        "AccessFailedCount" => t["Failed logins in a row"],
        "LockoutEnd" => t["Locked out until"],
        "PasswordHash" => t["Password"],
        "SecurityStamp" => t["Sign-in stamp"],
        "AnonymisedAt" => t["Anonymised at"],
        "LegalHoldReason" => t["Legal hold"],
        "LegalHoldBy" => t["Legal hold placed by"],
        "LegalHoldAt" => t["Legal hold placed at"],
        "EarlyAnonymisationReason" => t["Reason for anonymising early"],
        "EarlyAnonymisationBy" => t["Early anonymisation signed off by"],
        "EarlyAnonymisationAt" => t["Early anonymisation signed off at"],
        "Retention" => t["Why anonymised"],
        "RedactedEntries" => t["Audit entries redacted"],
        "AccessLogYears" => t["Views kept for (years)"],
        "ExpiredEntries" => t["Views whose viewer was removed"],
        "Format" => t["Produced as"],
        _ => null,
    };

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
            _ when row.EntityType == "IdentityRole" && field is "Name" && Roles.All.Contains(value) => Text(m[Roles.Label(value)]),
            _ => Text(value),
        };
    }

    private static IHtmlContent Text(string text) => new HtmlContentBuilder().Append(text);

    private static IHtmlContent Link(string href, string text) =>
        new HtmlContentBuilder().AppendHtml("<a href=\"").Append(href).AppendHtml("\">").Append(text).AppendHtml("</a>");

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex Words();
}
