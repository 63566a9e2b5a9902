using System.Data.Common;
using System.Net;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

using PowRegistry.Core.Data;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests;

/// <summary>Liveness never touches the database; readiness (and the older /health) fails when the database does not answer.</summary>
public sealed class HealthTests(HealthTests.Factory app) : IClassFixture<HealthTests.Factory>
{
    [Fact]
    public async Task Live_AnswersWithoutTheDatabase()
    {
        using var session = app.NewSession();
        app.Database.Commands = 0;
        app.Database.Broken = true;
        try
        {
            var response = await session.Client.GetAsync("/health/live");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(0, app.Database.Commands);
        }
        finally
        {
            app.Database.Broken = false;
        }
    }

    [Theory]
    [InlineData("/health/ready")]
    [InlineData("/health")]
    public async Task Ready_IsHealthyOnlyWhileTheDatabaseAnswers(string url)
    {
        using var session = app.NewSession();
        Assert.Equal("Healthy", await session.Client.GetStringAsync(url));

        app.Database.Broken = true;
        try
        {
            var response = await session.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            app.Database.Broken = false;
        }
        Assert.Equal("Healthy", await session.Client.GetStringAsync(url));
    }

    /// <summary>The real app, whose database commands can be made to fail and are counted.</summary>
    public sealed class Factory : PowRegistryFactory
    {
        public FailingDatabase Database { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.ConfigureDbContext<PowRegistryDbContext>(o => o.AddInterceptors(Database)));
        }
    }

    public sealed class FailingDatabase : DbCommandInterceptor
    {
        private int _commands;

        public bool Broken { get; set; }

        public int Commands { get => Volatile.Read(ref _commands); set => Volatile.Write(ref _commands, value); }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _commands);
            if (Broken) throw new InvalidOperationException("The test made the database unreachable.");
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _commands);
            if (Broken) throw new InvalidOperationException("The test made the database unreachable.");
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
