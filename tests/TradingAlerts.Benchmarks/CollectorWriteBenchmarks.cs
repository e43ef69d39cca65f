using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Indicators.Synthetic;
using TradingAlerts.CollectorFile.Sqlite;

namespace TradingAlerts.Benchmarks;

/// <summary>
/// Collector write rate, per row, with realistic indicator JSON. Baseline: the seed's way, one
/// autocommitted INSERT OR REPLACE per row built without a prepared statement; against it the
/// CollectorWriter's upsert (seq = max + 1, unchanged rows skipped) in one transaction per batch.
/// </summary>
[MemoryDiagnoser]
public class CollectorWriteBenchmarks
{
    private const int Rows = 2_000;
    private BarRecord[] _bars = [];
    private string? _path;

    [GlobalSetup]
    public void Setup()
    {
        var market = new SyntheticMarket(["EURUSD"]);
        _bars = [.. market.History("EURUSD", 0, 86_400 * 14).Take(Rows).Select(b => b.ToRecord())];
    }

    [IterationSetup]
    public void NewFile()
    {
        _path = BenchmarkFiles.NewPath("write");
        using var writer = new CollectorWriter(_path); // schema in place before timing
    }

    [IterationCleanup]
    public void RemoveFile() => BenchmarkFiles.Delete(_path);

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows)]
    public void RowAtATime()
    {
        using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        connection.Open();
        var seq = 0L;
        foreach (var bar in _bars)
        {
            using var command = connection.CreateCommand();
            command.CommandText =
                "INSERT OR REPLACE INTO EURUSD (timeframe, timestamp, open, high, low, close, fractals, horizontal_trendlines, " +
                "diagonal_trendlines, momentum_candles, keltner_channels, tema, hrma, smma, zigzag, seq, written_at) " +
                "VALUES ($tf, $ts, $o, $h, $l, $c, $f, $ht, $dt, $m, $k, $tema, $hrma, $smma, $z, $seq, 0)";
            command.Parameters.AddWithValue("$tf", bar.Timeframe.Name());
            command.Parameters.AddWithValue("$ts", bar.Time);
            command.Parameters.AddWithValue("$o", bar.Open);
            command.Parameters.AddWithValue("$h", bar.High);
            command.Parameters.AddWithValue("$l", bar.Low);
            command.Parameters.AddWithValue("$c", bar.Close);
            command.Parameters.AddWithValue("$f", (object?)bar.Indicators.Fractals ?? DBNull.Value);
            command.Parameters.AddWithValue("$ht", (object?)bar.Indicators.HorizontalTrendlines ?? DBNull.Value);
            command.Parameters.AddWithValue("$dt", (object?)bar.Indicators.DiagonalTrendlines ?? DBNull.Value);
            command.Parameters.AddWithValue("$m", (object?)bar.Indicators.MomentumCandles ?? DBNull.Value);
            command.Parameters.AddWithValue("$k", (object?)bar.Indicators.KeltnerChannels ?? DBNull.Value);
            command.Parameters.AddWithValue("$tema", (object?)bar.Indicators.Tema ?? DBNull.Value);
            command.Parameters.AddWithValue("$hrma", (object?)bar.Indicators.Hrma ?? DBNull.Value);
            command.Parameters.AddWithValue("$smma", (object?)bar.Indicators.Smma ?? DBNull.Value);
            command.Parameters.AddWithValue("$z", (object?)bar.Indicators.ZigZag ?? DBNull.Value);
            command.Parameters.AddWithValue("$seq", ++seq);
            command.ExecuteNonQuery();
        }
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public int CollectorWriterBatched()
    {
        using var writer = new CollectorWriter(_path!);
        var written = 0;
        foreach (var chunk in _bars.Chunk(500))
        {
            written += writer.Write("EURUSD", chunk);
        }

        return written;
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public int CollectorWriterCyclePerTransaction()
    {
        // The live shape: ten rows per transaction, as one collector cycle writes them.
        using var writer = new CollectorWriter(_path!);
        var written = 0;
        foreach (var chunk in _bars.Chunk(10))
        {
            written += writer.Write("EURUSD", chunk);
        }

        return written;
    }
}
