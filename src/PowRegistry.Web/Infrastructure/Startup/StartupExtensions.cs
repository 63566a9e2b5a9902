using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Audit;
using PowRegistry.Core.Common;
using PowRegistry.Core.Data;
using PowRegistry.Core.Data.Sqlite;
using PowRegistry.Core.Demo;
using PowRegistry.Core.Instances;
using PowRegistry.Core.Prisoners;

using Serilog;

namespace PowRegistry.Web.Infrastructure;

/// <summary>The longer parts of start-up, so Program.cs reads top to bottom.</summary>
public static class StartupExtensions
{
    public const string DefaultConnectionString = "Data Source=data/powregistry.db";

    /// <summary>Structured logs to the console and a daily rolling file. Message templates with ids only: never names or statements.</summary>
    public static void AddPowRegistryLogging(this WebApplicationBuilder builder)
    {
        var logFolder = Path.GetFullPath(builder.Configuration["PowRegistry:LogFolder"] ?? Path.Combine("data", "logs"), builder.Environment.ContentRootPath);
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            // The one-time setup token goes to the console of whoever started the app, never into files kept for a month.
            .WriteTo.Logger(file => file
                .Filter.ByExcluding(e => e.Properties.ContainsKey("SetupToken"))
                .WriteTo.File(Path.Combine(logFolder, "powregistry-.log"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 31,
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture)));
    }

    public static void AddPowRegistryDatabase(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var provider = DatabaseProviderSetting(configuration);
        var configured = configuration.GetConnectionString("PowRegistry") ?? DefaultConnectionString;
        if (provider == DatabaseProvider.PostgreSql)
        {
            // appsettings.json's default is SQLite's file: say what is missing instead of the driver's "keyword not supported".
            if (!configured.Contains("Host=", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"{ProviderKey} is PostgreSql: set ConnectionStrings:PowRegistry (environment: ConnectionStrings__PowRegistry) to a PostgreSQL connection string, e.g. Host=db.example;Database=powregistry;Username=powregistry.");
            }
            services.AddPowRegistryDatabase(DatabaseProvider.PostgreSql, configured);
        }
        else
        {
            services.AddPowRegistryDatabase(DatabaseProvider.Sqlite, SqliteSetup.ResolveConnectionString(configured, environment.ContentRootPath));
        }
        services.AddSingleton(AuditKey.FromConfiguration(configuration, environment.ContentRootPath));
        // The keys that encrypt cookies, antiforgery tokens and session tickets, in the database: every instance
        // reads the same key ring, so a cookie from one is good on another (ADR-022). The application name is
        // fixed: by default it is the content root path, which differs between machines and would isolate them.
        services.AddDataProtection().SetApplicationName("PowRegistry").PersistKeysToDbContext<PowRegistryDbContext>();
        services.AddCheckedOptions<Core.Requests.RequestOptions>(configuration, Core.Requests.RequestOptions.Section);
        services.AddCheckedOptions<Core.Consultations.ConsultationOptions>(configuration, Core.Consultations.ConsultationOptions.Section);
        services.AddCheckedOptions<Core.Notifications.NotificationOptions>(configuration, Core.Notifications.NotificationOptions.Section);
        services.AddCheckedOptions<Core.Retention.RetentionOptions>(configuration, Core.Retention.RetentionOptions.Section);
    }

    public const string ProviderKey = "PowRegistry:Database:Provider";

    /// <summary>Sqlite (the default) or PostgreSql (ADR-025); anything else stops start-up naming the key.</summary>
    public static DatabaseProvider DatabaseProviderSetting(IConfiguration configuration)
    {
        var value = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(value)) return DatabaseProvider.Sqlite;
        // By name only: Enum.TryParse would also take "1" for PostgreSql.
        return Enum.GetNames<DatabaseProvider>().FirstOrDefault(n => n.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<DatabaseProvider>(name)
            : throw new InvalidOperationException($"{ProviderKey} is \"{value}\": it must be Sqlite or PostgreSql.");
    }

    /// <summary>
    /// Binds settings to their section and checks them (their [Range] attributes) when the app starts, so a bad value
    /// stops it with a message naming the key. The bound value is registered too: services and entities take the class.
    /// </summary>
    public static void AddCheckedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section) where T : class
    {
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
    }

    public static void AddPowRegistryIdentity(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, IdentityRole>(options =>
            {
                // Length over composition (NIST SP 800-63B, OWASP ASVS 2.1).
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<PowRegistryDbContext>()
            .AddUserManager<AppUserManager>()
            .AddDefaultTokenProviders();

        // Password hashing, the common-password list, cookies, sessions and the second factor: see SignInSetup.

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.EditRecords, p => p.RequireRole(Roles.Administrator, Roles.CaseOfficer))
            .AddPolicy(Policies.Administer, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.ReadAudit, p => p.RequireRole(Roles.Administrator, Roles.Auditor));
    }

    public static void AddPowRegistryPages(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddSingleton<Microsoft.Extensions.Localization.ResourceManagerStringLocalizerFactory>();
        services.Replace(ServiceDescriptor.Singleton<Microsoft.Extensions.Localization.IStringLocalizerFactory, CachedStringLocalizerFactory>());
        // Korean and Cyrillic text as characters, not &#x…; entities (Razor's default escapes everything outside Latin):
        // pages a third the size in Korean, still encoded wherever HTML needs it (< > & " ').
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddSingleton<MessageText>();
        services.AddSingleton<Pages.Prisoners.CheckedPreviews>();
        services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/Admin", Policies.Administer);
                options.Conventions.AuthorizeFolder("/Audit", Policies.ReadAudit);
                options.Conventions.AuthorizePage("/Prisoners/Create", Policies.EditRecords);
                options.Conventions.AuthorizePage("/Prisoners/Edit", Policies.EditRecords);
                options.Conventions.AuthorizePage("/Prisoners/Aliases", Policies.EditRecords);
                options.Conventions.AuthorizePage("/Prisoners/Documents", Policies.EditRecords);
                options.Conventions.AuthorizePage("/Prisoners/AddEvent", Policies.EditRecords);
                options.Conventions.AuthorizePage("/Prisoners/Import", Policies.EditRecords);
                options.Conventions.AuthorizeFolder("/Exchange", Policies.EditRecords);
                options.Conventions.AuthorizePage("/Prisoners/Merge", Policies.Administer);
                options.Conventions.AuthorizeFolder("/Wishes", Policies.EditRecords);
                options.Conventions.AuthorizePage("/Requests/Create", Policies.EditRecords);
                options.Conventions.AuthorizePage("/Consultations/Create", Policies.EditRecords);
                options.Conventions.AuthorizePage("/Consultations/Edit", Policies.EditRecords);
                options.Conventions.AuthorizePage("/Notifications/Send", Policies.EditRecords);
                options.Conventions.AllowAnonymousToPage("/Account/Login");
                options.Conventions.AllowAnonymousToPage("/Account/LoginWith2fa");
                options.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
                options.Conventions.AllowAnonymousToPage("/Setup");
                // A refusal (413, 400) is explained to whoever was refused, signed in or not: these pages hold no data.
                options.Conventions.AllowAnonymousToPage("/Status");
                options.Conventions.AllowAnonymousToPage("/Error");
            })
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            // Core's form labels are keys in MessageResource; the Web's own are English text keyed in SharedResource.
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (type, factory) =>
                factory.Create(type.Assembly == typeof(Core.Common.Message).Assembly ? typeof(MessageResource) : typeof(SharedResource)))
            .AddMvcOptions(o =>
            {
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.Filters.Add<UnmatchedHandlerFilter>();
            });
    }

    /// <summary>Checks the settings, migrates the database, then makes sure someone can log in (bootstrap administrator or setup token), then seeds demo data if asked.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        // The settings are checked before anything is touched, for the operator commands too (they never start the host).
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<CurrentUser>().ActAsSystem();
        // EF Core takes its own migration lock: instances starting together migrate once (ADR-022).
        await DatabaseSetup.MigrateAsync(services.GetRequiredService<PowRegistryDbContext>(), CancellationToken.None);
        if (await DatabaseSetup.CollationOtherThanCAsync(services.GetRequiredService<PowRegistryDbContext>(), CancellationToken.None) is { } collation)
        {
            // Not fatal: the records are safe either way. But lists order unlike on SQLite and name searches may read far more.
            services.GetRequiredService<ILoggerFactory>().CreateLogger("PowRegistry.StartUp").LogWarning(
                "The PostgreSQL database's collation is {Collation}, not C: lists order differently from SQLite and name searches may not use their index. Create the database with LC_COLLATE 'C' (docs/operations.md, PostgreSQL)", collation);
        }

        // The rest once at a time across instances: one search index rebuild, one administrator, one setup token.
        await using var lease = await services.GetRequiredService<Leases>().AcquireAsync("start-up", CancellationToken.None);
        // The first instance here creates the Data Protection key; the others find it rather than each making its own.
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("PowRegistry.StartUp").Protect([0]);
        var register = services.GetRequiredService<RegisterService>();
        if (await register.SearchIndexNeedsRebuildAsync(CancellationToken.None)) await register.RebuildSearchIndexAsync(CancellationToken.None);

        var config = app.Configuration;
        await services.GetRequiredService<FirstRun>().StartAsync(config["PowRegistry:BootstrapAdmin:Email"], config["PowRegistry:BootstrapAdmin:Password"]);
        if (config.GetValue<bool>("PowRegistry:SeedDemo")) await services.GetRequiredService<DemoData>().SeedAsync(CancellationToken.None);
    }
}
