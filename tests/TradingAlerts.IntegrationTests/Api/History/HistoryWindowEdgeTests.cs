using System.Net;

namespace TradingAlerts.IntegrationTests.Api.History;

/// <summary>
/// Both paths of history by time range give the same body: a range is read while the window holds it, then the window
/// moves past part of it (newer bars arrive) and the same range is read again from PostgreSQL.
/// </summary>
public sealed class HistoryWindowEdgeTests(SmallWindowFixture api) : IClassFixture<SmallWindowFixture>
{
    private const int M5 = 300;

    private static async Task<long> LatestM5Async(HttpClient client) =>
        (await ApiCall.GetAsync(client, "/api/indicators/EURUSD/M5?limit=1")).Body.GetProperty("data").GetProperty("ohlc")[0].GetProperty("time").GetInt64();

    [Fact]
    public async Task The_same_range_has_the_same_body_from_memory_and_from_PostgreSQL_across_the_window_edge()
    {
        var client = api.Client(api.ProToken);
        var latest = await LatestM5Async(client);
        var url = $"/api/indicators/EURUSD/M5?from={latest - (40 * M5)}&to={latest - (11 * M5)}";
        var fromMemory = await HistoryCall.GetAsync(client, url);
        Assert.Equal(("memory", 30), (fromMemory.Source, fromMemory.Times.Count));

        // 30 newer M5 bars: the 50-bar window now starts 19 bars before the old latest, inside the range.
        await api.ExtendEurusdAsync(30 * M5);
        Assert.Equal(latest + (30 * M5), await LatestM5Async(client));
        var fromStore = await HistoryCall.GetAsync(client, url);

        Assert.Equal(HttpStatusCode.OK, fromStore.Call.Status);
        Assert.Equal("postgres", fromStore.Source);
        Assert.Equal(fromMemory.Call.Text, fromStore.Call.Text);
        Assert.NotEqual(fromMemory.Call.ETag, fromStore.Call.ETag); // the pair changed; the range's bars did not
    }
}
