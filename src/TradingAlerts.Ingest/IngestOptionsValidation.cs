using TradingAlerts.CollectorFile.Sqlite;

namespace TradingAlerts.Ingest;

/// <summary>The collector row checks' settings taken from <see cref="IngestOptions"/>.</summary>
public static class IngestOptionsValidation
{
    public static CollectorValidation CollectorValidation(this IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.MaxBrokerUtcOffset)
        {
            MaxPriceFactor = options.MaxPriceFactor,
            PriceReferenceWindow = options.PriceReferenceWindow,
        };
    }
}
