using System.Collections.Concurrent;
using System.Globalization;

using Microsoft.Extensions.Localization;

namespace PowRegistry.Web.Infrastructure;

/// <summary>
/// The resources' words, each looked up once per language. The resources do not change while the app runs, and a
/// register page asks for a few hundred words (every row's status and wish labels): through ResourceManager, with its
/// culture fallback and lock, that was several per cent of the page's CPU (docs/performance.md). Words not found are
/// kept too (English is the keys themselves, with no resource file), up to a bound well above what the code asks for,
/// so that text asked for from elsewhere cannot grow the cache without end.
/// </summary>
public sealed class CachedStringLocalizerFactory(ResourceManagerStringLocalizerFactory resources) : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<(Type? Source, string? BaseName, string? Location), IStringLocalizer> _localizers = new();

    public IStringLocalizer Create(Type resourceSource) =>
        _localizers.GetOrAdd((resourceSource, null, null), key => new CachedStringLocalizer(resources.Create(key.Source!)));

    public IStringLocalizer Create(string baseName, string location) =>
        _localizers.GetOrAdd((null, baseName, location), key => new CachedStringLocalizer(resources.Create(key.BaseName!, key.Location!)));

    public sealed class CachedStringLocalizer(IStringLocalizer resources) : IStringLocalizer
    {
        // A resource file holds at most about 700 words, in each of three languages.
        private const int MaxKept = 20_000;
        private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> _kept = new();
        private int _keptCount;

        /// <summary>How many words are kept (for the test of the bound).</summary>
        public int KeptCount => Volatile.Read(ref _keptCount);

        public LocalizedString this[string name]
        {
            get
            {
                var key = (CultureInfo.CurrentUICulture.Name, name);
                if (_kept.TryGetValue(key, out var kept)) return kept;
                var looked = resources[name];
                if (Volatile.Read(ref _keptCount) < MaxKept && _kept.TryAdd(key, looked)) Interlocked.Increment(ref _keptCount);
                return looked;
            }
        }

        // Formatted as ResourceManagerStringLocalizer formats: the current culture, the name itself when not found.
        public LocalizedString this[string name, params object[] arguments]
        {
            get
            {
                var format = this[name];
                return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
            }
        }

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => resources.GetAllStrings(includeParentCultures);
    }
}
