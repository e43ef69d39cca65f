namespace TradingAlerts.IntegrationTests.Orleans;

/// <summary>A test grain whose state lives in the ADO.NET grain storage under test.</summary>
[Alias("TradingAlerts.IntegrationTests.ICounterGrain")]
public interface ICounterGrain : IGrainWithStringKey
{
    [Alias("Increment")]
    Task<int> Increment();

    [Alias("Current")]
    Task<int> Current();

    [Alias("Deactivate")]
    Task Deactivate();
}
