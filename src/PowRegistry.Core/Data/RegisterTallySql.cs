using PowRegistry.Core.Notifications;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core.Data;

/// <summary>
/// The review's counts (<see cref="RegisterTally"/>) built from the records in one statement: for the migration that
/// brings them to an existing database, and for the benchmark, which writes its records by raw SQL. The save keeps
/// them from then on (<see cref="RegisterTallyUpkeep"/>). The same rules as <see cref="RegisterTallyCheck"/>.
/// </summary>
public static class RegisterTallySql
{
    private const string Counted = "\"MergedIntoId\" IS NULL";

    /// <summary>The statement for <paramref name="provider"/>: they differ only in how a due date becomes a day number.</summary>
    public static string Rebuild(DatabaseProvider provider) => $"""
        DELETE FROM "RegisterTallies";
        INSERT INTO "RegisterTallies" ("DeskId", "Dimension", "Value", "Count")
        SELECT "DeskId", {(int)TallyDimension.Custody}, "CustodyStatus", COUNT(*) FROM "Prisoners"
            WHERE {Counted} GROUP BY "DeskId", "CustodyStatus"
        UNION ALL
        SELECT "DeskId", {(int)TallyDimension.Wish}, "CurrentWish", COUNT(*) FROM "Prisoners"
            WHERE {Counted} AND "CurrentWish" IS NOT NULL GROUP BY "DeskId", "CurrentWish"
        UNION ALL
        SELECT "DeskId", {(int)TallyDimension.Verification}, "CurrentWishVerification", COUNT(*) FROM "Prisoners"
            WHERE {Counted} AND "CurrentWishVerification" IS NOT NULL GROUP BY "DeskId", "CurrentWishVerification"
        UNION ALL
        SELECT p."DeskId", {(int)TallyDimension.LateCaptureCards}, 0, COUNT(*) FROM "Notifications" AS n
            JOIN "Prisoners" AS p ON p."Id" = n."PrisonerId"
            WHERE p.{Counted} AND n."Kind" = {(int)NotificationKind.CaptureCard} AND n."SentOn" IS NOT NULL AND n."SentOn" > n."DueOn"
            GROUP BY p."DeskId"
        UNION ALL
        SELECT p."DeskId", CASE WHEN n."Kind" = {(int)NotificationKind.CaptureCard} THEN {(int)TallyDimension.OpenCaptureCards} ELSE {(int)TallyDimension.OpenOtherNotifications} END,
            {(provider == DatabaseProvider.PostgreSql ? PostgreSqlDayNumber : SqliteDayNumber)}, COUNT(*) FROM "Notifications" AS n
            JOIN "Prisoners" AS p ON p."Id" = n."PrisonerId"
            WHERE p.{Counted} AND n."SentOn" IS NULL
            GROUP BY 1, 2, 3;
        """;

    /// <summary>A due date (ISO text) as <see cref="DateOnly.DayNumber"/>: days since 0001-01-01, whose Julian day number is 1721425.5.</summary>
    private const string SqliteDayNumber = "CAST(julianday(n.\"DueOn\") - 1721425.5 AS INTEGER)";

    /// <summary>The same from PostgreSQL's date type: subtracting dates gives days (both count in the proleptic Gregorian calendar).</summary>
    private const string PostgreSqlDayNumber = "(n.\"DueOn\" - DATE '0001-01-01')";
}
