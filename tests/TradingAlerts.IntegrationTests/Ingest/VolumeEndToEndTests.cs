using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.CollectorFile.Sqlite;
using TradingAlerts.IntegrationTests.Api;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.Ingest;

/// <summary>
/// Tick volume, spread and real volume from the collector file to every place a client or operator sees them: the
/// real silo's ingest agent reads the file, the grains write through to PostgreSQL, the API and a live stream answer.
/// The expected values are the file's own rows, read with plain SQL.
/// </summary>
public sealed class VolumeEndToEndTests : IDisposable
{
    private const long Start = 1_641_254_400; // 2022-01-04 00:00, an M5 open time
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly TempCollectorFile _file = new();

    [Fact]
    public async Task Volumes_written_by_the_collector_reach_postgres_the_api_and_the_stream_unchanged()
    {
        // Real volume above 2^32 and a spread of 0 are values a lossy path would change.
        using (var writer = new CollectorWriter(_file.Path))
        {
            writer.Write("EURUSD",
            [
                Bar(0, 1.1301, tick: 101, spread: 7, real: 0),
                Bar(1, 1.1304, tick: 202, spread: 0, real: 4_294_967_301),
                Bar(2, 1.1302, tick: 303, spread: 9, real: 12),
                Bar(3, 1.1306, tick: 4, spread: 11, real: 0),
            ]);
        }

        await using var db = new SchemaDatabase();
        await db.InitializeAsync();
        await using var silo = new SiloFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = db.ConnectionString,
            ["Orleans:AdvertisedIP"] = "127.0.0.1",
            ["Ingest:SqlitePaths:0"] = _file.Path,
        });
        using var http = silo.CreateClient();
        var token = await DevToken.GetAsync(http, "PRO", cancellationToken: Ct);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        await CaughtUp(grains);

        var written = FileVolumes();
        Assert.Equal(4, written.Count);
        Assert.Equal(written, await db.QueryAsync(
            "SELECT extract(epoch FROM timestamp)::bigint, tick_volume, spread, real_volume FROM eurusd_m5 ORDER BY timestamp",
            r => (r.GetInt64(0), r.GetInt64(1), (long)r.GetInt32(2), r.GetInt64(3))));
        Assert.Equal(written, await ApiVolumes(http));

        // Live: the forming bar's tick volume grows (nothing else changes) and a new bar opens; the stream carries both.
        await using var stream = await Stream(http, "/api/stream/EURUSD/M5");
        // The stream opens with the pair's latest bar.
        var held = await stream.Until(bars => bars.ContainsKey(Start + 900), "the stream's first event with the latest bar");
        Assert.Equal(written[^1], held[Start + 900]);
        using (var writer = new CollectorWriter(_file.Path))
        {
            writer.Write("EURUSD", [Bar(3, 1.1306, tick: 57, spread: 11, real: 0), Bar(4, 1.1299, tick: 3, spread: 13, real: 9_000_000_000)]);
        }

        written = FileVolumes();
        Assert.Equal([(Start + 900, 57L, 11L, 0L), (Start + 1200, 3L, 13L, 9_000_000_000L)], written.Skip(3));
        var live = await stream.Until(bars => bars.ContainsKey(Start + 1200) && bars[Start + 900].Tick == 57, "the grown forming bar and the new one");
        Assert.Equal(written.Skip(3), [live[Start + 900], live[Start + 1200]]);
        await CaughtUp(grains);
        Assert.Equal(written, await ApiVolumes(http));
        Assert.Equal(written, await db.QueryAsync(
            "SELECT extract(epoch FROM timestamp)::bigint, tick_volume, spread, real_volume FROM eurusd_m5 ORDER BY timestamp",
            r => (r.GetInt64(0), r.GetInt64(1), (long)r.GetInt32(2), r.GetInt64(3))));
    }

    private static BarRecord Bar(int index, double close, long tick, int spread, long real) =>
        new(Timeframe.M5, Start + (index * 300L), 1.13, Math.Max(1.13, close) + 0.0002, Math.Min(1.13, close) - 0.0002, close,
            IndicatorValues.None, Seq: 0, WrittenAtMs: 0, TickVolume: tick, Spread: spread, RealVolume: real);

    /// <summary>The M5 rows of the file as stored: (time, tick_volume, spread, real_volume).</summary>
    private List<(long Time, long Tick, long Spread, long Real)> FileVolumes()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _file.Path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT timestamp, tick_volume, spread, real_volume FROM EURUSD WHERE timeframe = 'M5' ORDER BY timestamp";
        using var reader = command.ExecuteReader();
        var rows = new List<(long, long, long, long)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
        }

        return rows;
    }

    private async Task CaughtUp(IGrainFactory grains)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _file.Path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(seq) FROM EURUSD";
        var newest = (long)command.ExecuteScalar()!;
        await Eventually.UntilAsync($"EURUSD ingested up to seq {newest}",
            async () => await grains.GetGrain<ISymbolGrain>("EURUSD").GetCursor(Path.GetFullPath(_file.Path)) >= newest,
            Bound, TimeSpan.FromMilliseconds(50), cancellationToken: Ct);
    }

    private static async Task<List<(long Time, long Tick, long Spread, long Real)>> ApiVolumes(HttpClient http)
    {
        var call = await ApiCall.GetAsync(http, "/api/indicators/EURUSD/M5?limit=100");
        Assert.True(call.Status == HttpStatusCode.OK, call.ToString());
        return [.. call.Body.GetProperty("data").GetProperty("ohlc").EnumerateArray().Select(Volumes)];
    }

    private static (long Time, long Tick, long Spread, long Real) Volumes(JsonElement bar) =>
        (bar.GetProperty("time").GetInt64(), bar.GetProperty("volume").GetInt64(), bar.GetProperty("spread").GetInt64(), bar.GetProperty("real_volume").GetInt64());

    private static async Task<BarStream> Stream(HttpClient http, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new BarStream(response, await response.Content.ReadAsStreamAsync(Ct));
    }

    /// <summary>The bars a stream's <c>bar</c> and <c>reset</c> events carried, by time, as a client folds them.</summary>
    private sealed class BarStream(HttpResponseMessage response, Stream body) : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        private readonly Dictionary<long, (long Time, long Tick, long Spread, long Real)> _bars = [];
        private readonly List<string> _seen = [];
        private IAsyncEnumerator<SseItem<string>>? _events;
        private Task<bool>? _pending;

        public async Task<Dictionary<long, (long Time, long Tick, long Spread, long Real)>> Until(
            Func<Dictionary<long, (long Time, long Tick, long Spread, long Real)>, bool> done, string what)
        {
            _events ??= SseParser.Create(body).EnumerateAsync(_stop.Token).GetAsyncEnumerator(_stop.Token);
            var deadline = DateTime.UtcNow + Bound;
            while (!done(_bars))
            {
                // A read that outlives the wait stays pending for the next one (an enumerator allows one read at a time).
                _pending ??= _events.MoveNextAsync().AsTask();
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || await Task.WhenAny(_pending, Task.Delay(left, Ct)) != _pending)
                {
                    Assert.Fail($"no {what} within {Bound}; events: {string.Join(" | ", _seen)}");
                }

                var more = await _pending;
                _pending = null;
                Assert.True(more, $"the stream ended before {what}");
                var item = _events.Current;
                _seen.Add(item.EventType + (item.EventType is "bar" or "reset" ? ":" + item.Data[..Math.Min(item.Data.Length, 400)] : string.Empty));
                if (item.EventType is not ("bar" or "reset"))
                {
                    continue;
                }

                using var json = JsonDocument.Parse(item.Data);
                if (item.EventType == "reset")
                {
                    _bars.Clear();
                }

                foreach (var bar in json.RootElement.GetProperty("data").GetProperty("ohlc").EnumerateArray())
                {
                    var volumes = Volumes(bar);
                    _bars[volumes.Time] = volumes;
                }
            }

            return new(_bars);
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            response.Dispose();
            if (_pending is not null)
            {
                await Task.WhenAny(_pending);
            }

            _stop.Dispose();
        }
    }

    public void Dispose() => _file.Dispose();
}
