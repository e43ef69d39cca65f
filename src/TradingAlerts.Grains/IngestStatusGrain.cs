using Orleans.Placement;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;

namespace TradingAlerts.Grains;

/// <summary>
/// The agents' reports, latest per (agent, file), in memory only: the reports themselves are the state (every
/// agent sends its whole view every <c>Ingest:StatusInterval</c>), so a new activation is complete again after
/// one interval. A file not reported for <see cref="Retention"/> (an agent removed or renamed) is forgotten;
/// before that the health check shows it silent.
/// </summary>
// Immovable: its reports live only in memory, so a moved activation would show every file silent until the agents
// next report; the grain is tiny, so where it lives does not matter for balance.
[Immovable]
public sealed class IngestStatusGrain(TimeProvider clock) : Grain, IIngestStatusGrain
{
    /// <summary>How long a file nobody reports any more is kept (shown as silent) before it is dropped.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    private readonly Dictionary<(string Agent, string File), IngestFileReport> _files = [];

    public Task Report(IReadOnlyList<IngestFileStatus> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var file in files)
        {
            _files[(file.Agent, file.File)] = new IngestFileReport(file, now);
        }

        foreach (var old in _files.Where(f => now - f.Value.ReceivedAtMs > Retention.TotalMilliseconds).Select(f => f.Key).ToList())
        {
            _files.Remove(old);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<IngestFileReport>> GetReports() =>
        Task.FromResult<IReadOnlyList<IngestFileReport>>([.. _files.Values]);
}
