using Microsoft.Data.Sqlite;
using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.CollectorFile.Sqlite;

/// <summary>
/// The close a row's prices are judged against: the median close of the (up to) five bars of the same pair
/// that open before it, within <see cref="CollectorValidation.PriceReferenceWindow"/>, read from the file in the
/// row's own read. Taken from the file rather than remembered, so a reader that restarts, re-reads or reads
/// rows out of time order judges a row the same way; a median, so one or two absurd bars among them (still in
/// the file, though quarantined) cannot make the good bars after them look implausible. A pair with fewer than
/// three such bars (its first bars) adds the newest close of each of the symbol's other timeframes up to the
/// row's bar end, as all timeframes quote the same price. No bar at all: no reference, the row is not judged.
/// </summary>
internal sealed class PriceReference : IDisposable
{
    private const int Nearest = 5, Enough = 3;

    private readonly SqliteCommand _samePair;
    private readonly SqliteCommand _otherTimeframe;
    private readonly long _window;
    private readonly List<double> _closes = new(Nearest + Timeframes.All.Count);

    public PriceReference(SqliteConnection connection, SqliteTransaction? transaction, string table, TimeSpan window)
    {
        _window = (long)window.TotalSeconds;
        _samePair = Command(connection, transaction,
            $"SELECT close FROM {table} WHERE timeframe = $tf AND timestamp < $before AND timestamp >= $since ORDER BY timestamp DESC LIMIT {Nearest}");
        _otherTimeframe = Command(connection, transaction,
            $"SELECT close FROM {table} WHERE timeframe = $tf AND timestamp < $before AND timestamp >= $since ORDER BY timestamp DESC LIMIT 1");
    }

    /// <summary>The reference close for a bar of <paramref name="timeframe"/> opening at <paramref name="barTime"/>, and how many closes it is the median of.</summary>
    public (double Close, int Of)? For(Timeframe timeframe, long barTime)
    {
        _closes.Clear();
        var since = barTime - _window;
        Collect(_samePair, timeframe, barTime, since);
        if (_closes.Count < Enough)
        {
            foreach (var other in Timeframes.All.Where(t => t != timeframe))
            {
                Collect(_otherTimeframe, other, barTime + timeframe.Seconds(), since);
            }
        }

        if (_closes.Count == 0)
        {
            return null;
        }

        _closes.Sort();
        // The lower middle of an even count: of four closes with one absurd, it is a good one whichever side the absurd one lies.
        return (_closes[(_closes.Count - 1) / 2], _closes.Count);
    }

    private void Collect(SqliteCommand command, Timeframe timeframe, long before, long since)
    {
        command.Parameters["$tf"].Value = timeframe.Name();
        command.Parameters["$before"].Value = before;
        command.Parameters["$since"].Value = since;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            // Only closes that could pass the row checks themselves count; text or garbage in the column is skipped.
            if (reader.GetValue(0) switch { double d => d, long l => l, _ => double.NaN } is var close
                && double.IsFinite(close) && close > 0 && close != CollectorRowParser.EmptyValue)
            {
                _closes.Add(close);
            }
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.Add(new SqliteParameter("$tf", null));
        command.Parameters.Add(new SqliteParameter("$before", null));
        command.Parameters.Add(new SqliteParameter("$since", null));
        return command;
    }

    public void Dispose()
    {
        _samePair.Dispose();
        _otherTimeframe.Dispose();
    }
}
