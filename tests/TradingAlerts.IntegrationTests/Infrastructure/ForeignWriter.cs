using System.Diagnostics;
using System.Globalization;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.IntegrationTests.Infrastructure;

/// <summary>
/// Writes one bar (OHLC only, indicators null) into a collector file from another process, as a terminal does: python3's
/// sqlite3 with the collector's rule for seq (max + 1) and written_at (now, unix ms). Another process matters after a
/// file was replaced in place: a writer in the silo's process would share its SQLite locks and its open -shm.
/// </summary>
public static class ForeignWriter
{
    private const string Script = """
        import sqlite3, sys, time
        path, table, tf, ts, o, h, l, c = sys.argv[1:9]
        db = sqlite3.connect(path, timeout=30)
        db.execute(f"INSERT INTO {table} (timeframe, timestamp, open, high, low, close, seq, written_at) "
                   f"VALUES (?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM {table}), ?)",
                   (tf, int(ts), float(o), float(h), float(l), float(c), int(time.time() * 1000)))
        db.commit()
        db.close()
        """;

    public static async Task InsertAsync(string path, string symbol, BarRecord bar, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        foreach (var argument in (string[])[path, symbol, bar.Timeframe.Name(), bar.Time.ToString(CultureInfo.InvariantCulture),
                     R(bar.Open), R(bar.High), R(bar.Low), R(bar.Close)])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var error = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"python3 could not write to {path}: {error}");
        }
    }

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
