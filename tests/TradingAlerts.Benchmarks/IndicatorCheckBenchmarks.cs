using BenchmarkDotNet.Attributes;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.CollectorFile.Sqlite;
using TradingAlerts.Feeds;
using TradingAlerts.Grains.Bars;
using TradingAlerts.Indicators.Synthetic;

namespace TradingAlerts.Benchmarks;

/// <summary>
/// What the grain's check of a bar costs, per row, on the reader's rows of a synthetic file (realistic indicator JSON):
/// the values the reader checked (today's in-process path: the grain skips them), the same values as new objects (as a
/// silo receives them from another process: checked in full), against the reader's own per-row cost (the baseline).
/// Decides whether the reader's "already checked" may be dropped (docs/performance.md, "checked once per process").
/// </summary>
[MemoryDiagnoser]
public class IndicatorCheckBenchmarks
{
    private const int Rows = 5_000;
    private string? _path;
    private BarRecord[] _read = [];
    private BarRecord[] _received = [];

    [GlobalSetup]
    public void Setup()
    {
        _path = BenchmarkFiles.NewPath("check");
        using (var writer = new CollectorWriter(_path))
        {
            // ~5,000 rows: about 1.72 rows per M5 bar over the nine timeframes.
            new SyntheticFeed(writer, new SyntheticMarket(["EURUSD"])).WriteHistory(0, 3_100 * 300L);
        }

        _read = [.. ReadAll()];
        if (_read.Length < Rows)
        {
            throw new InvalidOperationException($"{_read.Length} rows written, {Rows} needed");
        }

        _read = _read[..Rows];
        _received = [.. _read.Select(b => b with { Indicators = b.Indicators with { } })];
    }

    [GlobalCleanup]
    public void Cleanup() => BenchmarkFiles.Delete(_path);

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows)]
    public int ReaderPerRow() => ReadAll().Count;

    [Benchmark(OperationsPerInvoke = Rows)]
    public int GrainCheckOfReaderValues() => Check(_read);

    [Benchmark(OperationsPerInvoke = Rows)]
    public int GrainCheckOfReceivedValues() => Check(_received);

    private static int Check(BarRecord[] bars)
    {
        var faults = new List<string>();
        var changed = 0;
        foreach (var bar in bars)
        {
            changed += ReferenceEquals(BarCheck.WithoutUnusableValues(bar, faults), bar) ? 0 : 1;
        }

        return faults.Count == 0 && changed == 0 ? bars.Length : throw new InvalidOperationException($"{faults.Count} faults in valid rows");
    }

    private List<BarRecord> ReadAll()
    {
        var reader = new CollectorReader(_path!);
        var rows = new List<BarRecord>(Rows);
        long cursor = 0;
        while (rows.Count < Rows)
        {
            var batch = reader.Read("EURUSD", cursor, 1_000);
            if (batch.Count == 0)
            {
                break;
            }

            rows.AddRange(batch.Rows);
            cursor = batch.LastSeq;
        }

        reader.ReleasePooledConnections();
        return rows;
    }
}
