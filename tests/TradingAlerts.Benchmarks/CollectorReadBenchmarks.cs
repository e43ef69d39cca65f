using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using TradingAlerts.Feeds;
using TradingAlerts.Indicators.Synthetic;
using TradingAlerts.CollectorFile.Sqlite;

namespace TradingAlerts.Benchmarks;

/// <summary>
/// Reader rate, per row, on a file of 20,000 synthetic rows with indicator JSON. Baseline: a raw
/// SELECT that only reads the columns; against it the CollectorReader, which also validates every
/// number and JSON document and builds the contract records.
/// </summary>
[MemoryDiagnoser]
public class CollectorReadBenchmarks
{
    private const int Rows = 20_000;
    private string? _path;

    [GlobalSetup]
    public void Setup()
    {
        _path = BenchmarkFiles.NewPath("read");
        using var writer = new CollectorWriter(_path);
        var feed = new SyntheticFeed(writer, new SyntheticMarket(["EURUSD"]));
        // ~20,000 rows: 11,600 M5 bars make about 1.72 rows each over the nine timeframes.
        feed.WriteHistory(0, 11_630 * 300L);
    }

    [GlobalCleanup]
    public void Cleanup() => BenchmarkFiles.Delete(_path);

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows)]
    public long RawSelect()
    {
        using var connection = new SqliteConnection($"Data Source={_path};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT timeframe, timestamp, open, high, low, close, fractals, horizontal_trendlines, diagonal_trendlines, " +
            "momentum_candles, keltner_channels, tema, hrma, smma, zigzag, seq, written_at FROM EURUSD WHERE seq > 0 ORDER BY seq LIMIT $n";
        command.Parameters.AddWithValue("$n", Rows);
        using var reader = command.ExecuteReader();
        long sum = 0;
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                sum += reader.IsDBNull(i) ? 0 : reader.GetValue(i).GetHashCode() & 1;
            }
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public long CollectorReaderValidated()
    {
        var reader = new CollectorReader(_path!);
        long cursor = 0, rows = 0;
        while (rows < Rows)
        {
            var batch = reader.Read("EURUSD", cursor, 1_000);
            if (batch.Count == 0)
            {
                break;
            }

            rows += batch.Rows.Count;
            cursor = batch.LastSeq;
        }

        return rows;
    }
}
