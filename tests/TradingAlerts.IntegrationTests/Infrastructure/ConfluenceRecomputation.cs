using System.Globalization;
using System.Text.Json;
using Npgsql;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Grains;
using TradingAlerts.Grains.Signals;

namespace TradingAlerts.IntegrationTests.Infrastructure;

/// <summary>
/// The confluence a symbol should show, recomputed from the rows PostgreSQL holds with the grid's own rules
/// (SignalCalculator on each timeframe's latest row, the momentum vote over the rows within the grain's lookback,
/// ConfluenceScore): what every served confluence, after any lifecycle event, must equal.
/// </summary>
internal static class ConfluenceRecomputation
{
    /// <summary>The confluence now (<paramref name="at"/> null) or at <paramref name="at"/> (unix seconds, the bars' clock).</summary>
    public static async Task<ConfluenceSnapshot> FromPostgresAsync(NpgsqlDataSource dataSource, string symbol, long? at = null)
    {
        var signals = new Dictionary<Timeframe, TimeframeSignal>();
        foreach (var tf in Timeframes.All)
        {
            // Newest first: the bar in force, then the ones its momentum vote looks back over.
            var rows = await RowsAsync(dataSource, new Pair(symbol, tf), at);
            if (rows.Count == 0)
            {
                continue;
            }

            var momentum = rows.Select(r => MomentumJson.Parse(r.Indicators.MomentumCandles)).FirstOrDefault(m => m is not null);
            signals[tf] = SignalCalculator.Compute(rows[0], StructureSnapshot.Parse(rows[0].Indicators), momentum is { } m ? (m.Bullish ? 1 : -1) : 0);
        }

        var bullish = signals.Values.Count(s => s.Trend == Trend.Bullish);
        var bearish = signals.Values.Count(s => s.Trend == Trend.Bearish);
        var time = at ?? (signals.Count == 0 ? 0 : signals.Values.Max(s => s.BarTime));
        return new ConfluenceSnapshot(symbol, time, ConfluenceScore.Compute(bullish, bearish, signals.Values.Sum(s => s.Strength)),
            bullish, bearish, Timeframes.All.Count - bullish - bearish, signals);
    }

    /// <summary>Where an API confluence body differs from <paramref name="expected"/>: timestamp, score, counts, and every timeframe's trend, strength and votes.</summary>
    public static List<string> Differences(ConfluenceSnapshot expected, JsonElement body)
    {
        var differences = new List<string>();
        void Check<T>(string what, T want, T got)
        {
            if (!EqualityComparer<T>.Default.Equals(want, got))
            {
                differences.Add(string.Create(CultureInfo.InvariantCulture, $"{expected.Symbol} {what}: expected {want}, served {got}"));
            }
        }

        var timestamp = body.GetProperty("timestamp");
        Check("timestamp", expected.Signals.Count == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(expected.Time).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            timestamp.ValueKind == JsonValueKind.Null ? null : timestamp.GetString());
        Check("confluence_score", expected.Score, body.GetProperty("confluence_score").GetDouble());
        var counts = body.GetProperty("signals");
        Check("bullish", expected.Bullish, counts.GetProperty("bullish").GetInt32());
        Check("bearish", expected.Bearish, counts.GetProperty("bearish").GetInt32());
        Check("neutral", expected.Neutral, counts.GetProperty("neutral").GetInt32());
        foreach (var tf in Timeframes.All)
        {
            var served = body.GetProperty("breakdown").GetProperty(tf.Name());
            var signal = expected.Signals.GetValueOrDefault(tf);
            Check($"{tf.Name()} trend", (signal?.Trend ?? Trend.Neutral).ToString().ToLowerInvariant(), served.GetProperty("trend").GetString());
            Check($"{tf.Name()} strength", Math.Round(signal?.Strength ?? 0, 4), served.GetProperty("strength").GetDouble());
            var votes = served.GetProperty("signals").EnumerateObject().Select(p => $"{p.Name}={p.Value.GetInt32()}").Order(StringComparer.Ordinal);
            Check($"{tf.Name()} votes", string.Join(",", (signal?.Votes ?? new Dictionary<string, int>()).Select(v => $"{v.Key}={v.Value}").Order(StringComparer.Ordinal)), string.Join(",", votes));
        }

        return differences;
    }

    private static async Task<List<BarRecord>> RowsAsync(NpgsqlDataSource dataSource, Pair pair, long? at)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT extract(epoch FROM timestamp)::bigint, open, high, low, close, fractals::text, horizontal_trendlines::text, " +
            "diagonal_trendlines::text, momentum_candles::text, keltner_channels::text, tema, hrma, smma, zigzag::text " +
            $"FROM {pair.TableName} WHERE @at::bigint IS NULL OR timestamp <= to_timestamp(@at::bigint) " +
            $"ORDER BY timestamp DESC LIMIT {TimeframeGrain.MomentumLookback}");
        command.Parameters.AddWithValue("at", (object?)at ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<BarRecord>();
        while (await reader.ReadAsync())
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            double? Number(int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);
            rows.Add(new BarRecord(pair.Timeframe, reader.GetInt64(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4),
                new IndicatorValues(Text(5), Text(6), Text(7), Text(8), Text(9), Number(10), Number(11), Number(12), Text(13)), 0, 0));
        }

        return rows;
    }
}
