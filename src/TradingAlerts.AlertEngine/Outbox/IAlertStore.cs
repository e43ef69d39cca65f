using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.AlertEngine.Rules;

namespace TradingAlerts.AlertEngine.Outbox;

/// <summary>Where the engine keeps its rule state and its alerts, written together so a restart neither misses nor repeats one.</summary>
public interface IAlertStore
{
    /// <summary>Creates what the store needs (idempotent) and loads the state a previous run kept.</summary>
    Task<StoredState> LoadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: adds the alerts (an id already stored is left as it is) and replaces the pairs' and symbols'
    /// state. Returns the alerts that were new.
    /// </summary>
    Task<IReadOnlyList<Alert>> CommitAsync(IReadOnlyList<Alert> alerts, IReadOnlyDictionary<Pair, PairRuleState> pairs,
        IReadOnlyDictionary<string, ConfluenceRuleState> confluence, CancellationToken cancellationToken);
}

public sealed record StoredState(IReadOnlyDictionary<Pair, PairRuleState> Pairs, IReadOnlyDictionary<string, ConfluenceRuleState> Confluence);
