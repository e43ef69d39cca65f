using System.Security.Cryptography;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.CollectorFile.Sqlite;

namespace TradingAlerts.Tests.Sqlite;

public sealed class CollectorReaderTests : IDisposable
{
    private const string Columns = "timeframe, timestamp, open, high, low, close, tema, keltner_channels, momentum_candles, seq, written_at";
    private readonly ScratchCollectorFile _file = new();

    public CollectorReaderTests()
    {
        using var writer = new CollectorWriter(_file.Path); // creates the schema
    }

    private static BarRecord Bar(Timeframe tf, long time, double close) =>
        new(tf, time, close, close + 0.01, close - 0.01, close, IndicatorValues.None, 0, 0);

    private void Insert(string values) => _file.Execute($"INSERT INTO EURUSD ({Columns}) VALUES {values}");

    [Fact]
    public void Reads_changes_after_the_cursor_in_seq_order_in_bounded_batches()
    {
        using (var writer = new CollectorWriter(_file.Path))
        {
            writer.Write("EURUSD", Enumerable.Range(0, 25).Select(i => Bar(Timeframe.M5, i * 300L, 1.1 + (i / 1000.0))));
        }

        var reader = new CollectorReader(_file.Path);
        var first = reader.Read("EURUSD", 0, 10);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), first.Rows.Select(r => r.Seq));
        Assert.Equal(10, first.LastSeq);
        var rest = reader.Read("EURUSD", first.LastSeq, 100);
        Assert.Equal(15, rest.Rows.Count);
        Assert.Equal(25, rest.LastSeq);
        var none = reader.Read("EURUSD", rest.LastSeq, 100);
        Assert.Empty(none.Rows);
        Assert.Equal(25, none.LastSeq);
        Assert.True(none.TableFound);
    }

    [Fact]
    public void A_rewritten_forming_bar_comes_back_as_an_update_with_a_new_seq()
    {
        using var writer = new CollectorWriter(_file.Path);
        writer.Write("EURUSD", [Bar(Timeframe.H1, 3600, 1.10), Bar(Timeframe.H1, 7200, 1.20)]);
        var reader = new CollectorReader(_file.Path);
        var cursor = reader.Read("EURUSD", 0, 100).LastSeq;
        writer.Write("EURUSD", [Bar(Timeframe.H1, 7200, 1.25)]);
        var update = Assert.Single(reader.Read("EURUSD", cursor, 100).Rows);
        Assert.Equal((Timeframe.H1, 7200L, 1.25, 3L), (update.Timeframe, update.Time, update.Close, update.Seq));
    }

    [Fact]
    public void Bad_rows_are_quarantined_with_their_reason_and_never_block_good_ones()
    {
        Insert("""
            ('H1', 3600, 1.1, 1.2, 1.0, 1.15, NULL, NULL, NULL, 1, 0),
            ('H1', 7200, 1.1, 1.2, 1.0, 1.15, NULL, '{"upper":[1.3', NULL, 2, 0),
            ('H1', 10800, 'NaN', 1.2, 1.0, 1.15, NULL, NULL, NULL, 3, 0),
            ('H1', 14400, 1.1, 1.0, 1.2, 1.15, NULL, NULL, NULL, 4, 0),
            ('W1', 604800, 1.1, 1.2, 1.0, 1.15, NULL, NULL, NULL, 5, 0),
            ('H1', 18000, 1.7976931348623157e308, 1.8e308, 1.0, 1.15, NULL, NULL, NULL, 6, 0),
            ('H1', 21600, 1.1, 1.2, 1.0, 1.15, 1.7976931348623157e308, NULL, '[]', 7, 0),
            ('H1', 25300, 1.1, 1.2, 1.0, 1.15, NULL, NULL, NULL, 8, 0),
            ('H1', 28800, 1.1, 1.2, 1.0, 1.15, 9e999, NULL, NULL, 9, 0),
            ('H1', 32400, 1.1, 1.2, 1.0, 1.15, NULL, '[1,2]', NULL, 10, 0),
            ('h1', 36000, 1.1, 1.2, 1.0, 1.15, NULL, NULL, NULL, 11, 0),
            ('H1', 39600, 1.1, 1.2, 1.0, 1.15, 'abc', NULL, NULL, 12, 0),
            ('H1', 43200, 1.1, 1.2, 1.0, 1.15, NULL, NULL, '[] x', 13, 0),
            ('H1', 46800, 1.1, 1.2, 1.0, 1.15, NULL, NULL, NULL, 14, 0)
            """);
        var result = new CollectorReader(_file.Path).Read("EURUSD", 0, 100);

        Assert.Equal([1L, 7L, 14L], result.Rows.Select(r => r.Seq));
        Assert.Null(result.Rows[1].Indicators.Tema); // EMPTY_VALUE means "no value"
        Assert.Equal("[]", result.Rows[1].Indicators.MomentumCandles);
        Assert.Equal(14, result.LastSeq); // the cursor passes the quarantined rows
        // JSON reasons end with the parser's own description of the fault; the rest are ours, exactly.
        (long Seq, string Reason)[] expected =
        [
            (2L, "keltner_channels is not valid JSON: "),
            (3L, "open is not finite (NaN)"),
            (4L, "inconsistent OHLC: open 1.1, high 1, low 1.2, close 1.15"),
            (5L, "unknown timeframe 'W1'"),
            (6L, "open is missing or EMPTY_VALUE"),
            (8L, "timestamp 25300 is not a H1 bar open time"),
            (9L, "tema is not finite (Infinity)"),
            (10L, "keltner_channels must be a JSON object, got [1,2]"),
            (11L, "unknown timeframe 'h1'"),
            (12L, "tema is not a number: 'abc'"),
            (13L, "momentum_candles is not valid JSON: "),
        ];
        Assert.Equal(expected.Select(e => e.Seq), result.Quarantined.Select(q => q.Seq));
        foreach (var (e, q) in expected.Zip(result.Quarantined))
        {
            if (e.Reason.EndsWith(": ", StringComparison.Ordinal))
            {
                Assert.StartsWith(e.Reason, q.Reason, StringComparison.Ordinal);
                Assert.True(q.Reason.Length > e.Reason.Length, q.Reason);
            }
            else
            {
                Assert.Equal(e.Reason, q.Reason);
            }
        }
        Assert.All(result.Quarantined, q => Assert.Equal("EURUSD", q.Symbol));
        Assert.Equal(("W1", 604800L), (result.Quarantined[3].Timeframe, result.Quarantined[3].Timestamp));
    }

    [Fact]
    public void A_symbol_without_a_table_reads_as_empty_not_as_an_error()
    {
        _file.Execute("DROP TABLE GBPJPY");
        var result = new CollectorReader(_file.Path).Read("GBPJPY", 42, 100);
        Assert.False(result.TableFound);
        Assert.Empty(result.Rows);
        Assert.Equal(42, result.LastSeq);
        Assert.DoesNotContain("GBPJPY", new CollectorReader(_file.Path).Symbols());
    }

    [Fact]
    public void A_corrupt_file_is_a_clear_error()
    {
        var path = _file.Path + ".corrupt";
        File.WriteAllText(path, "this is not a database, just text that is long enough to have a header page\n" + new string('x', 4096));
        try
        {
            var ex = Assert.Throws<CollectorFileException>(() => new CollectorReader(path).Read("EURUSD", 0, 10));
            Assert.Equal($"Collector file {path} is not a SQLite database (corrupt or another kind of file)", ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_is_a_clear_error()
    {
        var path = _file.Path + ".missing";
        var ex = Assert.Throws<CollectorFileException>(() => new CollectorReader(path).Read("EURUSD", 0, 10));
        Assert.Equal($"Collector file not found: {path}", ex.Message);
    }

    [Fact]
    public void Unknown_symbols_are_refused_before_any_sql_is_built()
    {
        Assert.Throws<ArgumentException>(() => new CollectorReader(_file.Path).Read("EURUSD; DROP TABLE EURUSD", 0, 10));
    }

    [Fact]
    public void Reading_never_modifies_the_file()
    {
        using (var writer = new CollectorWriter(_file.Path))
        {
            writer.Write("EURUSD", [Bar(Timeframe.H1, 3600, 1.1)]);
        }

        var before = Hash(_file.Path);
        var reader = new CollectorReader(_file.Path);
        reader.Read("EURUSD", 0, 10);
        reader.LastWrittenAtMs();
        reader.Symbols();
        Assert.Equal(before, Hash(_file.Path));
    }

    [Fact]
    public async Task Reads_consistently_while_a_writer_is_active()
    {
        // The writer appends bars and rewrites the forming one in many small transactions while the reader tails.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var writerTask = Task.Run(() =>
        {
            using var writer = new CollectorWriter(_file.Path);
            for (var i = 0; i < 400; i++)
            {
                writer.Write("EURUSD", [Bar(Timeframe.M5, i * 300L, 1.1), Bar(Timeframe.H1, (i / 12) * 3600L, 1.1 + (i / 10_000.0))]);
            }
        }, stop.Token);

        var reader = new CollectorReader(_file.Path);
        long cursor = 0;
        var latest = new Dictionary<(Timeframe, long), BarRecord>();
        while (!writerTask.IsCompleted || cursor < 800)
        {
            stop.Token.ThrowIfCancellationRequested();
            var batch = reader.Read("EURUSD", cursor, 50);
            Assert.Empty(batch.Quarantined);
            Assert.True(batch.Rows.Zip(batch.Rows.Skip(1)).All(p => p.First.Seq < p.Second.Seq), "rows out of seq order");
            Assert.All(batch.Rows, r => Assert.True(r.Seq > cursor));
            foreach (var row in batch.Rows)
            {
                latest[(row.Timeframe, row.Time)] = row;
            }

            cursor = batch.LastSeq;
            if (batch.Count == 0)
            {
                await Task.Delay(5, stop.Token);
            }
        }

        await writerTask;
        Assert.Equal(800, cursor); // 400 M5 inserts + 400 H1 writes (inserts or forming-bar rewrites)
        Assert.Equal(400, latest.Keys.Count(k => k.Item1 == Timeframe.M5));
        Assert.Equal(34, latest.Keys.Count(k => k.Item1 == Timeframe.H1));
        Assert.Equal(1.1 + (399 / 10_000.0), latest[(Timeframe.H1, 33 * 3600L)].Close);
    }

    [Fact]
    public void Last_write_time_is_the_newest_written_at_of_any_symbol()
    {
        Insert("('H1', 3600, 1.1, 1.2, 1.0, 1.15, NULL, NULL, NULL, 1, 1700000000000)");
        _file.Execute($"INSERT INTO XAUUSD ({Columns}) VALUES ('H1', 3600, 1.1, 1.2, 1.0, 1.15, NULL, NULL, NULL, 1, 1700000005000)");
        Assert.Equal(1_700_000_005_000, new CollectorReader(_file.Path).LastWrittenAtMs());
    }

    private static string Hash(string path)
    {
        var bytes = new List<byte>();
        foreach (var file in new[] { path, path + "-wal" }.Where(File.Exists))
        {
            bytes.AddRange(File.ReadAllBytes(file));
        }

        return Convert.ToHexString(SHA256.HashData(bytes.ToArray())) + File.GetLastWriteTimeUtc(path).Ticks;
    }

    public void Dispose() => _file.Dispose();
}
