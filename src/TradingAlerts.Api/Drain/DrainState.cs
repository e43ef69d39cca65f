namespace TradingAlerts.Api.Drain;

/// <summary>Whether this silo is draining: set once when the host starts stopping, never cleared.</summary>
public sealed class DrainState : IDisposable
{
    private readonly CancellationTokenSource _draining = new();

    public bool IsDraining => _draining.IsCancellationRequested;

    /// <summary>Cancelled when draining starts: streams and checks register on it.</summary>
    public CancellationToken Draining => _draining.Token;

    internal void Begin() => _draining.Cancel();

    public void Dispose() => _draining.Dispose();
}
