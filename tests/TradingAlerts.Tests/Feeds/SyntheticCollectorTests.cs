using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.CollectorFile.Sqlite;
using TradingAlerts.Feeds.SyntheticCollector;
using TradingAlerts.TestSupport;
using TradingAlerts.Tests.Sqlite;

namespace TradingAlerts.Tests.Feeds;

/// <summary>The synthetic collector a host runs as its demo: options from the "Demo" section, a fresh file, history then live.</summary>
public sealed class SyntheticCollectorTests : IDisposable
{
    private readonly ScratchCollectorFile _file = new();

    [Fact]
    public async Task A_host_running_it_recreates_its_file_and_writes_the_configured_history_of_every_symbol()
    {
        var ct = TestContext.Current.CancellationToken;
        // A stale file from an earlier run: the collector starts anew (a new identity, none of the old rows).
        using (var stale = new CollectorWriter(_file.Path))
        {
            stale.Write("EURUSD", [new(Timeframe.M5, 1_640_995_200, 1, 1, 1, 1, Abstractions.Contracts.IndicatorValues.None, 0, 0)]);
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{SyntheticCollectorOptions.Section}:Days"] = "2",
            [$"{SyntheticCollectorOptions.Section}:IntervalSeconds"] = "3600",
        });
        builder.Services.AddSyntheticCollector(builder.Configuration, _file.Path);
        using var host = builder.Build();
        Assert.Equal(2, host.Services.GetRequiredService<IOptions<SyntheticCollectorOptions>>().Value.Days);

        await host.StartAsync(ct);
        try
        {
            var reader = new CollectorReader(_file.Path);
            // Two days of D1 history (plus the forming bar) for every symbol, none of the stale row's time.
            await Eventually.UntilAsync("two days of D1 history for every symbol", () => Symbols.All.All(symbol =>
                reader.Read(symbol, 0, 100_000).Rows.Count(r => r.Timeframe == Timeframe.D1) >= 2), TimeSpan.FromSeconds(120), cancellationToken: ct);
            Assert.DoesNotContain(reader.Read("EURUSD", 0, 100_000).Rows, r => r.Time == 1_640_995_200);
        }
        finally
        {
            await host.StopAsync(ct);
        }
    }

    public void Dispose() => _file.Dispose();
}
