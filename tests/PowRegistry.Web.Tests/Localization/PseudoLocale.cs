using System.Globalization;
using System.Text;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests.Localization;

/// <summary>
/// A pseudo-language made from the English resources: every word that passes through localization comes out with
/// accented vowels between ⟦ ⟧ ("Saved." → "⟦Sávéd.⟧"). Text that still reads as English did not pass through the resources.
/// A key of Core's with no words shows as <see cref="Missing"/> + the key.
/// </summary>
internal sealed class PseudoLocalizer(IStringLocalizer english, bool keysAreEnglish) : IStringLocalizer
{
    public const string Missing = "‹no words for›";

    public LocalizedString this[string name]
    {
        get
        {
            var found = english[name];
            if (!found.ResourceNotFound) return new LocalizedString(name, Pseudo(found.Value));
            // The Web's own texts are keyed by their English words; Core's keys must have words in the resources.
            return keysAreEnglish ? new LocalizedString(name, Pseudo(name)) : new LocalizedString(name, Missing + name, resourceNotFound: true);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return format.ResourceNotFound ? format : new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments));
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        english.GetAllStrings(includeParentCultures).Select(s => new LocalizedString(s.Name, Pseudo(s.Value)));

    public static string Pseudo(string text)
    {
        var builder = new StringBuilder("⟦", text.Length + 2);
        var inPlaceholder = false;
        foreach (var c in text)
        {
            if (c == '{') inPlaceholder = true;
            if (c == '}') inPlaceholder = false;
            builder.Append(inPlaceholder ? c : c switch
            {
                'a' => 'á',
                'e' => 'é',
                'i' => 'í',
                'o' => 'ó',
                'u' => 'ú',
                'y' => 'ý',
                'A' => 'Á',
                'E' => 'É',
                'I' => 'Í',
                'O' => 'Ó',
                'U' => 'Ú',
                'Y' => 'Ý',
                _ => c,
            });
        }
        return builder.Append('⟧').ToString();
    }
}

internal sealed class PseudoLocalizerFactory(IStringLocalizerFactory real) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) =>
        resourceSource == typeof(MessageResource) ? new PseudoLocalizer(real.Create(resourceSource), keysAreEnglish: false)
        : resourceSource == typeof(SharedResource) ? new PseudoLocalizer(real.Create(resourceSource), keysAreEnglish: true)
        : real.Create(resourceSource);

    public IStringLocalizer Create(string baseName, string location) => real.Create(baseName, location);
}

/// <summary>The application speaking the pseudo-language everywhere its text passes through the resources.</summary>
public sealed class PseudoLocaleRegistryFactory : PowRegistryFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStringLocalizerFactory>(sp => new PseudoLocalizerFactory(
            new ResourceManagerStringLocalizerFactory(sp.GetRequiredService<IOptions<LocalizationOptions>>(), sp.GetRequiredService<ILoggerFactory>()))));
    }
}
