using PowRegistry.Core;
using PowRegistry.Web.Api;
using PowRegistry.Web.Infrastructure;

using Serilog;

// A plain logger until the host has read its configuration (not a "bootstrap" logger: those can be frozen only once per process, which breaks test hosts).
Log.Logger = new LoggerConfiguration().WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture).CreateLogger();

try
{
    var options = StartupOptions.Parse(args);
    var builder = WebApplication.CreateBuilder(options.HostArgs);
    if (options.SeedDemo) builder.Configuration["PowRegistry:SeedDemo"] = "true";

    builder.AddPowRegistryLogging();
    builder.Services.AddPowRegistryDatabase(builder.Configuration, builder.Environment);
    builder.Services.AddPowRegistryServices();
    builder.Services.AddPowRegistryIdentity();
    builder.Services.AddPowRegistrySignIn(builder.Configuration);
    builder.Services.AddPowRegistryApi(builder.Configuration);
    builder.Services.AddSecurityHeaders();
    builder.Services.AddPowRegistryPages();
    builder.Services.AddLanguages();
    builder.Services.AddHealthChecks().AddDbContextCheck<PowRegistry.Core.Data.PowRegistryDbContext>("database", tags: [HealthEndpoints.Ready],
        customTestQuery: HealthEndpoints.DatabaseAnswersAsync);

    var app = builder.Build();

    await app.PrepareDatabaseAsync();
    if (options.Command is not null) return await Commands.RunAsync(app, options.Command, options.CommandArgs);

    app.UseForwardedHeaders();
    app.UseSecurityHeaders();
    app.UseApiReferencePolicy();
    app.UseSerilogRequestLogging();
    if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/Error");
    app.UseStatusCodePagesWithReExecute("/Status/{0}");
    app.UseApiErrors(); // before the size guard, so an API caller gets its 413 as problem details
    app.UseRequestSizeGuard();
    app.UseLanguages();
    app.UseStaticFiles();
    app.UseRouting();
    app.UseSignInProtection();
    app.UseAuthentication();
    app.UseMiddleware<CurrentUserMiddleware>();
    app.UseAuthorization();
    app.UseChunkedFormLimit();

    app.MapHealthEndpoints();
    app.MapPowRegistryApi();
    app.MapApiReference();
    app.MapRazorPages();

    await app.RunAsync();
    return 0;
}
catch (Exception e) when (e is not HostAbortedException)
{
    Log.Fatal(e, "PowRegistry stopped because of an unexpected error");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Lets tests reach the application's entry point through WebApplicationFactory.</summary>
public partial class Program;
