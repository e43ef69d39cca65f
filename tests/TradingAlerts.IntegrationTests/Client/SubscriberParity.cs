using System.Globalization;
using System.Text;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.Client;

/// <summary>
/// Compares, per pair, three independent records of the bars: what the writer wrote last, the PostgreSQL rows (read
/// with SQL here, positions included) and what a subscriber holds after applying every update in order. Every bar
/// written after the subscription began must be held at its last written values, stored alike, at the stored
/// position; every bar held must equal its row. Empty when all agree.
/// </summary>
internal static class SubscriberParity
{
    public static async Task<string> DifferencesAsync(PostgresDatabase db, BarFlow flow, AppliedBars applied, long subscribedAtSeq)
    {
        var report = new StringBuilder();
        foreach (var pair in flow.Pairs)
        {
            var rows = await db.QueryAsync(
                $"SELECT extract(epoch FROM timestamp)::bigint, open, high, low, close, change_seq FROM {pair.TableName}",
                r => (Time: r.GetInt64(0), Ohlc: (r.GetDouble(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4)), Position: r.GetInt64(5)));
            var stored = rows.ToDictionary(r => r.Time);
            var written = flow.Written(pair).Where(w => w.Value.Seq > subscribedAtSeq).ToDictionary(w => w.Key, w => w.Value);
            var held = applied.State(pair);
            foreach (var time in written.Keys.Union(held.Keys).Order())
            {
                var w = written.TryGetValue(time, out var bar) ? (bar.Open, bar.High, bar.Low, bar.Close) : ((double, double, double, double)?)null;
                var s = stored.TryGetValue(time, out var row) ? row.Ohlc : ((double, double, double, double)?)null;
                var h = held.TryGetValue(time, out var version) ? (version.Bar.Open, version.Bar.High, version.Bar.Low, version.Bar.Close) : ((double, double, double, double)?)null;
                if ((w is not null && w != s) || h != s || (s is not null && row.Position != version!.Position))
                {
                    report.Append(CultureInfo.InvariantCulture,
                        $"{pair.Key} {time}: written {w?.ToString() ?? "-"}, stored {s?.ToString() ?? "-"} at {(s is null ? "-" : row.Position)}, held {h?.ToString() ?? "-"} at {(h is null ? "-" : version!.Position)}; ");
                }
            }
        }

        return report.ToString();
    }
}
