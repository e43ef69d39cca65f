using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace TradingAlerts.Abstractions.Catalogue;

/// <summary>The 15 instruments the grid carries, and broker-name normalization.</summary>
public static class Symbols
{
    /// <summary>All symbols, in alphabetical order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "AUDJPY", "AUDUSD", "BTCUSD", "ETHUSD", "EURUSD", "GBPJPY", "GBPUSD", "NDX100",
        "NZDUSD", "US30", "USDCAD", "USDCHF", "USDJPY", "XAGUSD", "XAUUSD",
    ];

    /// <summary>
    /// Suffixes brokers append to symbol names (EURUSD.i, EURUSDm, EURUSD.pro …), longest first so
    /// ".pro" is tried before shorter ones. Matched case-insensitively, at the end only.
    /// </summary>
    public static IReadOnlyList<string> BrokerSuffixes { get; } = [".pro", ".raw", ".std", ".i", ".e", ".z", "m"];

    private static readonly FrozenSet<string> Known = All.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True when <paramref name="symbol"/> is exactly a catalogue symbol (upper case, no suffix).</summary>
    public static bool IsKnown(string? symbol) => symbol is not null && Known.Contains(symbol);

    /// <summary>
    /// Turns a broker's symbol name into the catalogue symbol: trims, strips one known suffix at the
    /// end, upper-cases. Never guesses: anything that does not land exactly on a catalogue symbol is
    /// rejected with the reason.
    /// </summary>
    public static bool TryNormalize(
        string? brokerSymbol,
        [NotNullWhen(true)] out string? symbol,
        [NotNullWhen(false)] out string? error)
    {
        symbol = null;
        var raw = brokerSymbol?.Trim() ?? string.Empty;
        if (raw.Length == 0)
        {
            error = "Symbol is empty";
            return false;
        }

        var upper = raw.ToUpperInvariant();
        if (Known.Contains(upper))
        {
            symbol = upper;
            error = null;
            return true;
        }

        foreach (var suffix in BrokerSuffixes)
        {
            if (raw.Length > suffix.Length && raw.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                var stem = upper[..^suffix.Length];
                if (Known.Contains(stem))
                {
                    symbol = stem;
                    error = null;
                    return true;
                }
            }
        }

        var prefix = All.FirstOrDefault(s => upper.StartsWith(s, StringComparison.Ordinal));
        error = prefix is null
            ? $"Unknown symbol: {raw}"
            : $"Unknown broker suffix '{raw[prefix.Length..]}' on {prefix} in '{raw}'";
        return false;
    }

    /// <summary>Like <see cref="TryNormalize"/>, but throws <see cref="ArgumentException"/> with the reason.</summary>
    public static string Normalize(string? brokerSymbol) =>
        TryNormalize(brokerSymbol, out var symbol, out var error) ? symbol : throw new ArgumentException(error, nameof(brokerSymbol));
}
