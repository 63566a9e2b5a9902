namespace PowRegistry.Core.Data;

/// <summary>
/// The store behind the register (ADR-025), chosen by <c>PowRegistry:Database:Provider</c>: SQLite, embedded, the
/// default; PostgreSQL, for a deployment with several instances or its own database service.
/// </summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
