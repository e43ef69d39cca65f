using System.Globalization;
using Microsoft.Data.Sqlite;
using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.CollectorFile.Sqlite;

/// <summary>
/// The row checks that compare a row with the rest of its table, made while the read that returns the row is
/// open, so they see the table as that read does (SQLite keeps one snapshot while any statement of a connection
/// is active; rows committed together are seen together):
/// <list type="bullet">
/// <item>the horizon: a bar of timeframe T opens at or before the T bar that contains the table's newest M5 bar.
/// M5 rows are bounded by their write time only (<see cref="CollectorValidation.MaxBrokerUtcOffset"/>); a table
/// without M5 rows has no horizon and only that write-time bound applies.</item>
/// <item>prices: positive, and within <see cref="CollectorValidation.MaxPriceFactor"/> of the
/// <see cref="PriceReference"/> close.</item>
/// </list>
/// One per read; not thread-safe.
/// </summary>
internal sealed class PlausibilityCheck(SqliteConnection connection, SqliteTransaction? transaction, string table, CollectorValidation validation) : IDisposable
{
    private readonly PriceReference _reference = new(connection, transaction, table, validation.PriceReferenceWindow);
    private long? _newestM5;
    private bool _newestM5Read;

    /// <summary>Why a bar of <paramref name="timeframe"/> at <paramref name="barTime"/> lies beyond the table's newest M5 bar, or null.</summary>
    public string? Horizon(Timeframe timeframe, long barTime)
    {
        if (timeframe == Timeframe.M5 || NewestM5() is not { } newest)
        {
            return null;
        }

        var latestOpen = timeframe.BucketStart(newest);
        return barTime <= latestOpen ? null : string.Create(CultureInfo.InvariantCulture,
            $"timestamp {barTime} ({CollectorRowParser.Iso(barTime)}) lies ahead of the file's newest M5 bar ({newest} = {CollectorRowParser.Iso(newest)}): no {timeframe.Name()} bar can open after {latestOpen} ({CollectorRowParser.Iso(latestOpen)}) yet");
    }

    /// <summary>Why the prices of a bar are implausible for the instrument, or null. OHLC is consistent here, so low and high bound them all.</summary>
    public string? Prices(Timeframe timeframe, long barTime, double low, double high)
    {
        if (low <= 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"low {low} is not a positive price");
        }

        if (_reference.For(timeframe, barTime) is not var (close, of))
        {
            return null;
        }

        var factor = validation.MaxPriceFactor;
        if (high > close * factor)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"high {high} is implausible: above {factor} times the reference close {close} (the median of {of} nearby closes)");
        }

        return low < close / factor
            ? string.Create(CultureInfo.InvariantCulture,
                $"low {low} is implausible: below the reference close {close} divided by {factor} (the median of {of} nearby closes)")
            : null;
    }

    private long? NewestM5()
    {
        if (!_newestM5Read)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT timestamp FROM {table} WHERE timeframe = 'M5' AND typeof(timestamp) = 'integer' ORDER BY timestamp DESC LIMIT 1";
            _newestM5 = command.ExecuteScalar() as long?;
            _newestM5Read = true;
        }

        return _newestM5;
    }

    public void Dispose() => _reference.Dispose();
}
