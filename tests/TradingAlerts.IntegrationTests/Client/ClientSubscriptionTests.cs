using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Client;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.Client;

/// <summary>
/// TradingAlerts.Client in its own host against the real silo (embedded, localhost clustering): it connects
/// through the gateway, receives bar and confluence updates, and after the silo (and with it the grains and
/// their observer lists) restarts it reconnects, subscribes again and is given what changed while it was away.
/// </summary>
public sealed class ClientSubscriptionTests
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(60);
    private static readonly Pair Pair = new("NZDUSD", Timeframe.H1);

    [Fact]
    public async Task Client_receives_bar_and_confluence_updates_and_what_changed_while_the_silo_restarted()
    {
        var ct = TestContext.Current.CancellationToken;
        var clusterId = $"client-{Guid.NewGuid():N}";
        var gatewayPort = TestEnvironment.FreePort();
        var settings = new Dictionary<string, string?>
        {
            ["Orleans:ClusterId"] = clusterId,
            ["Orleans:SiloPort"] = TestEnvironment.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
        };

        var silo = new SiloFactory(settings);
        try
        {
            silo.CreateClient().Dispose();

            var builder = Host.CreateApplicationBuilder();
            builder.AddTradingAlertsClient(o =>
            {
                (o.ClusterId, o.GatewayPort, o.PostgresConnectionString) = (clusterId, gatewayPort, null);
                o.RenewInterval = TimeSpan.FromSeconds(1);
                o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1);
                o.ConnectRetryDelay = TimeSpan.FromMilliseconds(500);
            });
            using var client = builder.Build();
            await client.StartAsync(ct);
            var grains = client.Services.GetRequiredService<IGrainFactory>();
            var subscriptions = client.Services.GetRequiredService<GridSubscriber>();
            await using var bars = subscriptions.SubscribeBars([Pair]);
            await using var confluence = subscriptions.SubscribeConfluence(["nzdusd"]);
            await Task.WhenAll(bars.FirstRound, confluence.FirstRound).WaitAsync(Bounded, ct);
            Assert.Equal((1, 1), (bars.Subscribed, confluence.Subscribed));

            var time = 1_641_254_400L;
            await Ingest(grains, "before", time, 1.2345);
            var update = await NextBar(bars, time, ct);
            Assert.Equal((Pair, 1.2345), (update.Pair, update.Bars[^1].Close));
            await NextConfluence(confluence, time, ct);

            // The silo goes away with the grains and their observer lists; a new one starts on the same ports and
            // takes one more bar at once, through its own grain factory: before the client is back on the gateway,
            // so no observer hears it. The client still gets it: the bars as a reset (the new activation's positions
            // do not continue the lost one's in the embedded run), the confluence as the current snapshot.
            await silo.DisposeAsync();
            silo = new SiloFactory(settings);
            silo.CreateClient().Dispose();
            time += Pair.Timeframe.Seconds();
            await Ingest(silo.Services.GetRequiredService<IGrainFactory>(), "after", time, 1.5);

            var after = await NextBar(bars, time, ct);
            Assert.True(after.Changes.Reset, "positions of a lost embedded activation must be answered by a reset");
            Assert.Equal(1.5, after.Bars.Single(b => b.Time == time).Close);
            await NextConfluence(confluence, time, ct);
            await Eventually.UntilAsync("both subscriptions to be renewed", () => (bars.Subscribed, confluence.Subscribed) == (1, 1), Bounded, cancellationToken: ct);
            await client.StopAsync(ct);
        }
        finally
        {
            await silo.DisposeAsync();
        }
    }

    private static Task<IngestResult> Ingest(IGrainFactory grains, string source, long time, double close)
    {
        var bar = new BarRecord(Pair.Timeframe, time, close, close + 0.001, close - 0.001, close, IndicatorValues.None with { Tema = close - 0.01 }, 1, 1);
        return grains.GetGrain<ISymbolGrain>(Pair.Symbol).Ingest(new IngestBatch(Pair.Symbol, source, [bar], 1));
    }

    /// <summary>The next confluence snapshot as of <paramref name="time"/> (skipping older ones, and the start's empty one).</summary>
    private static async Task NextConfluence(GridSubscription<ConfluenceSnapshot> confluence, long time, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Bounded);
        while (true)
        {
            var snapshot = await confluence.Updates.ReadAsync(timeout.Token);
            Assert.Equal("NZDUSD", snapshot.Symbol);
            if (snapshot.Time == time)
            {
                return;
            }
        }
    }

    /// <summary>The next bar update holding the bar at <paramref name="time"/> (skipping older ones still queued).</summary>
    private static async Task<BarUpdate> NextBar(GridSubscription<BarUpdate> bars, long time, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Bounded);
        while (true)
        {
            var update = await bars.Updates.ReadAsync(timeout.Token);
            if (update.Bars.Any(b => b.Time == time))
            {
                return update;
            }
        }
    }
}
