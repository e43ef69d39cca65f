using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.AlertEngine.Rules;

namespace TradingAlerts.AlertEngine.Outbox;

/// <summary>Without PostgreSQL: state lives as long as the process, alerts go to the log and Redis only (no webhooks).</summary>
public sealed class MemoryAlertStore : IAlertStore
{
    public Task<StoredState> LoadAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new StoredState(new Dictionary<Pair, PairRuleState>(), new Dictionary<string, ConfluenceRuleState>()));

    public Task<IReadOnlyList<Alert>> CommitAsync(IReadOnlyList<Alert> alerts, IReadOnlyDictionary<Pair, PairRuleState> pairs,
        IReadOnlyDictionary<string, ConfluenceRuleState> confluence, CancellationToken cancellationToken) =>
        Task.FromResult(alerts);
}
