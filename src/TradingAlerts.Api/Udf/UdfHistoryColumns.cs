using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Api.Endpoints;

namespace TradingAlerts.Api.Udf;

/// <summary>A range's bars (grain window or PostgreSQL rows) as UDF's columns, times in UTC.</summary>
internal static class UdfHistoryColumns
{
    public static UdfHistoryBody Of(HistoryBars bars, UdfClock clock, Timeframe timeframe)
    {
        var count = bars.Stored?.Count ?? bars.Range.Bars.Count;
        if (count == 0)
        {
            return new UdfHistoryBody("no_data", null, null, null, null, null, null,
                bars.NextTime is { } next ? clock.ToUtc(next, timeframe) : null);
        }

        var (t, o, h, l, c, v) = (new long[count], new double[count], new double[count], new double[count], new double[count], new long[count]);
        var n = 0;
        var previous = long.MinValue;
        for (var i = 0; i < count; i++)
        {
            var time = clock.ToUtc(bars.Stored is { } s ? s[i].Time : bars.Range.Bars.Time[i], timeframe);
            if (time <= previous)
            {
                continue; // the hour a DST change repeats or skips would put a bar on or before the last one: TradingView needs them increasing
            }

            previous = time;
            t[n] = time;
            if (bars.Stored is { } stored)
            {
                var bar = stored[i];
                (o[n], h[n], l[n], c[n], v[n]) = (bar.Open, bar.High, bar.Low, bar.Close, bar.TickVolume);
            }
            else
            {
                var held = bars.Range.Bars;
                (o[n], h[n], l[n], c[n], v[n]) = (held.Open[i], held.High[i], held.Low[i], held.Close[i], held.TickVolumeAt(i));
            }

            n++;
        }

        return n == count
            ? new UdfHistoryBody("ok", t, o, h, l, c, v, null)
            : new UdfHistoryBody("ok", t[..n], o[..n], h[..n], l[..n], c[..n], v[..n], null);
    }
}
