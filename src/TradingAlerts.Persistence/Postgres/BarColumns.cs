using Npgsql;
using NpgsqlTypes;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Persistence.Postgres;

/// <summary>
/// The value columns of a bar table (OHLC, the catalogue's indicator columns, then tick volume, spread and real volume)
/// and how each travels: upsert arrays, binary COPY, reads. Every indicator identifier comes from
/// <see cref="IndicatorCatalogue"/>; a new indicator needs no change here.
/// </summary>
internal static class BarColumns
{
    private static readonly string[] Ohlc = ["open", "high", "low", "close"];

    /// <summary>MT5's bar volumes, as <see cref="Schema.PostgresSchemaScripts.VolumeColumns"/> creates them.</summary>
    private static readonly string[] Volumes = [.. Schema.PostgresSchemaScripts.VolumeColumns.Select(v => v.Column)];

    /// <summary>Every value column after <c>timestamp</c>, in the order rows are read and written.</summary>
    public static IReadOnlyList<string> Values { get; } = [.. Ohlc, .. IndicatorCatalogue.Columns.Select(c => c.Name), .. Volumes];

    /// <summary><see cref="Values"/> comma-separated, for column lists.</summary>
    public static string ValueList { get; } = string.Join(", ", Values);

    /// <summary>Ordinal of the first indicator column in a row read as <c>timestamp, <see cref="ValueList"/></c>.</summary>
    public const int FirstIndicator = 5;

    /// <summary>Ordinal of <c>tick_volume</c> (then spread, real_volume) in a row read as <c>timestamp, <see cref="ValueList"/></c>.</summary>
    public static int FirstVolume { get; } = FirstIndicator + IndicatorCatalogue.Columns.Count;

    /// <summary>The change position column, after the value columns (docs/architecture.md "Change positions").</summary>
    public const string ChangeSeq = "change_seq";

    /// <summary>
    /// The rows of the arrays <see cref="AddArrays"/> binds, one row per bar (JSON text cast to jsonb), as
    /// <c>timestamp, <see cref="ValueList"/>, <see cref="ChangeSeq"/></c>.
    /// </summary>
    public static string UnnestSource { get; } =
        "SELECT * FROM unnest(@timestamp, " + string.Join(", ", Ohlc.Select(c => "@" + c)) + ", " +
        string.Join(", ", IndicatorCatalogue.Columns.Select(c => c.Kind == IndicatorKind.Json ? $"@{c.Name}::jsonb[]" : "@" + c.Name)) +
        ", " + string.Join(", ", Volumes.Select(c => "@" + c)) + $", @{ChangeSeq})";

    /// <summary>
    /// Binds one array per column of <see cref="UnnestSource"/>; a bar's change position is its entry in
    /// <paramref name="positions"/> (by bar time), 0 when it has none (the row keeps the position it has).
    /// </summary>
    public static void AddArrays(NpgsqlParameterCollection parameters, IReadOnlyList<BarRecord> bars, IReadOnlyDictionary<long, long>? positions)
    {
        parameters.Add(Array(ChangeSeq, NpgsqlDbType.Bigint, bars.Select(b => positions is not null && positions.TryGetValue(b.Time, out var p) ? p : 0L)));
        parameters.Add(Array("timestamp", NpgsqlDbType.TimestampTz, bars.Select(b => DateTime.UnixEpoch.AddSeconds(b.Time))));
        parameters.Add(Array("open", NpgsqlDbType.Double, bars.Select(b => b.Open)));
        parameters.Add(Array("high", NpgsqlDbType.Double, bars.Select(b => b.High)));
        parameters.Add(Array("low", NpgsqlDbType.Double, bars.Select(b => b.Low)));
        parameters.Add(Array("close", NpgsqlDbType.Double, bars.Select(b => b.Close)));
        foreach (var column in IndicatorCatalogue.Columns)
        {
            parameters.Add(column.Match(
                json => Array(json.Name, NpgsqlDbType.Text, bars.Select(b => json.Value(b.Indicators))),
                number => Array(number.Name, NpgsqlDbType.Double, bars.Select(b => number.Value(b.Indicators)))));
        }

        parameters.Add(Array("tick_volume", NpgsqlDbType.Bigint, bars.Select(b => b.TickVolume)));
        parameters.Add(Array("spread", NpgsqlDbType.Integer, bars.Select(b => b.Spread)));
        parameters.Add(Array("real_volume", NpgsqlDbType.Bigint, bars.Select(b => b.RealVolume)));
    }

    /// <summary>One row of a binary COPY into <c>timestamp, <see cref="ValueList"/></c>.</summary>
    public static async Task WriteRowAsync(NpgsqlBinaryImporter import, BarRecord bar, CancellationToken cancellationToken)
    {
        await import.StartRowAsync(cancellationToken).ConfigureAwait(false);
        await import.WriteAsync(DateTime.UnixEpoch.AddSeconds(bar.Time), NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
        await import.WriteAsync(bar.Open, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
        await import.WriteAsync(bar.High, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
        await import.WriteAsync(bar.Low, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
        await import.WriteAsync(bar.Close, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
        foreach (var column in IndicatorCatalogue.Columns)
        {
            await (column switch
            {
                JsonIndicatorColumn json when json.Value(bar.Indicators) is { } text => import.WriteAsync(text, NpgsqlDbType.Jsonb, cancellationToken),
                NumberIndicatorColumn number when number.Value(bar.Indicators) is { } value => import.WriteAsync(value, NpgsqlDbType.Double, cancellationToken),
                _ => import.WriteNullAsync(cancellationToken),
            }).ConfigureAwait(false);
        }

        await import.WriteAsync(bar.TickVolume, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
        await import.WriteAsync(bar.Spread, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
        await import.WriteAsync(bar.RealVolume, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The indicator columns of the current row, the first at ordinal <paramref name="first"/>.</summary>
    public static IndicatorValues ReadIndicators(NpgsqlDataReader reader, int first) =>
        IndicatorValues.From(new RowIndicators(reader, first));

    private readonly struct RowIndicators(NpgsqlDataReader reader, int first) : IIndicatorSource
    {
        public string? Json(JsonIndicatorColumn column) =>
            reader.IsDBNull(first + column.Index) ? null : reader.GetString(first + column.Index);

        public double? Number(NumberIndicatorColumn column) =>
            reader.IsDBNull(first + column.Index) ? null : reader.GetDouble(first + column.Index);
    }

    private static NpgsqlParameter Array<T>(string name, NpgsqlDbType elementType, IEnumerable<T> values) =>
        new(name, NpgsqlDbType.Array | elementType) { Value = values.ToArray() };
}
