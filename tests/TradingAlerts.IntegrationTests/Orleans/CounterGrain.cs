namespace TradingAlerts.IntegrationTests.Orleans;

/// <summary>Writes its state through on every increment, so a new activation reads it back from PostgreSQL.</summary>
public sealed class CounterGrain([PersistentState("counter", AdoNetClusterTests.StorageName)] IPersistentState<CounterState> state)
    : Grain, ICounterGrain
{
    public async Task<int> Increment()
    {
        state.State.Value++;
        await state.WriteStateAsync();
        return state.State.Value;
    }

    public Task<int> Current() => Task.FromResult(state.State.Value);

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
