using System.Net;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Common;
using PowRegistry.Core.Data.Sqlite;
using PowRegistry.Core.Desks;

namespace PowRegistry.Web.Tests.Infrastructure;

/// <summary>
/// The real application (Program.cs, real migrations) over its own SQLite file. Each test class that uses it
/// as a fixture gets its own database. A bootstrap administrator exists unless <see cref="WithBootstrapAdmin"/> is false.
/// </summary>
public class PowRegistryFactory : WebApplicationFactory<Program>
{
    /// <summary>
    /// Test hosts do not watch appsettings.json for changes: each watch takes an inotify instance, and a Linux user gets
    /// 128. With two suites running at once (or helpers' runs beside CI) hosts then failed to start ("exited without
    /// ever building an IHost"). Set for the whole test process, so the app processes it starts inherit it too.
    /// </summary>
    static PowRegistryFactory() => Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");

    public const string AdminEmail = "admin@powregistry.test";
    public const string AdminPassword = "correct horse battery staple";
    public const string OfficerPassword = "officer passphrase long enough";

    private readonly string _folder;

    public PowRegistryFactory() : this(Path.Combine(Path.GetTempPath(), $"powregistry-web-{Guid.NewGuid():N}"))
    {
    }

    /// <summary>An instance over the database (and audit key) in <paramref name="folder"/>, which another instance may share.</summary>
    protected PowRegistryFactory(string folder) => _folder = folder;

    /// <summary>Cookies are Secure (and __Host-), so clients talk HTTPS; TestServer accepts any scheme.</summary>
    public static readonly Uri BaseAddress = new("https://localhost");

    /// <summary>Lets a test act from a given client address (TestServer has none): see <see cref="Session.From"/>.</summary>
    public const string RemoteAddressHeader = "X-Test-Remote-Address";

    protected virtual bool WithBootstrapAdmin => true;

    /// <summary>
    /// Test classes log in far more than 10 times a minute from one address; only the classes that test the limit
    /// keep the real one.
    /// </summary>
    protected virtual bool KeepLoginRateLimit => false;

    /// <summary>
    /// The app hashes passwords with PBKDF2 at 210,000 iterations (SignInSetup), about 160 ms of CPU a hash, and most test
    /// classes log in and create users (a profile of the web tests found 14 % of their CPU in PBKDF2): here 1,000
    /// iterations, the same code at a smaller cost. The classes about signing in itself keep the app's (SignInTests checks
    /// the 210,000). The decoy hash of DecoyPasswordCheck is made once per process, by whichever instance needs it first.
    /// </summary>
    protected virtual bool KeepPasswordHashCost => false;

    /// <summary>Set to replace the clock (TimeProvider) everywhere in the app: sessions, security stamps, TOTP.</summary>
    protected virtual FakeTimeProvider? Clock => null;

    /// <summary>The SQLite file (SQLite pass only; the PostgreSQL pass has a database on the test server instead).</summary>
    public string DatabasePath => Path.Combine(_folder, "powregistry.db");

    /// <summary>This folder's database, the same for every instance over the folder (<see cref="TestDatabase"/>).</summary>
    public string ConnectionString => Databases.GetOrAdd(_folder, _ => TestDatabase.NewConnectionString(DatabasePath));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Databases = new(StringComparer.Ordinal);
    public string AuditKeyPath => Path.Combine(_folder, "audit.key");
    public string Folder => _folder;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:PowRegistry", ConnectionString);
        builder.UseSetting("PowRegistry:Database:Provider", TestDatabase.Provider.ToString());
        builder.UseSetting("PowRegistry:LogFolder", Path.Combine(_folder, "logs"));
        builder.UseSetting("PowRegistry:Audit:KeyFile", AuditKeyPath);
        if (WithBootstrapAdmin)
        {
            builder.UseSetting("PowRegistry:BootstrapAdmin:Email", AdminEmail);
            builder.UseSetting("PowRegistry:BootstrapAdmin:Password", AdminPassword);
        }
        // The daily retention run would change a test's records behind its back; RetentionScheduleTests run it by hand.
        builder.UseSetting("PowRegistry:Retention:RunDaily", "false");
        if (!KeepLoginRateLimit) builder.UseSetting("PowRegistry:SignIn:AttemptsPerWindow", "100000");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter, TestRemoteAddress>();
            if (!KeepPasswordHashCost) services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
            if (Clock is { } clock)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(clock);
            }
        });
    }

    /// <summary>A client that keeps cookies and does not follow redirects (tests see each 302).</summary>
    public Session NewSession() => NewSession(new CookieContainer());

    /// <summary>A client with the given cookie jar: a browser whose requests a proxy sends to this instance.</summary>
    public Session NewSession(CookieContainer cookies) =>
        new(CreateDefaultClient(BaseAddress, new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(cookies)), cookies);

    /// <summary>A client without a cookie jar: the test sets the Cookie header itself (e.g. to replay a copied cookie).</summary>
    public HttpClient NewClientWithoutCookies() => CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = BaseAddress, AllowAutoRedirect = false, HandleCookies = false });

    public async Task<Session> LoginAsync(string email, string password)
    {
        var session = NewSession();
        await session.LoginAsync(email, password);
        return session;
    }

    public Task<Session> LoginAsAdminAsync() => LoginAsync(AdminEmail, AdminPassword);

    /// <summary>
    /// Creates a user through the service layer (what /Admin/Users does), puts him in the given desks (by default
    /// the main desk every record starts in) and returns a logged-in session.
    /// </summary>
    public async Task<Session> LoginAsNewUserAsync(string role, params int[] deskIds) =>
        await LoginAsync((await CreateUserAsync(role, deskIds)).Email, OfficerPassword);

    /// <summary>Creates a user with <see cref="OfficerPassword"/> in the given desks (by default the main desk), as /Admin/Users does.</summary>
    public async Task<(string Id, string Email)> CreateUserAsync(string role, params int[] deskIds)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@powregistry.test";
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        var users = scope.ServiceProvider.GetRequiredService<UserAdminService>();
        var created = await users.CreateAsync(new NewUserInput { Email = email, DisplayName = role + " test user", Role = role, Password = OfficerPassword }, Actor.System, CancellationToken.None);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
        var desks = scope.ServiceProvider.GetRequiredService<DeskService>();
        await desks.SetMembershipAsync(created.Value!.Id, deskIds.Length == 0 ? [Desk.DefaultDeskId] : deskIds, CancellationToken.None);
        return (created.Value!.Id, email);
    }

    /// <summary>Runs service-layer code as the system (seeing every desk), e.g. to arrange data.</summary>
    public async Task<T> AsSystemAsync<TService, T>(Func<TService, Task<T>> action) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        if (Databases.TryGetValue(_folder, out var connectionString))
        {
            // The app's own connections use the string as the app resolves it (StartupExtensions); the tests', as given.
            TestDatabase.ClearSqlitePool(connectionString);
            if (!TestDatabase.IsPostgreSql) TestDatabase.ClearSqlitePool(SqliteSetup.ResolveConnectionString(connectionString, _folder));
        }
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Sets the connection's remote address from <see cref="PowRegistryFactory.RemoteAddressHeader"/>, before the app sees the request.</summary>
internal sealed class TestRemoteAddress : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[PowRegistryFactory.RemoteAddressHeader], out var address)) context.Connection.RemoteIpAddress = address;
            return nextMiddleware(context);
        });
        next(app);
    };
}

/// <summary>The application with the production login rate limit (10 a minute per account and per address).</summary>
public sealed class RateLimitedRegistryFactory : PowRegistryFactory
{
    protected override bool KeepLoginRateLimit => true;
}

/// <summary>The production login rate limit, behind a reverse proxy at 10.0.0.5 whose X-Forwarded-For is trusted.</summary>
public sealed class BehindProxyRegistryFactory : PowRegistryFactory
{
    public const string Proxy = "10.0.0.5";

    protected override bool KeepLoginRateLimit => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("PowRegistry:ForwardedHeaders:KnownProxies:0", Proxy);
    }
}

/// <summary>The application on a clock the test moves: idle timeouts, security-stamp checks and TOTP codes without waiting.</summary>
public sealed class FakeClockRegistryFactory : PowRegistryFactory
{
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    protected override FakeTimeProvider? Clock => Time;
}

/// <summary>An application with no user yet: first-run setup is open.</summary>
public sealed class EmptyRegistryFactory : PowRegistryFactory
{
    protected override bool WithBootstrapAdmin => false;
}

/// <summary>One of several app instances over one database file (the same audit key; Data Protection keys come from the database).</summary>
public sealed class InstanceFactory(string folder, bool bootstrapAdmin = true, bool keepLoginRateLimit = false, int? apiRequestsPerMinute = null) : PowRegistryFactory(folder)
{
    protected override bool WithBootstrapAdmin => bootstrapAdmin;

    protected override bool KeepLoginRateLimit => keepLoginRateLimit;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (apiRequestsPerMinute is { } limit) builder.UseSetting("PowRegistry:Api:RequestsPerMinute", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>The production login rate limit; X-Forwarded-For trusted from the proxies in 10.0.0.0/24 (a configured network).</summary>
public sealed class BehindProxyNetworkRegistryFactory : PowRegistryFactory
{
    protected override bool KeepLoginRateLimit => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("PowRegistry:ForwardedHeaders:KnownNetworks:0", "10.0.0.0/24");
    }
}
