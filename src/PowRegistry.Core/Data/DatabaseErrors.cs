using Microsoft.EntityFrameworkCore;

using PowRegistry.Core.Data.Sqlite;

namespace PowRegistry.Core.Data;

/// <summary>What a failed save means, asked without knowing the store: services never see a provider's exception type.</summary>
public static class DatabaseErrors
{
    /// <summary>The save broke a unique index on <paramref name="column"/> (someone saved the same value a moment earlier).</summary>
    public static bool IsUniqueViolation(DbUpdateException error, string column) => SqliteSetup.IsUniqueViolation(error.InnerException, column);
}
