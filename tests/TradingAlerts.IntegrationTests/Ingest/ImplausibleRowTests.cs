using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TradingAlerts.TestSupport;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.CollectorFile.Sqlite;
using TradingAlerts.IntegrationTests.Api;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.Ingest;

/// <summary>
/// The row seen in the field, in the real silo on PostgreSQL: EURUSD H12 priced 1e308 and opening 12 h after the
/// H12 bar that holds the file's newest M5 bar, and the current H12 bar rewritten at 1e308. Both are quarantined
/// with their reasons; the pair's latest bar and the confluence's timestamp stay where the good rows put them,
/// and the rows written after them are ingested.
/// </summary>
public sealed class ImplausibleRowTests : IDisposable
{
    private const double Absurd = 1e308;
    private readonly TempCollectorFile _file = new();

    [Fact]
    public async Task An_absurd_row_ahead_of_the_file_is_quarantined_and_moves_neither_the_latest_bar_nor_the_confluence()
    {
        var rows = _file.WriteHistory(1, "EURUSD");
        await using var db = new SchemaDatabase();
        await db.InitializeAsync();
        await using var silo = new SiloFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = db.ConnectionString,
            ["Orleans:AdvertisedIP"] = "127.0.0.1",
            ["Ingest:SqlitePaths:0"] = _file.Path,
            ["Ingest:PollInterval"] = "00:00:00.050",
        });
        using var client = silo.CreateClient();
        Assert.Equal(rows, await TempCollectorFile.WaitForRowsAsync(db, ["EURUSD"], rows));
        var h12 = silo.Services.GetRequiredService<IGrainFactory>().GetGrain<ITimeframeGrain>("EURUSD/H12");
        var latest = (await h12.GetLatest())!;
        var bearer = await Token(client);
        var timestamp = await ConfluenceTimestamp(client, bearer);

        // What the collector wrote: the table's newest M5 bar, the H12 bar that holds it, and 12 h later the absurd one.
        var (newestM5, close) = Newest("M5");
        var current = Timeframe.H12.BucketStart(newestM5);
        Assert.Equal(current, latest.Time);
        var ahead = Upsert("H12", current + 43_200, Absurd, Absurd, Absurd, Absurd);
        var rewritten = Upsert("H12", current, latest.Open, Absurd, latest.Low, latest.Close);

        var records = await Eventually.UntilAsync("two quarantined rows", () => Task.FromResult(CollectorQuarantine.ReadRecords(_file.Path + CollectorQuarantine.Suffix).ToList()),
            r => r.Count == 2, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(20), TestContext.Current.CancellationToken);
        Assert.Equal([(ahead, "H12", current + 43_200), (rewritten, "H12", current)],
            records.Select(r => (r.GetProperty("seq").GetInt64(), r.GetProperty("timeframe").GetString(), r.GetProperty("timestamp").GetInt64())));
        Assert.Equal(
            string.Create(CultureInfo.InvariantCulture,
                $"timestamp {current + 43_200} ({Iso(current + 43_200)}) lies ahead of the file's newest M5 bar ({newestM5} = {Iso(newestM5)}): no H12 bar can open after {current} ({Iso(current)}) yet"),
            records[0].GetProperty("reason").GetString());
        // The reference close is the median of the closes around it in the synthetic history: a EURUSD price, whatever its digits.
        Assert.Matches(@"^high 1E\+308 is implausible: above 10 times the reference close 1\.\d+ \(the median of \d nearby closes\)$", records[1].GetProperty("reason").GetString());
        Assert.Equal(latest, await h12.GetLatest());
        Assert.Equal(timestamp, await ConfluenceTimestamp(client, bearer));

        // The collector's next cycle: the next M5 bar and the H1 bar that holds it, both ingested.
        var next = newestM5 + 300;
        using (var writer = new CollectorWriter(_file.Path))
        {
            writer.Write("EURUSD", [Bar(Timeframe.M5, next, close), Bar(Timeframe.H1, Timeframe.H1.BucketStart(next), close)]);
        }

        Assert.Equal(rows + 2, await TempCollectorFile.WaitForRowsAsync(db, ["EURUSD"], rows + 2));
        Assert.Equal(1L, await db.ScalarAsync<long>($"SELECT count(*) FROM eurusd_m5 WHERE timestamp = to_timestamp({next})"));
        Assert.Equal(0L, await db.ScalarAsync<long>($"SELECT count(*) FROM eurusd_h12 WHERE timestamp > to_timestamp({current}) OR high > 1e6"));
        Assert.Equal(latest, await h12.GetLatest());
        Assert.Contains(await ConfluenceTimestamp(client, bearer), new[] { timestamp, Utc(next) });
    }

    private static BarRecord Bar(Timeframe timeframe, long time, double close) =>
        new(timeframe, time, close, close + 0.0002, close - 0.0002, close, IndicatorValues.None, 0, 0);

    private static Task<string> Token(HttpClient client) => DevToken.GetAsync(client, cancellationToken: TestContext.Current.CancellationToken);

    private static async Task<string?> ConfluenceTimestamp(HttpClient client, string bearer)
    {
        var call = await ApiCall.GetAsync(client, "/api/confluence/EURUSD", r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer));
        Assert.True(call.Status == HttpStatusCode.OK, call.ToString());
        return call.Body.GetProperty("timestamp").GetString();
    }

    private static string Utc(long seconds) =>
        DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string Iso(long seconds) =>
        DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private (long Time, double Close) Newest(string timeframe)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT timestamp, close FROM EURUSD WHERE timeframe = $tf ORDER BY timestamp DESC LIMIT 1";
        command.Parameters.AddWithValue("$tf", timeframe);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return (reader.GetInt64(0), reader.GetDouble(1));
    }

    /// <summary>Writes a row as a misbehaving collector would (seq = max + 1, written now), new or over the bar; returns its seq.</summary>
    private long Upsert(string timeframe, long time, double open, double high, double low, double close)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO EURUSD (timeframe, timestamp, open, high, low, close, seq, written_at) " +
            "VALUES ($tf, $time, $open, $high, $low, $close, (SELECT max(seq) + 1 FROM EURUSD), $written) " +
            "ON CONFLICT (timeframe, timestamp) DO UPDATE SET open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close, " +
            "seq = excluded.seq, written_at = excluded.written_at RETURNING seq";
        command.Parameters.AddWithValue("$tf", timeframe);
        command.Parameters.AddWithValue("$time", time);
        command.Parameters.AddWithValue("$open", open);
        command.Parameters.AddWithValue("$high", high);
        command.Parameters.AddWithValue("$low", low);
        command.Parameters.AddWithValue("$close", close);
        command.Parameters.AddWithValue("$written", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        return (long)command.ExecuteScalar()!;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False");
        connection.Open();
        return connection;
    }

    public void Dispose() => _file.Dispose();
}
