using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TradingAlerts.TestSupport;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Ingest;
using TradingAlerts.IntegrationTests.Api;
using TradingAlerts.IntegrationTests.Infrastructure;
using TradingAlerts.CollectorFile.Sqlite;

namespace TradingAlerts.IntegrationTests.Ingest;

/// <summary>
/// A malformed collector row in the real silo on PostgreSQL: it is quarantined (kept with its reason in the
/// file beside the collector file, counted by /api/health/sqlite and the metric), the rows after it reach
/// PostgreSQL, and a value that cannot be parsed already in PostgreSQL never stops the pair after a restart.
/// </summary>
public sealed class QuarantineTests : IDisposable
{
    private const string Malformed = """{"peaks":[1],"bottoms":[]}""";
    private readonly TempCollectorFile _file = new();

    private Dictionary<string, string?> Settings(SchemaDatabase db) => new()
    {
        ["ConnectionStrings:Postgres"] = db.ConnectionString,
        ["Orleans:AdvertisedIP"] = "127.0.0.1",
        ["Ingest:SqlitePaths:0"] = _file.Path,
        ["Ingest:PollInterval"] = "00:00:00.050",
        ["Ingest:StatusInterval"] = "00:00:00.200",
    };

    private SiloFactory Silo(SchemaDatabase db) => new(Settings(db));

    /// <summary>On real Kestrel ports: the health details (file paths, errors) are on the admin port only.</summary>
    private KestrelSilo AdminSilo(SchemaDatabase db) => KestrelSilo.Start(Settings(db));

    [Fact]
    public async Task A_malformed_row_is_quarantined_visibly_and_the_rows_after_it_are_ingested()
    {
        var rows = _file.WriteHistory(1, "EURUSD");
        await using var db = new SchemaDatabase();
        await db.InitializeAsync();
        await using var silo = AdminSilo(db);
        var client = silo.Admin;
        long quarantinedMetric = 0;
        using var listener = new MeterListener();
        var metrics = silo.Factory.Services.GetRequiredService<IngestMetrics>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument == metrics.Quarantined)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref quarantinedMetric, value));
        listener.Start();
        Assert.Equal(rows, await TempCollectorFile.WaitForRowsAsync(db, ["EURUSD"], rows));

        // The collector writes an M5 bar (no bar of another timeframe may open after the one holding it), the
        // malformed H1 row (valid JSON, wrong shape), then two good rows after it.
        var lastH1 = await db.ScalarAsync<long>("SELECT extract(epoch FROM max(timestamp))::bigint FROM eurusd_h1");
        var bad = lastH1 + 3600;
        var h4 = Timeframe.H4.BucketStart(bad + 14_400);
        Write(Bar(Timeframe.M5, h4));
        var badSeq = InsertRaw("H1", bad, Malformed);
        Write(Bar(Timeframe.H1, bad + 3600), Bar(Timeframe.H4, h4));

        Assert.Equal(rows + 3, await TempCollectorFile.WaitForRowsAsync(db, ["EURUSD"], rows + 3));
        Assert.Equal(0L, await db.ScalarAsync<long>($"SELECT count(*) FROM eurusd_h1 WHERE timestamp = to_timestamp({bad})"));
        Assert.Equal(1L, await db.ScalarAsync<long>($"SELECT count(*) FROM eurusd_h1 WHERE timestamp = to_timestamp({bad + 3600})"));

        // Kept with its reason and the row as stored, beside the collector file.
        var record = Assert.Single(CollectorQuarantine.ReadRecords(_file.Path + CollectorQuarantine.Suffix));
        Assert.Equal(badSeq, record.GetProperty("seq").GetInt64());
        Assert.Equal(("EURUSD", "H1", bad), (record.GetProperty("symbol").GetString(), record.GetProperty("timeframe").GetString(), record.GetProperty("timestamp").GetInt64()));
        Assert.Equal("fractals.peaks[0] must be a JSON object {time, price}, got 1", record.GetProperty("reason").GetString());
        Assert.Equal(Malformed, record.GetProperty("row").GetProperty("fractals").GetString());

        // Counted where an operator looks.
        var (status, body) = await HealthApiTests.WaitFor(client, "/api/health/sqlite", (_, b) => b.GetProperty("quarantined").GetInt32() > 0);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, body.GetProperty("quarantined").GetInt32());
        var source = Assert.Single(body.GetProperty("sources").EnumerateArray());
        Assert.Equal(1, source.GetProperty("quarantined").GetInt32());
        Assert.Equal(1, source.GetProperty("symbols").EnumerateArray().Single(x => x.GetProperty("symbol").GetString() == "EURUSD").GetProperty("quarantined").GetInt32());
        Assert.Equal(Path.GetFullPath(_file.Path) + CollectorQuarantine.Suffix, source.GetProperty("quarantineFile").GetString());
        Assert.Equal(1, Interlocked.Read(ref quarantinedMetric));
    }

    [Fact]
    public async Task A_quarantined_row_that_cannot_be_recorded_holds_the_cursor_until_it_can()
    {
        var rows = _file.WriteHistory(1, "EURUSD");
        var lastH1 = 1_641_254_400 + 86_400 - 3600;
        Write(Bar(Timeframe.M5, lastH1 + 7200));
        var badSeq = InsertRaw("H1", lastH1 + 3600, Malformed);
        Write(Bar(Timeframe.H1, lastH1 + 7200));

        // Something the agent cannot write where the quarantine file belongs.
        var quarantinePath = Path.GetFullPath(_file.Path) + CollectorQuarantine.Suffix;
        Directory.CreateDirectory(quarantinePath);
        try
        {
            await using var db = new SchemaDatabase();
            await db.InitializeAsync();
            await using var silo = AdminSilo(db);
            var client = silo.Admin;

            var (status, body) = await HealthApiTests.WaitFor(client, "/api/health/sqlite", (s, b) => s == HttpStatusCode.ServiceUnavailable
                && b.GetProperty("sources").GetArrayLength() > 0
                && b.GetProperty("sources")[0].GetProperty("lastError").GetString() is { } error && error.Contains(quarantinePath, StringComparison.Ordinal));
            var eurusd = body.GetProperty("sources")[0].GetProperty("symbols").EnumerateArray().Single(x => x.GetProperty("symbol").GetString() == "EURUSD");
            Assert.Equal("failing", eurusd.GetProperty("status").GetString());
            Assert.StartsWith($"Cannot record quarantined rows in {quarantinePath}", eurusd.GetProperty("lastError").GetString(), StringComparison.Ordinal);
            var grains = silo.Factory.Services.GetRequiredService<IGrainFactory>();
            Assert.True(await grains.GetGrain<Abstractions.Grains.ISymbolGrain>("EURUSD").GetCursor(Path.GetFullPath(_file.Path)) < badSeq);
            Assert.Equal(0L, await db.ScalarAsync<long>($"SELECT count(*) FROM eurusd_h1 WHERE timestamp >= to_timestamp({lastH1 + 3600})"));

            // Once it can be written, the row is recorded and everything after it flows on.
            Directory.Delete(quarantinePath);
            Assert.Equal(rows + 2, await TempCollectorFile.WaitForRowsAsync(db, ["EURUSD"], rows + 2));
            Assert.Equal(badSeq, Assert.Single(CollectorQuarantine.ReadRecords(quarantinePath)).GetProperty("seq").GetInt64());
            Assert.Equal(1L, await db.ScalarAsync<long>($"SELECT count(*) FROM eurusd_h1 WHERE timestamp >= to_timestamp({lastH1 + 3600})"));
        }
        finally
        {
            if (Directory.Exists(quarantinePath))
            {
                Directory.Delete(quarantinePath);
            }
        }
    }

    [Fact]
    public async Task A_value_in_postgres_that_cannot_be_parsed_counts_as_missing_and_the_pair_answers_after_a_restart()
    {
        var rows = _file.WriteHistory(1, "EURUSD");
        await using var db = new SchemaDatabase();
        await db.InitializeAsync();
        await using (var first = Silo(db))
        {
            using var client = first.CreateClient();
            Assert.Equal(rows, await TempCollectorFile.WaitForRowsAsync(db, ["EURUSD"], rows));
        }

        // Written behind the grid's back (an older version, a manual fix gone wrong), then the silo restarts.
        await Execute(db, $"UPDATE eurusd_h1 SET fractals = '{Malformed}', momentum_candles = '[{{\"time\":\"soon\"}}]', tema = 'NaN' " +
            "WHERE timestamp = (SELECT max(timestamp) FROM eurusd_h1)");
        await using var second = Silo(db);
        using var restarted = second.CreateClient();

        var bearer = await DevToken.GetAsync(restarted, cancellationToken: TestContext.Current.CancellationToken);
        var call = await ApiCall.GetAsync(restarted, "/api/indicators/EURUSD/H1?limit=5",
            r => r.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer));
        Assert.Equal(HttpStatusCode.OK, call.Status);
        var data = call.Body.GetProperty("data");
        Assert.Equal(
            await db.QueryAsync("SELECT extract(epoch FROM timestamp)::bigint FROM eurusd_h1 ORDER BY timestamp DESC LIMIT 5", r => r.GetInt64(0)),
            data.GetProperty("ohlc").EnumerateArray().Select(c => c.GetProperty("time").GetInt64()).Reverse());
        // The unusable values count as missing: no fractals, no TEMA on the latest bar.
        Assert.Equal(0, data.GetProperty("fractals").GetProperty("peaks").GetArrayLength());
        Assert.Equal(0, data.GetProperty("fractals").GetProperty("bottoms").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("tema").EnumerateArray().Last().ValueKind);
        var latest = await second.Services.GetRequiredService<IGrainFactory>().GetGrain<Abstractions.Grains.ITimeframeGrain>("EURUSD/H1").GetLatest();
        Assert.Equal((null, null, (double?)null), (latest!.Indicators.Fractals, latest.Indicators.MomentumCandles, latest.Indicators.Tema));
        Assert.Equal(await db.ScalarAsync<double>("SELECT close FROM eurusd_h1 ORDER BY timestamp DESC LIMIT 1"), latest.Close);

        // The confluence, rebuilt from the same rows now and computed from them at that bar's time, answers as well,
        // with the H1 values missing there too.
        var at = DateTimeOffset.FromUnixTimeSeconds(latest.Time).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var url in new[] { "/api/confluence/EURUSD", $"/api/confluence/EURUSD?timestamp={at}" })
        {
            var confluence = await ApiCall.GetAsync(restarted, url,
                r => r.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer));
            Assert.True(confluence.Status == HttpStatusCode.OK, $"{url}: {confluence}");
            var h1 = confluence.Body.GetProperty("all_117_indicators").GetProperty("H1");
            Assert.Equal((JsonValueKind.Null, JsonValueKind.Null, JsonValueKind.Null),
                (h1.GetProperty("fractal_peaks").ValueKind, h1.GetProperty("momentum_candles").ValueKind, h1.GetProperty("tema").ValueKind));
        }
    }

    private static BarRecord Bar(Timeframe timeframe, long time) =>
        new(timeframe, time, 1.1, 1.102, 1.098, 1.101, IndicatorValues.None, 0, 0);

    private void Write(params BarRecord[] bars)
    {
        using var writer = new CollectorWriter(_file.Path);
        writer.Write("EURUSD", bars);
    }

    /// <summary>Inserts a row as a misbehaving collector would (seq = max + 1, written now); returns its seq.</summary>
    private long InsertRaw(string timeframe, long time, string fractals)
    {
        using var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO EURUSD (timeframe, timestamp, open, high, low, close, fractals, seq, written_at) " +
            "VALUES ($tf, $time, 1.1, 1.102, 1.098, 1.101, $fractals, (SELECT max(seq) + 1 FROM EURUSD), $written) RETURNING seq";
        command.Parameters.AddWithValue("$tf", timeframe);
        command.Parameters.AddWithValue("$time", time);
        command.Parameters.AddWithValue("$fractals", fractals);
        command.Parameters.AddWithValue("$written", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        return (long)command.ExecuteScalar()!;
    }

    private static async Task Execute(PostgresDatabase db, string sql)
    {
        await using var command = db.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public void Dispose() => _file.Dispose();
}
