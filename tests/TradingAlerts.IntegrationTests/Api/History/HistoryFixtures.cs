using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Indicators.Synthetic;

namespace TradingAlerts.IntegrationTests.Api.History;

/// <summary>
/// The stored API fixture with a small in-memory window (<see cref="Capacity"/> bars a pair): four days of M5 (1,152 bars)
/// and H1 (96) reach far beyond it, so a range can be answered from memory, from PostgreSQL, or across the edge.
/// </summary>
public class SmallWindowFixture : StoredApiFixture
{
    public const int Capacity = 50;

    /// <summary>Api:History:MaxBars here: four days of M5 (1,152 bars) are wider than it.</summary>
    public const int MaxBars = 500;

    protected override async ValueTask<IReadOnlyDictionary<string, string?>?> SettingsAsync()
    {
        var settings = new Dictionary<string, string?>((await base.SettingsAsync())!) 
        {
            ["Grid:BarCapacity"] = Capacity.ToString(CultureInfo.InvariantCulture),
            ["Api:History:MaxBars"] = MaxBars.ToString(CultureInfo.InvariantCulture),
        };
        return settings;
    }

    /// <summary>
    /// Ingests EURUSD's synthetic history again up to <paramref name="extraSeconds"/> past the fixture's end (the same
    /// seeded walk, so the bars before that end come out as they were): the window moves forward over newer bars.
    /// </summary>
    public async Task ExtendEurusdAsync(long extraSeconds)
    {
        var market = new SyntheticMarket(["EURUSD"]);
        var rows = market.History("EURUSD", HistoryStart, HistoryStart + (Days * 86_400L) + extraSeconds).ToList()
            .Concat(market.Forming("EURUSD"))
            .Select((b, i) => b.ToRecord() with { Seq = 1_000_000 + i, WrittenAtMs = 2 }).ToArray();
        await Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<ISymbolGrain>("EURUSD")
            .Ingest(new IngestBatch("EURUSD", "api-test", rows, rows[^1].Seq));
    }
}

/// <summary>The same window size with the embedded store (no PostgreSQL): history answers from memory only.</summary>
public sealed class MemoryOnlyWindowFixture : ApiFixture
{
    protected override ValueTask<IReadOnlyDictionary<string, string?>?> SettingsAsync() =>
        ValueTask.FromResult<IReadOnlyDictionary<string, string?>?>(new Dictionary<string, string?>
        {
            ["Grid:BarCapacity"] = SmallWindowFixture.Capacity.ToString(CultureInfo.InvariantCulture),
        });
}

/// <summary>An answer as <see cref="ApiCall"/> reads it, with the header that names where the bars came from.</summary>
internal sealed record HistoryCall(ApiCall Call, string? Source)
{
    public static async Task<HistoryCall> GetAsync(HttpClient client, string url, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(ifNoneMatch));
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var media = response.Content.Headers.ContentType?.MediaType;
        var body = text.Length > 0 && media == "application/json" ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return new HistoryCall(new ApiCall(response.StatusCode, media, response.Headers.ETag?.ToString(), text, body),
            response.Headers.TryGetValues("X-Bars-Source", out var values) ? values.Single() : null);
    }

    public JsonElement Data => Call.Body.GetProperty("data");

    public List<long> Times => [.. Data.GetProperty("ohlc").EnumerateArray().Select(b => b.GetProperty("time").GetInt64())];
}
