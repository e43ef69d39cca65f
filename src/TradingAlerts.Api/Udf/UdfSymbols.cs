using System.Diagnostics.CodeAnalysis;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Api.Markets;

namespace TradingAlerts.Api.Udf;

/// <summary>The grid's instruments as UDF symbols: one exchange, TradingView's types, price scale from the digits.</summary>
internal static class UdfSymbols
{
    /// <summary>The one exchange the datafeed lists; a full name is "GRID:EURUSD".</summary>
    public const string Exchange = "GRID";

    public static readonly IReadOnlyList<UdfSymbolType> Types =
    [
        new("All types", string.Empty), new("Forex", "forex"), new("Commodity", "commodity"), new("Index", "index"), new("Crypto", "crypto"),
    ];

    /// <summary>TradingView's symbol type of an instrument kind.</summary>
    public static string TypeOf(InstrumentKind kind) => kind switch
    {
        InstrumentKind.Fx => "forex",
        InstrumentKind.Metal => "commodity",
        InstrumentKind.Index => "index",
        _ => "crypto",
    };

    /// <summary>A catalogue symbol from the adapter's <c>symbol</c>: a ticker, a broker name or "GRID:TICKER".</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out string? symbol, [NotNullWhen(false)] out string? error)
    {
        var name = text?.Trim() ?? string.Empty;
        if (name.StartsWith(Exchange + ":", StringComparison.OrdinalIgnoreCase))
        {
            name = name[(Exchange.Length + 1)..];
        }

        if (Symbols.TryNormalize(name, out symbol, out var reason))
        {
            error = null;
            return true;
        }

        error = $"Unknown symbol: {text}";
        return false;
    }

    public static string Description(Instrument instrument) => $"{instrument.Symbol} ({instrument.Kind.Name()})";

    public static UdfSymbolInfo Info(Instrument instrument, Tier tier, UdfClock clock)
    {
        var resolutions = UdfResolution.Readable(tier, instrument.Symbol);
        return new UdfSymbolInfo(instrument.Symbol, instrument.Symbol, Description(instrument), TypeOf(instrument.Kind),
            UdfSession.Of(instrument.Sessions), clock.TimeZone, Exchange, Exchange, MinMov: 1, PriceScale: Pow10(instrument.Digits),
            HasIntraday: resolutions.Any(r => r != "1D"), HasDaily: resolutions.Contains("1D"), HasWeeklyAndMonthly: false,
            [.. resolutions.Where(r => r != "1D")], ["1"], resolutions, VolumePrecision: 0, DataStatus: "streaming");
    }

    public static UdfSearchResult SearchResult(Instrument instrument) =>
        new(instrument.Symbol, $"{Exchange}:{instrument.Symbol}", Description(instrument), Exchange, instrument.Symbol, TypeOf(instrument.Kind));

    private static long Pow10(int digits)
    {
        long scale = 1;
        for (var i = 0; i < digits; i++)
        {
            scale *= 10;
        }

        return scale;
    }
}
