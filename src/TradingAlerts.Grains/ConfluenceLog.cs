using Microsoft.Extensions.Logging;

namespace TradingAlerts.Grains;

/// <summary>Log messages of the ConfluenceGrain.</summary>
internal static partial class ConfluenceLog
{
    /// <summary>Once per activation (a handful per symbol a day at most): shows where confluences live and that they came back whole.</summary>
    [LoggerMessage(Level = LogLevel.Information, Message = "Confluence {Symbol} activated: {Signals} timeframe signals rebuilt from the stored rows")]
    public static partial void Rebuilt(ILogger logger, string symbol, int signals);
}
