using FluentValidation;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

using PowRegistry.Core.Accounts;
using PowRegistry.Core.Audit;
using PowRegistry.Core.Common;
using PowRegistry.Core.Demo;
using PowRegistry.Core.Desks;
using PowRegistry.Core.Prisoners;

namespace PowRegistry.Core;

public static class ServiceCollectionExtensions
{
    /// <summary>The service layer: services and their validators. The database is added separately (see Data/SqliteSetup).</summary>
    public static IServiceCollection AddPowRegistryServices(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IValidator<PrisonerInput>, PrisonerInputValidator>();
        services.AddSingleton<IValidator<AliasInput>, AliasInputValidator>();
        services.AddSingleton<IValidator<IdentityDocumentInput>, IdentityDocumentInputValidator>();
        services.AddSingleton<IValidator<CustodyEventInput>, CustodyEventInputValidator>();
        services.AddSingleton<IValidator<NewUserInput>, NewUserInputValidator>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<LanguagePreference>();
        services.AddScoped<PrisonerService>();
        services.AddScoped<RegisterService>();
        services.AddScoped<BatchRegistrationService>();
        services.AddScoped<MergeService>();
        services.AddScoped<RecordPageService>();
        services.AddScoped<PossibleDuplicates>();
        services.AddScoped<Exchange.PrisonerImport>();
        services.AddScoped<Exchange.ExchangeService>();
        services.AddSingleton<Exchange.PseudonymKey>();
        services.AddScoped<Wishes.WishService>();
        services.AddScoped<Requests.RequestService>();
        services.AddScoped<Requests.RequestQueries>();
        services.AddScoped<Consultations.ConsultationService>();
        services.AddSingleton<IValidator<Consultations.ConsultationInput>, Consultations.ConsultationInputValidator>();
        services.TryAddSingleton(new Requests.RequestOptions()); // the web host may have bound it from configuration first
        services.TryAddSingleton(new Consultations.ConsultationOptions());
        services.TryAddSingleton(new Prisoners.RegisterSearchOptions());
        services.AddScoped<Review.ReviewService>();
        services.TryAddSingleton(new Notifications.NotificationOptions()); // likewise (PowRegistry:Notifications)
        services.AddScoped<Notifications.NotificationService>();
        services.AddSingleton<Notifications.LegacyCaptureCards>();
        services.AddSingleton<IValidator<Notifications.SentInput>, Notifications.SentInputValidator>();
        services.AddSingleton<IValidator<Wishes.WishInput>, Wishes.WishInputValidator>();
        services.AddSingleton<IValidator<Requests.HandoverInput>, Requests.HandoverInputValidator>();
        services.AddScoped<DeskService>();
        services.AddScoped<SessionStandingQuery>();
        services.AddScoped<AuditService>();
        services.AddSingleton<AccessLog>();
        services.AddScoped<UserAdminService>();
        services.AddScoped<DecoyPasswordCheck>();
        services.AddScoped<Api.ApiTokenService>();
        services.AddScoped<FirstRun>();
        services.AddSingleton<SetupToken>();
        services.AddSingleton<Instances.Leases>();
        services.AddSingleton<Instances.LoginAttempts>();
        services.AddSingleton<Instances.ApiRequestCounts>();
        services.AddSingleton<Microsoft.Extensions.Caching.Distributed.IDistributedCache, Instances.DatabaseCache>();
        services.AddScoped<DemoData>();
        services.TryAddSingleton(new Retention.RetentionOptions()); // likewise (PowRegistry:Retention)
        services.AddScoped<Retention.Anonymiser>();
        services.AddScoped<Retention.RetentionService>();
        services.AddScoped<Retention.DisclosureService>();
        services.AddSingleton<Retention.RetentionSchedule>();
        services.AddHostedService(sp => sp.GetRequiredService<Retention.RetentionSchedule>());
        return services;
    }
}
