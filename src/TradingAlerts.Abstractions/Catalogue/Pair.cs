using System.Diagnostics.CodeAnalysis;

namespace TradingAlerts.Abstractions.Catalogue;

/// <summary>
/// A symbol-timeframe pair: the key of a TimeframeGrain ("EURUSD/H1") and of a PostgreSQL table
/// ("eurusd_h1"). Only catalogue values can be constructed, so table names built from a pair are safe
/// to put into SQL text.
/// </summary>
public readonly record struct Pair
{
    public Pair(string symbol, Timeframe timeframe)
    {
        if (!Symbols.IsKnown(symbol))
        {
            throw new ArgumentException($"Invalid symbol: {symbol}", nameof(symbol));
        }

        if (!Timeframes.IsDefined(timeframe))
        {
            throw new ArgumentException($"Invalid timeframe: {timeframe}", nameof(timeframe));
        }

        Symbol = symbol;
        Timeframe = timeframe;
    }

    public string Symbol { get; }

    public Timeframe Timeframe { get; }

    /// <summary>Grain key, e.g. "EURUSD/H1".</summary>
    public string Key => $"{Symbol}/{Timeframe.Name()}";

    /// <summary>PostgreSQL table name, e.g. "eurusd_h1".</summary>
    public string TableName => $"{Symbol.ToLowerInvariant()}_{Timeframe.TableSuffix()}";

    /// <summary>All 135 pairs, symbol-major.</summary>
    public static IReadOnlyList<Pair> All { get; } =
        [.. Symbols.All.SelectMany(s => Timeframes.All.Select(tf => new Pair(s, tf)))];

    /// <summary>Parses a grain key such as "EURUSD/H1" (symbol and timeframe case-insensitive).</summary>
    public static bool TryParseKey(string? key, [NotNullWhen(true)] out Pair? pair)
    {
        pair = null;
        var parts = key?.Split('/');
        if (parts is not { Length: 2 } || !Timeframes.TryParse(parts[1], out var tf))
        {
            return false;
        }

        var symbol = parts[0].Trim().ToUpperInvariant();
        if (!Symbols.IsKnown(symbol))
        {
            return false;
        }

        pair = new Pair(symbol, tf);
        return true;
    }

    public override string ToString() => Key;
}
