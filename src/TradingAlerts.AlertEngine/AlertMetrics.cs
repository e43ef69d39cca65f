using System.Diagnostics.Metrics;

namespace TradingAlerts.AlertEngine;

/// <summary>
/// The engine's meter (docs/monitoring.md): alerts fired, webhook tries delivered, retried and dead-lettered, and the
/// outbox rows still pending (as last counted by the webhook dispatcher).
/// </summary>
public sealed class AlertMetrics : IDisposable
{
    public const string MeterName = "TradingAlerts.AlertEngine";

    private readonly Meter _meter;
    private long _pending;

    public AlertMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create(MeterName);
        Fired = _meter.CreateCounter<long>("tradingalerts.alerts.fired", description: "Alerts fired (new ids written to the outbox)");
        Delivered = _meter.CreateCounter<long>("tradingalerts.alerts.webhook.delivered", description: "Alerts the webhook receiver accepted (2xx)");
        Retried = _meter.CreateCounter<long>("tradingalerts.alerts.webhook.retried", description: "Failed webhook tries scheduled again with backoff");
        DeadLettered = _meter.CreateCounter<long>("tradingalerts.alerts.webhook.dead_lettered", description: "Alerts given up after Alerts:Webhook:MaxAttempts tries");
        _meter.CreateObservableGauge("tradingalerts.alerts.webhook.pending", () => Interlocked.Read(ref _pending), description: "Outbox alerts not yet delivered nor dead-lettered");
    }

    public Counter<long> Fired { get; }

    public Counter<long> Delivered { get; }

    public Counter<long> Retried { get; }

    public Counter<long> DeadLettered { get; }

    public void SetPending(long pending) => Interlocked.Exchange(ref _pending, pending);

    public void Dispose() => _meter.Dispose();
}
