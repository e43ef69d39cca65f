using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;

namespace TradingAlerts.IntegrationTests.Api;

/// <summary>
/// The indicators response checked field by field against DESIGN §5 and against what PostgreSQL holds
/// (read the way the seed read it); the 500 envelope from a real failure; and freshness: a new bar is
/// in the very next response, and an ETag never matches bars it was not made from.
/// </summary>
public sealed class ResponseContractTests(StoredApiFixture api) : IClassFixture<StoredApiFixture>
{
    private IGrainFactory Grains => api.Factory.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The seed's query: the newest rows first, reversed by the caller for ohlc.</summary>
    private Task<List<StoredRow>> SeedQuery(string table, int limit) => api.Database.QueryAsync(
        $"""
        SELECT extract(epoch FROM timestamp)::bigint, open, high, low, close, fractals::text, horizontal_trendlines::text,
               diagonal_trendlines::text, momentum_candles::text, keltner_channels::text, tema, hrma, smma, zigzag::text
        FROM {table} ORDER BY timestamp DESC LIMIT {limit}
        """,
        r => new StoredRow(r.GetInt64(0), r.GetDouble(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4), r.GetString(5), r.GetString(6),
            r.GetString(7), r.GetString(8), r.GetString(9), r.IsDBNull(10) ? null : r.GetDouble(10), r.IsDBNull(11) ? null : r.GetDouble(11),
            r.IsDBNull(12) ? null : r.GetDouble(12), r.GetString(13)));

    private sealed record StoredRow(long Time, double Open, double High, double Low, double Close, string Fractals, string Horizontal,
        string Diagonal, string Momentum, string Keltner, double? Tema, double? Hrma, double? Smma, string ZigZag);

    private static void Names(JsonElement element, params string[] names) =>
        Assert.Equal(names, element.EnumerateObject().Select(p => p.Name));

    /// <summary>Exactly these properties, in any order: structure JSON is kept as written (or as JSONB reorders it).</summary>
    private static void Fields(JsonElement element, params string[] names) =>
        Assert.Equal(names.Order(), element.EnumerateObject().Select(p => p.Name).Order());

    private static void Kind(JsonValueKind kind, JsonElement element, string property) =>
        Assert.Equal(kind, element.GetProperty(property).ValueKind);

    private static void IsInteger(JsonElement element, string property) =>
        Assert.True(element.GetProperty(property).TryGetInt64(out _), $"{property} is not an integer: {element}");

    private static void Points(JsonElement structure)
    {
        Fields(structure, "peaks", "bottoms");
        foreach (var point in structure.EnumerateObject().SelectMany(side => side.Value.EnumerateArray()))
        {
            Fields(point, "time", "price");
            IsInteger(point, "time");
            Kind(JsonValueKind.Number, point, "price");
        }
    }

    private static void Lines(JsonElement structure, params string[] sides)
    {
        Fields(structure, sides);
        foreach (var line in structure.EnumerateObject().SelectMany(side => side.Value.EnumerateArray()))
        {
            Fields(line, "start_time", "start_price", "end_time", "end_price", "touches");
            IsInteger(line, "start_time");
            IsInteger(line, "end_time");
            IsInteger(line, "touches");
            Kind(JsonValueKind.Number, line, "start_price");
            Kind(JsonValueKind.Number, line, "end_price");
        }
    }

    private static bool Same(string storedJson, JsonElement returned) => JsonElement.DeepEquals(JsonDocument.Parse(storedJson).RootElement, returned);

    private static double?[] Numbers(JsonElement array) =>
        [.. array.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble())];

    [Fact]
    public async Task One_pair_has_every_field_with_its_json_type_and_the_values_postgres_holds()
    {
        const int limit = 60;
        var call = await ApiCall.GetAsync(api.Client(api.ProToken), $"/api/indicators/EURUSD/H1?limit={limit}");
        Assert.Equal((HttpStatusCode.OK, "application/json"), (call.Status, call.MediaType));
        Names(call.Body, "success", "data");
        Assert.Equal(JsonValueKind.True, call.Body.GetProperty("success").ValueKind);
        var data = call.Body.GetProperty("data");
        Names(data, "ohlc", "fractals", "horizontal_trendlines", "diagonal_trendlines", "momentum_candles", "keltner_channels",
            "tema", "hrma", "smma", "zigzag", "metadata");

        // ohlc: oldest first, on the timeframe's grid, each bar consistent.
        var ohlc = data.GetProperty("ohlc").EnumerateArray().ToList();
        Assert.Equal(limit, ohlc.Count);
        foreach (var bar in ohlc)
        {
            Names(bar, "time", "open", "high", "low", "close", "volume", "spread", "real_volume", "closed");
            IsInteger(bar, "time");
            Assert.Equal(0, bar.GetProperty("time").GetInt64() % 3600);
            IsInteger(bar, "volume");
            IsInteger(bar, "spread");
            IsInteger(bar, "real_volume");
            // Closed: a later bar of the pair exists; only the newest (the forming one) is not.
            Assert.Equal(bar.GetProperty("time").GetInt64() != ohlc[^1].GetProperty("time").GetInt64(), bar.GetProperty("closed").GetBoolean());
            var (open, high, low, close) = (bar.GetProperty("open").GetDouble(), bar.GetProperty("high").GetDouble(), bar.GetProperty("low").GetDouble(), bar.GetProperty("close").GetDouble());
            Assert.True(low <= Math.Min(open, close) && Math.Max(open, close) <= high, $"inconsistent bar {bar}");
        }

        var times = ohlc.Select(b => b.GetProperty("time").GetInt64()).ToList();
        Assert.True(times.Zip(times.Skip(1)).All(p => p.First < p.Second), "ohlc is not strictly oldest-first");

        // Per-bar series: same length as ohlc, numbers or null.
        foreach (var name in new[] { "tema", "hrma", "smma" })
        {
            Assert.Equal(JsonValueKind.Array, data.GetProperty(name).ValueKind);
            Assert.Equal(limit, data.GetProperty(name).GetArrayLength());
            Assert.All(data.GetProperty(name).EnumerateArray(), v => Assert.Contains(v.ValueKind, new[] { JsonValueKind.Number, JsonValueKind.Null }));
        }

        // Structures of the latest bar, in the shapes of DESIGN §3.
        Points(data.GetProperty("fractals"));
        Points(data.GetProperty("zigzag"));
        Lines(data.GetProperty("horizontal_trendlines"), "peak_lines", "bottom_lines");
        Lines(data.GetProperty("diagonal_trendlines"), "ascending", "descending");
        var keltner = data.GetProperty("keltner_channels");
        Fields(keltner, "upper", "middle", "lower");
        Kind(JsonValueKind.Number, keltner, "middle");
        var upper = keltner.GetProperty("upper").EnumerateArray().Select(v => v.GetDouble()).ToList();
        var lower = keltner.GetProperty("lower").EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.Equal((5, 5), (upper.Count, lower.Count));
        Assert.Equal(upper.Order(), upper); // inner → outer
        Assert.Equal(lower.OrderDescending(), lower);
        Assert.InRange(keltner.GetProperty("middle").GetDouble(), lower[0], upper[0]);

        // Momentum candles: oldest first, each on a bar of the window.
        var momentum = data.GetProperty("momentum_candles").EnumerateArray().ToList();
        Assert.NotEmpty(momentum);
        foreach (var candle in momentum)
        {
            Names(candle, "time", "direction", "body_ratio"); // written by the API itself, so in order
            Assert.Contains(candle.GetProperty("time").GetInt64(), times);
            Assert.Contains(candle.GetProperty("direction").GetString(), new[] { "bullish", "bearish" });
            Kind(JsonValueKind.Number, candle, "body_ratio");
        }

        var candleTimes = momentum.Select(c => c.GetProperty("time").GetInt64()).ToList();
        Assert.Equal(candleTimes.Order(), candleTimes);

        var metadata = data.GetProperty("metadata");
        Assert.True(JsonElement.DeepEquals(metadata, JsonSerializer.SerializeToElement(new
        {
            symbol = "EURUSD", timeframe = "H1", tier = "PRO", bars_returned = limit, pro_indicators_enabled = true,
        })), metadata.ToString());
        IsInteger(metadata, "bars_returned");

        // The same values PostgreSQL holds, read as the seed read them: newest rows, reversed;
        // structures from the newest row; every row's momentum candles. Series index-aligned with ohlc.
        var rows = await SeedQuery("eurusd_h1", limit);
        rows.Reverse();
        Assert.Equal(rows.Select(r => r.Time), times);
        Assert.Equal(rows.Select(r => (r.Open, r.High, r.Low, r.Close)), ohlc.Select(b =>
            (b.GetProperty("open").GetDouble(), b.GetProperty("high").GetDouble(), b.GetProperty("low").GetDouble(), b.GetProperty("close").GetDouble())));
        Assert.Equal(rows.Select(r => r.Tema), Numbers(data.GetProperty("tema")));
        Assert.Equal(rows.Select(r => r.Hrma), Numbers(data.GetProperty("hrma")));
        Assert.Equal(rows.Select(r => r.Smma), Numbers(data.GetProperty("smma")));
        var volumes = await api.Database.QueryAsync(
            $"SELECT tick_volume, spread, real_volume FROM eurusd_h1 ORDER BY timestamp DESC LIMIT {limit}", r => (r.GetInt64(0), r.GetInt32(1), r.GetInt64(2)));
        volumes.Reverse();
        Assert.Equal(volumes, ohlc.Select(b => (b.GetProperty("volume").GetInt64(), b.GetProperty("spread").GetInt32(), b.GetProperty("real_volume").GetInt64())));
        Assert.Contains(rows, r => r.Tema is null); // the first bars of the history have no TEMA yet: null, not 0 or a shifted value
        var newest = rows[^1];
        Assert.True(Same(newest.Fractals, data.GetProperty("fractals")));
        Assert.True(Same(newest.Horizontal, data.GetProperty("horizontal_trendlines")));
        Assert.True(Same(newest.Diagonal, data.GetProperty("diagonal_trendlines")));
        Assert.True(Same(newest.Keltner, data.GetProperty("keltner_channels")));
        Assert.True(Same(newest.ZigZag, data.GetProperty("zigzag")));
        var storedCandles = rows.SelectMany(r => JsonDocument.Parse(r.Momentum).RootElement.EnumerateArray().Select(c => c.Clone())).ToList();
        Assert.Equal(storedCandles.Count, momentum.Count);
        Assert.All(storedCandles.Zip(momentum), p => Assert.True(JsonElement.DeepEquals(p.First, p.Second), $"{p.First} vs {p.Second}"));
    }

    [Fact]
    public async Task Free_callers_get_the_same_bars_and_basic_structures_as_pro()
    {
        var pro = await ApiCall.GetAsync(api.Client(api.ProToken), "/api/indicators/EURUSD/H4?limit=20");
        var free = await ApiCall.GetAsync(api.Client(api.FreeToken), "/api/indicators/EURUSD/H4?limit=20");
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (pro.Status, free.Status));
        foreach (var shared in new[] { "ohlc", "fractals", "horizontal_trendlines", "diagonal_trendlines" })
        {
            Assert.True(JsonElement.DeepEquals(pro.Body.GetProperty("data").GetProperty(shared), free.Body.GetProperty("data").GetProperty(shared)), shared);
        }

        Assert.NotEqual(pro.ETag, free.ETag); // different representations, different tags
    }

    [Fact]
    public async Task Bars_returned_equals_the_limit_whenever_enough_bars_are_held()
    {
        var client = api.Client(api.ProToken);
        foreach (var tf in Timeframes.All)
        {
            var held = (int)await api.Database.ScalarAsync<long>($"SELECT count(*) FROM {new Pair("GBPUSD", tf).TableName}");
            foreach (var limit in new[] { 1, 2, held - 1, held, held + 1, 5000 }.Where(l => l >= 1).Distinct())
            {
                var call = await ApiCall.GetAsync(client, $"/api/indicators/GBPUSD/{tf.Name()}?limit={limit}");
                var data = call.Body.GetProperty("data");
                var expected = Math.Min(limit, held);
                Assert.True(
                    (expected, expected, expected) == (data.GetProperty("metadata").GetProperty("bars_returned").GetInt32(), data.GetProperty("ohlc").GetArrayLength(), data.GetProperty("smma").GetArrayLength()),
                    $"GBPUSD {tf.Name()} limit {limit} of {held}: {call}");
            }
        }
    }

    [Fact]
    public async Task A_real_failure_is_the_500_envelope_with_nothing_internal_and_the_pair_recovers()
    {
        // AUDJPY/H2 is activated by no other test here: with its table gone, activation (rehydration
        // from PostgreSQL) fails inside the grain and the exception reaches the API. (The current
        // confluence is the ConfluenceGrain's own state and does not touch the timeframe grains.)
        var client = api.Client(api.ProToken);
        await Execute("ALTER TABLE audjpy_h2 RENAME TO audjpy_h2_away");
        try
        {
            foreach (var url in new[] { "/api/indicators/AUDJPY/H2", "/api/stream/AUDJPY/H2" })
            {
                var call = await ApiCall.GetAsync(client, url);
                Assert.True(call.IsError(HttpStatusCode.InternalServerError, "Internal server error"), $"{url}: {call}");
                foreach (var leak in new[] { "Exception", "audjpy", "Npgsql", "   at ", "relation", "Orleans" })
                {
                    Assert.DoesNotContain(leak, call.Text, StringComparison.OrdinalIgnoreCase);
                }
            }
        }
        finally
        {
            await Execute("ALTER TABLE audjpy_h2_away RENAME TO audjpy_h2");
        }

        // Recovered: a grain whose activation failed while the table was away (the ConfluenceGrain rebuilds from the
        // nine tables too) is activated afresh by a later call, so both answer 200 again within a bounded wait.
        foreach (var url in new[] { "/api/indicators/AUDJPY/H2", "/api/confluence/AUDJPY" })
        {
            var call = await Eventually.LastAsync(() => ApiCall.GetAsync(client, url), c => c.Status == HttpStatusCode.OK,
                TimeSpan.FromSeconds(10), cancellationToken: TestContext.Current.CancellationToken);

            Assert.True(call.Status == HttpStatusCode.OK, $"{url} after the table is back: {call}");
        }
    }

    private async Task Execute(string sql)
    {
        await using var command = api.Database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Ingests one bar through the SymbolGrain as the agent would (own source, so its cursor starts at 0).</summary>
    private async Task<BarRecord> Ingest(string symbol, Timeframe tf, Func<BarRecord, BarRecord> change)
    {
        var latest = (await Grains.GetGrain<ITimeframeGrain>(new Pair(symbol, tf).Key).GetLatest())!;
        var bar = change(latest) with { Seq = 1, WrittenAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() };
        await Grains.GetGrain<ISymbolGrain>(symbol).Ingest(new IngestBatch(symbol, $"contract-{Guid.NewGuid():N}", [bar], 1));
        return bar;
    }

    private static Action<HttpRequestMessage> IfNoneMatch(params string?[] etags) => request =>
    {
        foreach (var etag in etags)
        {
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(etag!));
        }
    };

    private static (long Time, double Close) Last(ApiCall call)
    {
        var last = call.Body.GetProperty("data").GetProperty("ohlc").EnumerateArray().Last();
        return (last.GetProperty("time").GetInt64(), last.GetProperty("close").GetDouble());
    }

    [Fact]
    public async Task A_new_bar_is_in_the_very_next_response_and_the_etag_follows_it()
    {
        const string url = "/api/indicators/GBPUSD/H1?limit=5";
        var client = api.Client(api.ProToken);
        var first = await ApiCall.GetAsync(client, url);
        Assert.NotNull(first.ETag);
        var unchanged = await ApiCall.GetAsync(client, url, IfNoneMatch(first.ETag));
        Assert.Equal((HttpStatusCode.NotModified, first.ETag, string.Empty), (unchanged.Status, unchanged.ETag, unchanged.Text));

        // A new bar: the next request returns it, even to a client holding the old tag.
        var added = await Ingest("GBPUSD", Timeframe.H1, b => b with { Time = b.Time + 3600, Close = b.Close + 0.001, High = b.High + 0.001 });
        var second = await ApiCall.GetAsync(client, url, IfNoneMatch(first.ETag));
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal((added.Time, added.Close), Last(second));
        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await ApiCall.GetAsync(client, url, IfNoneMatch(second.ETag))).Status);

        // A rewrite of the forming bar (same time, new close) is a change too.
        var rewritten = await Ingest("GBPUSD", Timeframe.H1, b => b with { Close = b.Close - 0.0005 });
        var third = await ApiCall.GetAsync(client, url, IfNoneMatch(first.ETag, second.ETag));
        Assert.Equal(HttpStatusCode.OK, third.Status);
        Assert.Equal((added.Time, rewritten.Close), Last(third));
        Assert.DoesNotContain(third.ETag, new[] { first.ETag, second.ETag });
        Assert.Equal(third.Text, (await ApiCall.GetAsync(client, url)).Text);
    }

    [Fact]
    public async Task An_etag_never_matches_bars_it_was_not_made_from_even_across_a_reactivation()
    {
        const string url = "/api/indicators/EURUSD/H4?limit=5";
        var client = api.Client(api.ProToken);
        await Ingest("EURUSD", Timeframe.H4, b => b with { Time = b.Time + 14_400 });
        var before = await ApiCall.GetAsync(client, url);
        var grain = Grains.GetGrain<ITimeframeGrain>("EURUSD/H4");
        var version = await grain.GetVersion();

        // The grain goes away (idle collection, a silo leaving) and comes back rehydrated from PostgreSQL: a new
        // activation, whose versions start at a new random point (docs/architecture.md, "Grain contracts").
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, TestContext.Current.CancellationToken);
        var rehydrated = await ApiCall.GetAsync(client, url);
        Assert.NotEqual(version, await grain.GetVersion());
        Assert.NotEqual(before.ETag, rehydrated.ETag);
        Assert.Equal(Last(before), Last(rehydrated));

        // Then a new bar arrives: a client still holding the tag from before must get the new bars.
        var added = await Ingest("EURUSD", Timeframe.H4, b => b with { Time = b.Time + 14_400 });
        var after = await ApiCall.GetAsync(client, url, IfNoneMatch(before.ETag, rehydrated.ETag));
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Equal(added.Time, Last(after).Time);
    }
}
