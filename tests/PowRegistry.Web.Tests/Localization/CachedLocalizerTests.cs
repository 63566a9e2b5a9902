using System.Globalization;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

using PowRegistry.Web.Infrastructure;
using PowRegistry.Web.Tests.Infrastructure;

namespace PowRegistry.Web.Tests.Localization;

/// <summary>The app's localizers keep the words they found, per language: a word cached in one language never answers for another.</summary>
public sealed class CachedLocalizerTests(PowRegistryFactory app) : IClassFixture<PowRegistryFactory>
{
    private const string Key = "You are not on any desk yet, so you see no records and cannot register any. Ask an administrator to put you on a desk: {0}.";

    [Fact]
    public void EachLanguage_GetsItsOwnWords_WhateverWasAskedBefore()
    {
        var words = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        static string In(string culture, Func<string> ask)
        {
            var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
            try { return ask(); }
            finally { (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current); }
        }

        var korean = In("ko", () => words[Key].Value);
        var english = In("en", () => words[Key].Value);
        var ukrainian = In("uk", () => words[Key].Value);
        Assert.Equal(Key, english);
        Assert.NotEqual(english, korean);
        Assert.NotEqual(english, ukrainian);
        Assert.NotEqual(korean, ukrainian);
        // Asked again, in another order: the same words, and the arguments put in.
        Assert.Equal(korean, In("ko", () => words[Key].Value));
        Assert.Equal(ukrainian.Replace("{0}", "Kim", StringComparison.Ordinal), In("uk", () => words[Key, "Kim"].Value));
        Assert.Equal(english.Replace("{0}", "Kim", StringComparison.Ordinal), In("en", () => words[Key, "Kim"].Value));
    }

    [Fact]
    public void AWordNotInTheResources_IsTheTextItself_AndSaysSo()
    {
        var words = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var missing = words["No such words {0}", 7];
        Assert.True(missing.ResourceNotFound);
        Assert.Equal("No such words 7", missing.Value);
    }

    [Fact]
    public void TextAskedForFromElsewhere_CannotGrowTheCacheWithoutEnd()
    {
        var factory = new CachedStringLocalizerFactory(app.Services.GetRequiredService<ResourceManagerStringLocalizerFactory>());
        var words = (CachedStringLocalizerFactory.CachedStringLocalizer)factory.Create(typeof(SharedResource));
        for (var i = 0; i < 20_500; i++) Assert.Equal($"words {i}", words[$"words {i}"].Value);
        Assert.Equal(20_000, words.KeptCount);
        Assert.Equal("words 20499", words["words 20499"].Value);
    }
}
