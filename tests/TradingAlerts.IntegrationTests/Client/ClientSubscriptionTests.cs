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
/// their observer lists) restarts it reconnects and its renewals subscribe again.
/// </summary>
public sealed class ClientSubscriptionTests
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(60);
    private static readonly Pair Pair = new("NZDUSD", Timeframe.H1);

    [Fact]
    public async Task Client_receives_bar_and_confluence_updates_and_resubscribes_after_the_silo_restarts()
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
            var subscriptions = client.Services.GetRequiredService<GridSubscriptions>();
            await using var bars = subscriptions.SubscribeBars([Pair]);
            await using var confluence = subscriptions.SubscribeConfluence(["nzdusd"]);
            await Task.WhenAll(bars.FirstRound, confluence.FirstRound).WaitAsync(Bounded, ct);
            Assert.Equal((1, 1), (bars.Subscribed, confluence.Subscribed));

            var time = 1_641_254_400L;
            await Ingest(grains, "before", time, 1.2345);
            var update = await NextBar(bars, time, ct);
            Assert.Equal((Pair, 1.2345), (update.Pair, update.Bars[^1].Close));
            Assert.Equal("NZDUSD", (await confluence.Updates.ReadAsync(ct).AsTask().WaitAsync(Bounded, ct)).Symbol);

            // The silo goes away with the grains and their observer lists; a new one starts on the same ports.
            await silo.DisposeAsync();
            silo = new SiloFactory(settings);
            silo.CreateClient().Dispose();

            // Renewals re-subscribe once the client is back on the gateway: keep ingesting until an update arrives.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Bounded);
            BarUpdate? after = null;
            var source = 0;
            while (after is null)
            {
                time += Pair.Timeframe.Seconds();
                try
                {
                    await Ingest(grains, $"after-{source++}", time, 1.5);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // not reconnected yet
                }

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
                wait.CancelAfter(TimeSpan.FromSeconds(1));
                try
                {
                    after = await NextBar(bars, time, wait.Token);
                }
                catch (OperationCanceledException) when (!timeout.IsCancellationRequested)
                {
                }
            }

            Assert.Equal(1.5, after.Bars[^1].Close);
            Assert.Equal("NZDUSD", (await confluence.Updates.ReadAsync(timeout.Token)).Symbol);
            Assert.Equal((1, 1), (bars.Subscribed, confluence.Subscribed));
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
