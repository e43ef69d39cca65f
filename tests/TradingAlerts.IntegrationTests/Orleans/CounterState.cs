namespace TradingAlerts.IntegrationTests.Orleans;

/// <summary>State of <see cref="CounterGrain"/>.</summary>
[GenerateSerializer, Alias("TradingAlerts.IntegrationTests.CounterState")]
public sealed class CounterState
{
    [Id(0)]
    public int Value { get; set; }
}
