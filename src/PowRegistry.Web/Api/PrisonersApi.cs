using System.Text.Json.Nodes;

using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Prisoners;
using PowRegistry.Core.Wishes;
using PowRegistry.Web.Infrastructure;

namespace PowRegistry.Web.Api;

/// <summary>A prisoner as the API shows him. Names follow the form labels; next-of-kin fields are null outside his desk.</summary>
public sealed record PrisonerResource(
    string Reference,
    int Version,
    string? FamilyName, bool FamilyNameDeclined, InformationSource FamilyNameSource,
    string? GivenNames, bool GivenNamesDeclined, InformationSource GivenNamesSource,
    string? Rank, bool RankDeclined, InformationSource RankSource,
    string? ServiceNumber, bool ServiceNumberDeclined, InformationSource ServiceNumberSource,
    string? DateOfBirth, bool DateOfBirthDeclined, InformationSource DateOfBirthSource,
    string? PlaceOfBirth,
    string? Nationality,
    string? PowerDependedOn,
    string? Unit,
    string? DateOfCapture,
    string? PlaceOfCapture,
    string? DetainingPower,
    string? PlaceOfInternment,
    HealthStatus HealthStatus,
    string? Languages,
    bool InterpreterNeeded,
    string? FatherFirstName,
    string? MotherMaidenName,
    string? PersonToBeInformed,
    string? AddressForCorrespondence,
    bool NextOfKinWithheld,
    string? Notes,
    int DeskId,
    CustodyStatus CustodyStatus,
    WishDestination? CurrentWish,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static PrisonerResource From(Prisoner p, bool maySeeSensitive)
    {
        var f = PrisonerInput.From(p);
        return new PrisonerResource(p.Reference, p.Version,
            f.FamilyName, f.FamilyNameDeclined, f.FamilyNameSource,
            f.GivenNames, f.GivenNamesDeclined, f.GivenNamesSource,
            f.Rank, f.RankDeclined, f.RankSource,
            f.ServiceNumber, f.ServiceNumberDeclined, f.ServiceNumberSource,
            f.DateOfBirth, f.DateOfBirthDeclined, f.DateOfBirthSource,
            f.PlaceOfBirth, f.Nationality, f.PowerDependedOn, f.Unit, f.DateOfCapture, f.PlaceOfCapture, f.DetainingPower,
            f.PlaceOfInternment, f.HealthStatus, f.Languages, f.InterpreterNeeded,
            maySeeSensitive ? f.FatherFirstName : null,
            maySeeSensitive ? f.MotherMaidenName : null,
            maySeeSensitive ? f.PersonToBeInformed : null,
            maySeeSensitive ? f.AddressForCorrespondence : null,
            !maySeeSensitive,
            f.Notes, p.DeskId, p.CustodyStatus, p.CurrentWish, p.CreatedAt, p.UpdatedAt);
    }
}

public sealed record PrisonerSummary(
    string Reference, string? FamilyName, string? GivenNames, string? FirstAlias, string? Rank, string? ServiceNumber,
    string? Nationality, string? DetainingPower, DateOnly? DateOfCapture, CustodyStatus CustodyStatus,
    WishDestination? CurrentWish, string? CurrentWishState, WishVerification? CurrentWishVerification, int? CurrentWishCertainty);

/// <summary>A page of the register: pass `next` as `after` (or `previous` as `before`) for the neighbouring page.</summary>
public sealed record PrisonerPage(IReadOnlyList<PrisonerSummary> Items, string? Previous, string? Next);

/// <summary>The register's search, filters, sort and keyset cursor, as query parameters (values as in the JSON, e.g. status=inCustody).</summary>
public sealed class PrisonerListQuery
{
    public string? Search { get; set; }
    public string? Status { get; set; }
    public string? Nationality { get; set; }
    public string? DetainingPower { get; set; }
    public string? Wish { get; set; }
    public string? WishState { get; set; }
    public string? Verification { get; set; }
    public string? Sort { get; set; }
    public bool? Descending { get; set; }
    public string? After { get; set; }
    public string? Before { get; set; }
    public int? PageSize { get; set; }
}

public static class PrisonersApi
{
    public static void MapPrisoners(this RouteGroupBuilder api)
    {
        var prisoners = api.MapGroup("/prisoners");
        prisoners.MapGet("", ListAsync).WithName("ListPrisoners")
            .WithSummary("The register: search (any script or spelling), filters, sort and cursor paging; only the caller's desks.");
        prisoners.MapGet("/{reference}", GetAsync).WithName("GetPrisoner")
            .WithSummary("One prisoner by reference (POW-YYYY-NNNNNN). ETag carries his version; the access is audited.");
        prisoners.MapPost("", CreateAsync).RequireAuthorization(ApiPolicies.Write).WithName("CreatePrisoner")
            .Accepts<PrisonerInput>("application/json")
            .WithSummary("Registers a prisoner. Possible duplicates are refused (400, errors.duplicatesChecked) until resent with duplicatesChecked: true.");
        prisoners.MapPut("/{reference}", UpdateAsync).RequireAuthorization(ApiPolicies.Write).WithName("UpdatePrisoner")
            .Accepts<PrisonerInput>("application/json")
            .WithSummary("Replaces the record's fields. If-Match with the ETag of the version you changed is required (428 without, 412 when stale).");
        prisoners.MapAliases();
        prisoners.MapCustodyEvents();
        prisoners.MapWishes();
    }

    /// <summary>The internal id behind a reference, if the caller may see the record (need-to-know applies in the query).</summary>
    internal static async Task<int?> IdOfAsync(PowRegistryDbContext db, string reference, CancellationToken ct)
    {
        var normal = reference.Trim().ToUpperInvariant();
        return await db.Prisoners.Where(p => p.Reference == normal).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
    }

    internal static IResult NotFound() => ApiProblems.NotFound("prisoner");

    private static async Task<IResult> ListAsync([AsParameters] PrisonerListQuery query, RegisterService service, CancellationToken ct)
    {
        var errors = new List<Refusal>();
        var filter = new RegisterFilter
        {
            Q = query.Search,
            Status = query.Status,
            Nationality = query.Nationality,
            DetainingPower = query.DetainingPower,
            Wish = query.Wish,
            WishState = query.WishState,
            Verification = query.Verification,
        };
        var register = filter.Read(errors, namesOnly: true);
        register.Sort = ApiEnum.Parse<RegisterSort>(query.Sort, "sort", errors) ?? register.Sort;
        register.Descending = query.Descending ?? false;
        register.After = query.After;
        register.Before = query.Before;
        register.PageSize = query.PageSize ?? RegisterQuery.DefaultPageSize;
        if (query.PageSize is < 1 or > 200) errors.Add(Refusal.Invalid("Ask for 1 to 200 records a page.").On("pageSize"));
        if (errors.Count > 0) return ApiProblems.Validation(errors);

        var page = await service.ListAsync(register, ct);
        return Results.Ok(new PrisonerPage(
            page.Rows.Select(r => new PrisonerSummary(r.Reference, r.FamilyName, r.GivenNames, r.FirstAlias, r.Rank, r.ServiceNumber,
                r.NationalityCode, r.DetainingPowerCode, r.DateOfCapture, r.CustodyStatus, r.CurrentWish, r.CurrentWishStateCode,
                r.CurrentWishVerification, r.CurrentWishCertainty)).ToList(),
            page.PreviousCursor, page.NextCursor));
    }

    private static async Task<IResult> GetAsync(string reference, PowRegistryDbContext db, PrisonerService service, CurrentUser currentUser, HttpContext http, CancellationToken ct)
    {
        if (await IdOfAsync(db, reference, ct) is not { } id || await service.OpenAsync(id, ct) is not { } prisoner) return NotFound();
        http.Response.Headers.ETag = ApiProblems.ETag(prisoner.Version);
        return Results.Ok(PrisonerResource.From(prisoner, currentUser.MaySeeSensitive(prisoner.DeskId)));
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, PrisonerService service, CurrentUser currentUser, CancellationToken ct)
    {
        var (input, problem) = await ApiProblems.ReadJsonAsync<PrisonerInput>(request);
        if (problem is not null) return problem;
        var result = await service.CreateAsync(input!, currentUser.Actor, ct);
        if (!result.Succeeded) return ApiProblems.Failed(result, "prisoner");
        var prisoner = result.Value!;
        request.HttpContext.Response.Headers.ETag = ApiProblems.ETag(prisoner.Version);
        return Results.Created($"/api/v1/prisoners/{prisoner.Reference}", PrisonerResource.From(prisoner, currentUser.MaySeeSensitive(prisoner.DeskId)));
    }

    private static async Task<IResult> UpdateAsync(string reference, HttpRequest request, PowRegistryDbContext db, PrisonerService service, CurrentUser currentUser, CancellationToken ct)
    {
        if (await IdOfAsync(db, reference, ct) is not { } id) return NotFound();
        var ifMatch = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return Results.Problem(statusCode: StatusCodes.Status428PreconditionRequired,
                detail: "Send If-Match with the ETag of the version you read (GET the prisoner first), so that you never overwrite a change you have not seen.");
        }
        // What a GET returned may come back whole: its read-only fields are accepted, and must agree where they name something.
        var (input, readOnly, sent, problem) = await ApiProblems.ReadReplacementAsync<PrisonerInput, PrisonerResource>(request);
        if (problem is not null) return problem;
        if (!TryParseETag(ifMatch, out var version))
        {
            var current = await service.GetForEditAsync(id, ct);
            return ApiProblems.StaleVersion([], current?.Version ?? 0);
        }
        if (Field(readOnly!, "reference") is { } sentReference
            && !string.Equals(sentReference.GetValue<string>().Trim(), reference.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return ApiProblems.Validation("reference", "This is another prisoner's reference: send his record to his own address, or leave the field out.");
        }
        if (Field(sent!, "version") is not null && input!.Version != version)
        {
            return ApiProblems.Validation("version", "The version in the body is not the one in If-Match: send the ETag of the version you read, or leave the field out.");
        }
        input!.Version = version;
        var result = await service.UpdateAsync(id, input, currentUser.Actor, ct);
        if (!result.Succeeded) return ApiProblems.Failed(result, "prisoner");
        var prisoner = result.Value!;
        request.HttpContext.Response.Headers.ETag = ApiProblems.ETag(prisoner.Version);
        return Results.Ok(PrisonerResource.From(prisoner, currentUser.MaySeeSensitive(prisoner.DeskId)));
    }

    /// <summary>A field of the body as sent (JSON names match case-insensitively, as System.Text.Json's web defaults read them).</summary>
    private static JsonNode? Field(JsonObject body, string name) =>
        body.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>"7" or W/"7" (a weak tag compares the same here: the version is the whole state).</summary>
    private static bool TryParseETag(string header, out int version)
    {
        version = 0;
        if (!EntityTagHeaderValue.TryParseList([header], out var tags) || tags.Count != 1 || tags[0].Tag.Length < 3) return false;
        return int.TryParse(tags[0].Tag.AsSpan(1, tags[0].Tag.Length - 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out version);
    }
}
