using System.Text.Json;

namespace TradingAlerts.IntegrationTests.Api.History;

/// <summary>The embedded run (no PostgreSQL): history by time range answers from the grains' memory and says so.</summary>
public sealed class HistoryMemoryOnlyTests(MemoryOnlyWindowFixture api) : IClassFixture<MemoryOnlyWindowFixture>
{
    [Fact]
    public async Task Without_PostgreSQL_a_range_beyond_the_window_answers_what_memory_holds_and_says_so()
    {
        var client = api.Client(api.ProToken);
        var held = await ApiCall.GetAsync(client, "/api/indicators/EURUSD/M5?limit=5000");
        var times = held.Body.GetProperty("data").GetProperty("ohlc").EnumerateArray().Select(b => b.GetProperty("time").GetInt64()).ToList();
        Assert.Equal(SmallWindowFixture.Capacity, times.Count);

        var all = await HistoryCall.GetAsync(client, $"/api/indicators/EURUSD/M5?from={ApiFixture.HistoryStart}");
        Assert.Equal("memory-only", all.Source);
        Assert.Equal(times, all.Times);

        var older = await HistoryCall.GetAsync(client, $"/api/indicators/EURUSD/M5?from={ApiFixture.HistoryStart}&to={times[0] - 1}");
        Assert.Equal("memory-only", older.Source);
        Assert.True(older.Data.GetProperty("metadata").GetProperty("no_data").GetBoolean());
        Assert.Equal(JsonValueKind.Null, older.Data.GetProperty("metadata").GetProperty("next_time").ValueKind);
    }
}
