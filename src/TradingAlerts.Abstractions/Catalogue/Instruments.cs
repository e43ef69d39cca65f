using System.Collections.Frozen;

namespace TradingAlerts.Abstractions.Catalogue;

/// <summary>What the grid knows of an instrument by default: its kind and price digits.</summary>
/// <param name="Digits">Decimal places of a quoted price, as MT5's SYMBOL_DIGITS reports them on common brokers.</param>
public sealed record InstrumentDefaults(InstrumentKind Kind, int Digits);

/// <summary>
/// The default kind, digits and sessions of the 15 instruments. Sessions are weekly windows on the bars' clock
/// (broker server time); the defaults fit the common MT5 broker whose week opens Monday 00:00 server time.
/// Operators override any of it with the <c>Markets</c> configuration section (docs/configuration.md).
/// </summary>
public static class Instruments
{
    public static FrozenDictionary<string, InstrumentDefaults> Defaults { get; } = new Dictionary<string, InstrumentDefaults>(StringComparer.Ordinal)
    {
        ["AUDJPY"] = new(InstrumentKind.Fx, 3),
        ["AUDUSD"] = new(InstrumentKind.Fx, 5),
        ["BTCUSD"] = new(InstrumentKind.Crypto, 2),
        ["ETHUSD"] = new(InstrumentKind.Crypto, 2),
        ["EURUSD"] = new(InstrumentKind.Fx, 5),
        ["GBPJPY"] = new(InstrumentKind.Fx, 3),
        ["GBPUSD"] = new(InstrumentKind.Fx, 5),
        ["NDX100"] = new(InstrumentKind.Index, 2),
        ["NZDUSD"] = new(InstrumentKind.Fx, 5),
        ["US30"] = new(InstrumentKind.Index, 2),
        ["USDCAD"] = new(InstrumentKind.Fx, 5),
        ["USDCHF"] = new(InstrumentKind.Fx, 5),
        ["USDJPY"] = new(InstrumentKind.Fx, 3),
        ["XAGUSD"] = new(InstrumentKind.Metal, 3),
        ["XAUUSD"] = new(InstrumentKind.Metal, 2),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Default weekly sessions of a kind, in <see cref="WeeklySession"/>'s notation.</summary>
    public static IReadOnlyList<string> DefaultSessions(InstrumentKind kind) => kind switch
    {
        // The broker's weekend: Saturday and Sunday closed.
        InstrumentKind.Fx or InstrumentKind.Metal => ["Mon 00:00-Sat 00:00"],
        // US index CFDs: weekdays, closed the first hour of each server day (the cash and futures sessions' break).
        InstrumentKind.Index => ["Mon 01:00-Tue 00:00", "Tue 01:00-Wed 00:00", "Wed 01:00-Thu 00:00", "Thu 01:00-Fri 00:00", "Fri 01:00-Sat 00:00"],
        InstrumentKind.Crypto => [WeeklySession.AlwaysOpen],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind's name in configuration and in the API: fx, metal, index, crypto.</summary>
    public static string Name(this InstrumentKind kind) => kind switch
    {
        InstrumentKind.Fx => "fx",
        InstrumentKind.Metal => "metal",
        InstrumentKind.Index => "index",
        InstrumentKind.Crypto => "crypto",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
