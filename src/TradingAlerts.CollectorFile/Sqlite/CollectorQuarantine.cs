using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TradingAlerts.CollectorFile.Sqlite;

/// <summary>
/// Where the rows of one collector file that failed validation are kept: a JSON Lines file beside it
/// (<c>collector.db.quarantine.jsonl</c>), one object per row with its reason and the row as stored. The
/// ingest agent records a batch's rejected rows here, flushed to disk, before the cursor passes them, so
/// none is lost; a row recorded before a crash and read again afterwards is not recorded twice.
/// </summary>
public sealed class CollectorQuarantine
{
    public const string Suffix = ".quarantine.jsonl";

    private readonly Lock _lock = new();
    private HashSet<string>? _recorded;

    public CollectorQuarantine(string collectorPath) => Path = System.IO.Path.GetFullPath(collectorPath) + Suffix;

    /// <summary>The quarantine file.</summary>
    public string Path { get; }

    /// <summary>Rows the file holds (including those of earlier runs); 0 while the file cannot be read (recording then fails loudly).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                try
                {
                    return Recorded().Count;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    return 0;
                }
            }
        }
    }

    /// <summary>Rows of <paramref name="symbol"/> the file holds; 0 while the file cannot be read.</summary>
    public int CountOf(string symbol)
    {
        var prefix = symbol + "/";
        lock (_lock)
        {
            try
            {
                return Recorded().Count(k => k.StartsWith(prefix, StringComparison.Ordinal));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return 0;
            }
        }
    }

    /// <summary>Appends the rows not yet recorded and flushes them to disk; returns how many were new.</summary>
    /// <exception cref="IOException">The file cannot be written: the caller must not move its cursor.</exception>
    public int Record(IReadOnlyList<QuarantinedRow> rows, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rows);
        lock (_lock)
        {
            var recorded = Recorded();
            var fresh = rows.Where(r => !recorded.Contains(Key(r.Symbol, r.Seq, r.WrittenAtMs))).ToList();
            if (fresh.Count == 0)
            {
                return 0;
            }

            var text = new StringBuilder();
            foreach (var row in fresh)
            {
                text.Append(Line(row, now)).Append('\n');
            }

            try
            {
                Append(text);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new IOException($"Cannot record quarantined rows in {Path}: {ex.Message}", ex);
            }

            foreach (var row in fresh)
            {
                recorded.Add(Key(row.Symbol, row.Seq, row.WrittenAtMs));
            }

            return fresh.Count;
        }
    }

    private void Append(StringBuilder text)
    {
        using var file = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        // A line cut short by a crash is closed first, so the next record starts on its own line.
        if (file.Length > 0)
        {
            file.Seek(-1, SeekOrigin.End);
            if (file.ReadByte() != '\n')
            {
                text.Insert(0, '\n');
            }
        }

        file.Seek(0, SeekOrigin.End);
        file.Write(Encoding.UTF8.GetBytes(text.ToString()));
        file.Flush(flushToDisk: true);
    }

    /// <summary>Reads the records of a quarantine file (lines that are not a record, such as one cut short, are skipped).</summary>
    public static IEnumerable<JsonElement> ReadRecords(string path)
    {
        if (!File.Exists(path))
        {
            yield break;
        }

        foreach (var line in File.ReadLines(path))
        {
            JsonElement? record = null;
            try
            {
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("seq", out _))
                {
                    record = document.RootElement.Clone();
                }
            }
            catch (JsonException)
            {
            }

            if (record is { } r)
            {
                yield return r;
            }
        }
    }

    private HashSet<string> Recorded() => _recorded ??= [.. ReadRecords(Path).Select(r => Key(
        r.GetProperty("symbol").GetString() ?? "",
        r.GetProperty("seq").GetInt64(),
        r.TryGetProperty("written_at", out var w) && w.ValueKind == JsonValueKind.Number ? w.GetInt64() : null))];

    private static string Key(string symbol, long seq, long? writtenAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{symbol}/{seq}/{writtenAt}");

    private static string Line(QuarantinedRow row, DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("recorded_at", now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            json.WriteString("symbol", row.Symbol);
            json.WriteNumber("seq", row.Seq);
            json.WriteString("timeframe", row.Timeframe);
            WriteNumber(json, "timestamp", row.Timestamp);
            WriteNumber(json, "written_at", row.WrittenAtMs);
            json.WriteString("reason", row.Reason);
            json.WritePropertyName("row");
            if (row.Row is { } raw)
            {
                json.WriteRawValue(raw);
            }
            else
            {
                json.WriteNullValue();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
