namespace TradingAlerts.Benchmarks.Http;

/// <summary>The table every wrk benchmark prints: per target the median of its rounds.</summary>
internal static class WrkTable
{
    /// <summary>Writes the table and returns each target's median requests/s, for the ratios below it.</summary>
    public static Dictionary<string, double> Write(Dictionary<string, List<WrkResult>> results, TextWriter output, int nameWidth)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        output.WriteLine();
        output.WriteLine($"{"target (median of rounds)".PadRight(nameWidth)} {"req/s",10} {"p50 ms",8} {"p99 ms",8}");
        var rps = new Dictionary<string, double>();
        foreach (var (name, runs) in results)
        {
            rps[name] = Median(runs.Select(r => r.RequestsPerSecond));
            output.WriteLine($"{name.PadRight(nameWidth)} {rps[name],10:N0} {Median(runs.Select(r => r.P50Ms)),8:0.00} {Median(runs.Select(r => r.P99Ms)),8:0.00}");
        }

        return rps;
    }
}
