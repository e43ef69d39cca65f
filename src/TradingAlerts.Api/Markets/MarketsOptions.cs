namespace TradingAlerts.Api.Markets;

/// <summary>
/// Instruments as configuration (section "Markets"): the bars' clock and each instrument's kind, digits and sessions.
/// Everything left out takes the defaults of <c>Instruments</c> (docs/configuration.md).
/// </summary>
public sealed class MarketsOptions
{
    public const string Section = "Markets";

    /// <summary>
    /// The time zone of the bars' clock (the broker's server time MT5 stamps bars with), an IANA id such as
    /// "Europe/Nicosia" or "Etc/GMT-2". Sessions are read on this clock.
    /// </summary>
    public string ServerTimeZone { get; set; } = "UTC";

    /// <summary>Weekly sessions per kind (fx, metal, index, crypto), replacing that kind's defaults.</summary>
    public Dictionary<string, List<string>> Sessions { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Per symbol: its kind, digits or own sessions, replacing the defaults.</summary>
    public Dictionary<string, SymbolMarketOptions> Symbols { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>One symbol's overrides; what is null keeps its default.</summary>
public sealed class SymbolMarketOptions
{
    public string? Kind { get; set; }

    public int? Digits { get; set; }

    public List<string>? Sessions { get; set; }
}
