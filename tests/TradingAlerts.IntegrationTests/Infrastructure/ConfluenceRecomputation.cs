using System.Globalization;
using System.Text.Json;
using Npgsql;
using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.IntegrationTests.Infrastructure;

/// <summary>
/// The confluence a symbol should show, recomputed from the rows PostgreSQL holds by <see cref="ConfluenceReference"/>
/// (the documented rules, written apart from the grid's code): what every served confluence, after any lifecycle
/// event, must equal.
/// </summary>
internal static class ConfluenceRecomputation
{
    /// <summary>The expected confluence: its time (unix seconds), score, counts and each timeframe's signal (absent: no bars).</summary>
    public sealed record Expected(string Symbol, long Time, double Score, int Bullish, int Bearish, int Neutral,
        IReadOnlyDictionary<Timeframe, ConfluenceReference.Signal> Signals);

    /// <summary>The confluence now (<paramref name="at"/> null) or at <paramref name="at"/> (unix seconds, the bars' clock).</summary>
    public static async Task<Expected> FromPostgresAsync(NpgsqlDataSource dataSource, string symbol, long? at = null)
    {
        var signals = new Dictionary<Timeframe, ConfluenceReference.Signal>();
        foreach (var tf in Timeframes.All)
        {
            // Newest first: the bar in force, then the ones its momentum vote looks back over.
            var rows = await RowsAsync(dataSource, new Pair(symbol, tf), at);
            if (rows.Count > 0)
            {
                signals[tf] = ConfluenceReference.SignalOf(rows);
            }
        }

        var bullish = signals.Values.Count(s => s.Trend == "bullish");
        var bearish = signals.Values.Count(s => s.Trend == "bearish");
        var time = at ?? (signals.Count == 0 ? 0 : signals.Values.Max(s => s.BarTime));
        return new Expected(symbol, time, ConfluenceReference.Score(signals.Values), bullish, bearish, Timeframes.All.Count - bullish - bearish, signals);
    }

    /// <summary>Where an API confluence body differs from <paramref name="expected"/>: timestamp, score, counts, and every timeframe's trend, strength and votes.</summary>
    public static List<string> Differences(Expected expected, JsonElement body)
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
            Check($"{tf.Name()} trend", signal?.Trend ?? "neutral", served.GetProperty("trend").GetString());
            Check($"{tf.Name()} strength", Math.Round(signal?.Strength ?? 0, 4), served.GetProperty("strength").GetDouble());
            var votes = served.GetProperty("signals").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
            Check($"{tf.Name()} votes", Votes(signal?.Votes), Votes(votes));
        }

        return differences;
    }

    /// <summary>Where a grain's confluence differs from <paramref name="expected"/>: score, counts, and every timeframe's bar, trend, strength and votes.</summary>
    public static List<string> Differences(Expected expected, Abstractions.Contracts.ConfluenceSnapshot held)
    {
        var differences = new List<string>();
        void Check<T>(string what, T want, T got)
        {
            if (!EqualityComparer<T>.Default.Equals(want, got))
            {
                differences.Add(string.Create(CultureInfo.InvariantCulture, $"{expected.Symbol} {what}: expected {want}, held {got}"));
            }
        }

        Check("score", expected.Score, held.Score);
        Check("counts", (expected.Bullish, expected.Bearish, expected.Neutral), (held.Bullish, held.Bearish, held.Neutral));
        foreach (var tf in Timeframes.All)
        {
            var want = expected.Signals.GetValueOrDefault(tf);
            var got = held.Signals.GetValueOrDefault(tf);
            Check($"{tf.Name()} bar", want?.BarTime, got?.BarTime);
            Check($"{tf.Name()} trend", want?.Trend ?? "neutral", got?.Trend.ToString().ToLowerInvariant() ?? "neutral");
            Check($"{tf.Name()} strength", want?.Strength ?? 0, got?.Strength ?? 0);
            Check($"{tf.Name()} votes", Votes(want?.Votes), Votes(got?.Votes));
        }

        return differences;
    }

    private static string Votes(IReadOnlyDictionary<string, int>? votes) =>
        string.Join(",", (votes ?? new Dictionary<string, int>()).Select(v => $"{v.Key}={v.Value}").Order(StringComparer.Ordinal));

    private static async Task<List<ConfluenceReference.Row>> RowsAsync(NpgsqlDataSource dataSource, Pair pair, long? at)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT extract(epoch FROM timestamp)::bigint, close, fractals::text, horizontal_trendlines::text, " +
            "momentum_candles::text, keltner_channels::text, tema, hrma, smma, zigzag::text " +
            $"FROM {pair.TableName} WHERE @at::bigint IS NULL OR timestamp <= to_timestamp(@at::bigint) " +
            $"ORDER BY timestamp DESC LIMIT {ConfluenceReference.MomentumBars}");
        command.Parameters.AddWithValue("at", (object?)at ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<ConfluenceReference.Row>();
        while (await reader.ReadAsync())
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            double? Number(int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);
            rows.Add(new ConfluenceReference.Row(reader.GetInt64(0), reader.GetDouble(1), Text(2), Text(3), Text(4), Text(5), Number(6), Number(7), Number(8), Text(9)));
        }

        return rows;
    }
}
