using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Common;
using PowRegistry.Core.Desks;

namespace PowRegistry.Web.Tests.Infrastructure;

/// <summary>
/// The real application (Program.cs, real migrations) over its own SQLite file. Each test class that uses it
/// as a fixture gets its own database. A bootstrap administrator exists unless <see cref="WithBootstrapAdmin"/> is false.
/// </summary>
public class PowRegistryFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@powregistry.test";
    public const string AdminPassword = "correct horse battery staple";
    public const string OfficerPassword = "officer passphrase long enough";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"powregistry-web-{Guid.NewGuid():N}");

    protected virtual bool WithBootstrapAdmin => true;

    public string DatabasePath => Path.Combine(_folder, "powregistry.db");
    public string AuditKeyPath => Path.Combine(_folder, "audit.key");
    public string Folder => _folder;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:PowRegistry", $"Data Source={DatabasePath}");
        builder.UseSetting("PowRegistry:LogFolder", Path.Combine(_folder, "logs"));
        builder.UseSetting("PowRegistry:Audit:KeyFile", AuditKeyPath);
        if (WithBootstrapAdmin)
        {
            builder.UseSetting("PowRegistry:BootstrapAdmin:Email", AdminEmail);
            builder.UseSetting("PowRegistry:BootstrapAdmin:Password", AdminPassword);
        }
    }

    /// <summary>A client that keeps cookies and does not follow redirects (tests see each 302).</summary>
    public Session NewSession() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

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
    public async Task<Session> LoginAsNewUserAsync(string role, params int[] deskIds)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@powregistry.test";
        await using (var scope = Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
            var users = scope.ServiceProvider.GetRequiredService<UserAdminService>();
            var created = await users.CreateAsync(new NewUserInput { Email = email, DisplayName = role + " test user", Role = role, Password = OfficerPassword }, Actor.System, CancellationToken.None);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
            var desks = scope.ServiceProvider.GetRequiredService<DeskService>();
            await desks.SetMembershipAsync(created.Value!.Id, deskIds.Length == 0 ? [Desk.DefaultDeskId] : deskIds, CancellationToken.None);
        }
        return await LoginAsync(email, OfficerPassword);
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
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>An application with no user yet: first-run setup is open.</summary>
public sealed class EmptyRegistryFactory : PowRegistryFactory
{
    protected override bool WithBootstrapAdmin => false;
}
