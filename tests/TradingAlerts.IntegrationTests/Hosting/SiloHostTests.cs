using System.Net;
using Orleans;
using Microsoft.Extensions.DependencyInjection;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.IntegrationTests.Api;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.Hosting;

/// <summary>The silo as the README runs it: embedded, no services needed.</summary>
public class SiloHostTests
{
    [Fact]
    public async Task Embedded_silo_starts_and_answers_healthz()
    {
        await using var factory = new SiloFactory();
        using var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        // The Orleans silo is really up inside the host: bars ingested through its grain factory are held by the
        // pair's grain and served by the host's own API.
        const long t = 1_641_290_400;
        BarRecord Bar(long time, double close, long seq) => new(Timeframe.H1, time, close, close + 0.002, close - 0.002, close, IndicatorValues.None, seq, 1);
        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        var result = await grains.GetGrain<ISymbolGrain>("EURUSD").Ingest(new IngestBatch("EURUSD", "host.db", [Bar(t - 3600, 1.1301, 1), Bar(t, 1.1307, 2)], 2));
        Assert.Equal((2L, 2), (result.Cursor, result.BarsWritten));
        var held = await grains.GetGrain<ITimeframeGrain>("EURUSD/H1").GetBars(10);
        Assert.Equal([(t - 3600, 1.1301), (t, 1.1307)], held.Time.Zip(held.Close));
        var served = await ApiCall.GetAsync(client, "/api/indicators/EURUSD/H1");
        Assert.Equal(HttpStatusCode.OK, served.Status);
        Assert.Equal([(t - 3600, 1.1301), (t, 1.1307)], served.Body.GetProperty("data").GetProperty("ohlc").EnumerateArray()
            .Select(b => (b.GetProperty("time").GetInt64(), b.GetProperty("close").GetDouble())));
    }
}
