using System.Data.Common;

using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PowRegistry.Core.Tests;

/// <summary>Keeps the text of every query a DbContext sends (pass it to <see cref="TestServices.NewDbContext"/>), for tests that count statements.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    public List<string> Commands { get; } = [];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Commands.Add(command.CommandText);
        return ValueTask.FromResult(result);
    }
}
