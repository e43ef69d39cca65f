using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Client;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.Client;

/// <summary>
/// The client package against three built silo processes (ADO.NET clustering on PostgreSQL) while bars keep
/// flowing through it: the silo holding the followed grain is killed with SIGKILL, twice. The updates, applied in
/// order, end at exactly the PostgreSQL rows (read here with SQL, positions included) and at what was written,
/// each following the previous one's position, none twice.
/// </summary>
public sealed class ClientFailoverTests(SchemaDatabase db) : IClassFixture<SchemaDatabase>, IAsyncDisposable
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(180);
    private static readonly Pair Followed = new("EURUSD", Timeframe.M5);

    private readonly List<SiloProcess> _silos = [];

    [Fact]
    public async Task Across_two_silo_kills_every_bar_arrives_at_its_final_values_in_order()
    {
        var ct = TestContext.Current.CancellationToken;
        var clusterId = $"client-failover-{Guid.NewGuid():N}";
        await Task.WhenAll(Enumerable.Range(1, 3).Select(i => StartSilo($"silo{i}", clusterId, ct)));

        var builder = Host.CreateApplicationBuilder();
        builder.AddTradingAlertsClient(o =>
        {
            (o.ClusterId, o.PostgresConnectionString) = (clusterId, db.ConnectionString);
            o.RenewInterval = TimeSpan.FromSeconds(1);
            o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1);
            o.ResponseTimeout = TimeSpan.FromSeconds(5);
            o.ConnectRetryDelay = TimeSpan.FromMilliseconds(500);
            o.CatchUpBatch = 50;
        });
        using var client = builder.Build();
        await client.StartAsync(ct);
        var grains = client.Services.GetRequiredService<IGrainFactory>();

        var flow = new BarFlow(Followed.Symbol, [Followed.Timeframe, Timeframe.H1], 1_641_254_400);
        for (var i = 0; i < 20; i++)
        {
            await flow.StepAsync(grains, ct);
        }

        await using var subscription = client.Services.GetRequiredService<GridSubscriber>().SubscribeBars(flow.Pairs);
        await subscription.FirstRound.WaitAsync(Bounded, ct);
        Assert.Equal(2, subscription.Subscribed);
        var since = flow.Seq;
        var applied = new AppliedBars();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reader = applied.ReadAsync(subscription.Updates, stop.Token);
        using var flowStop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var writing = flow.RunAsync(grains, TimeSpan.FromMilliseconds(20), flowStop.Token);

        for (var kill = 0; kill < 2; kill++)
        {
            var delivered = applied.Updates;
            await Eventually.UntilAsync("updates to keep arriving", () => applied.Updates > delivered + 20, Bounded, detail: Tails, cancellationToken: ct);

            // The silo the followed grain lives on goes away without any shutdown, taking the grain and its observer list.
            var host = await Eventually.UntilAsync("the followed grain's silo", () => HostOf(grains, Followed), h => h is not null, Bounded, cancellationToken: ct);
            var victim = _silos.Single(s => s.SiloPort == host!.Endpoint.Port && !s.HasExited);
            TestContext.Current.TestOutputHelper?.WriteLine($"killing {victim.Name} (holds {Followed.Key}) after {applied.Updates} updates");
            victim.Kill();
            Assert.True(victim.HasExited);
        }

        var atLastKill = applied.Updates;
        await Eventually.UntilAsync("updates to arrive after the second kill", () => applied.Updates > atLastKill + 20, Bounded, detail: Tails, cancellationToken: ct);
        await flowStop.CancelAsync();
        await writing;

        await Eventually.UntilAsync("the subscriber to hold every bar as written and stored", async () =>
            (await SubscriberParity.DifferencesAsync(db, flow, applied, since)).Length == 0,
            Bounded, detail: async () => $"{await SubscriberParity.DifferencesAsync(db, flow, applied, since)}{Environment.NewLine}{Tails()}", cancellationToken: ct);
        Assert.Empty(applied.Violations);
        Assert.Equal(0, applied.Resets); // PostgreSQL keeps the positions across the failover: nothing to reset
        TestContext.Current.TestOutputHelper?.WriteLine($"{applied.Updates} updates applied, {flow.Failures} ingest calls retried across the kills");
        await stop.CancelAsync();
        await reader;
        await client.StopAsync(ct);
    }

    private static async Task<SiloAddress?> HostOf(IGrainFactory grains, Pair pair)
    {
        try
        {
            return await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grains.GetGrain<ITimeframeGrain>(pair.Key));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null; // the management call reached a silo being declared dead
        }
    }

    private async Task StartSilo(string name, string clusterId, CancellationToken ct)
    {
        var silo = SiloProcess.Start(name, new SiloProcessOptions
        {
            Postgres = db.ConnectionString,
            ClusterId = clusterId,
            Demo = false,
            RateLimits = false,
        });
        lock (_silos)
        {
            _silos.Add(silo);
        }

        await silo.WaitReadyAsync(Bounded, cancellationToken: ct);
    }

    private Task<string> Tails() => Task.FromResult(string.Join(Environment.NewLine, _silos.Select(s => s.Tail(30))));

    public ValueTask DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            silo.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}
