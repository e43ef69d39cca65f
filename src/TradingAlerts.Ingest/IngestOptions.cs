using System.ComponentModel.DataAnnotations;

namespace TradingAlerts.Ingest;

/// <summary>Ingest agent settings (section "Ingest").</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>Collector files to tail; each MT5 terminal may write its own.</summary>
    public List<string> SqlitePaths { get; set; } = [];

    /// <summary>
    /// Whether the agent learns of writes from file-change notifications on each collector file and its <c>-wal</c>
    /// (inotify on Linux) and skips reading a file whose stat says it did not change. Off, or where a folder cannot be
    /// watched, the agent polls every <see cref="PollInterval"/> and reads each time, as before. Default on.
    /// </summary>
    public bool FileNotifications { get; set; } = true;

    /// <summary>
    /// With notifications, how often an idle symbol loop looks anyway (a stat; a read only when the file changed, and
    /// one read per file per interval to notice a lock or damage): the bound on a lost notification (a network
    /// filesystem written from another host, an overflowing event queue). Default 5 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00")]
    public TimeSpan FallbackPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Without notifications, the pause between polls of a symbol that had nothing new (each poll reads the file).
    /// With them, the pause before asking again while a file listed earlier has not yet been looked at.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Rows per batch (one grain call). Rows carry their indicator JSON (a few KB each), so this bounds a message to a few MB.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// Symbol loops reading one file at the same time. SQLite reads are synchronous: bounding them keeps
    /// catch-up from starving the thread pool the grains run on. Each file has its own slots, so a file whose
    /// reads wait on a lock holds only its own. Default: the processor count.
    /// </summary>
    [Range(1, 1_000)]
    public int MaxConcurrentReads { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// How long a read waits for another process's lock on a collector file before it gives up and the file's
    /// symbols are reported <c>blocked</c> (SQLite's busy timeout; whole seconds, at least 1). Default 1 s: a
    /// collector's write transaction takes milliseconds, so a longer wait is a stuck or foreign lock.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ReadBusyTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often each file gets <c>PRAGMA quick_check</c> (also when tailing starts, after a reset and after a read
    /// reported corruption or an I/O error); a file that fails it is reported <c>corrupt</c>. The check reads the
    /// whole file, so its cost is bounded: it holds one of the file's read slots, and the next one waits at least
    /// ten times as long as the last one took. Default 15 s. Zero turns the periodic check off (the others remain).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan IntegrityCheckInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Longest back-off while the file itself is at fault (missing, blocked, corrupt, I/O error), instead of
    /// <see cref="MaxBackoff"/>: retrying costs only that file's slots, and a file that is fine again is read again
    /// this soon. Default 2 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan MaxFileFaultBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>First back-off after a failure; doubles (with jitter) up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How far the broker's server clock (bar times) may be ahead of UTC (written_at): a row whose bar opens
    /// later than written_at + one bar + this is quarantined. Default 14 h, the largest time-zone offset.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxBrokerUtcOffset { get; set; } = CollectorFile.Sqlite.CollectorValidation.DefaultMaxBrokerUtcOffset;

    /// <summary>
    /// A row whose high is above, or low below, the reference close (the median close of the pair's bars just
    /// before it) times / divided by this is quarantined as implausible. Default 10 (docs/collector-validation.md).
    /// </summary>
    [Range(1.01, 1e12)]
    public double MaxPriceFactor { get; set; } = CollectorFile.Sqlite.CollectorValidation.DefaultMaxPriceFactor;

    /// <summary>How far back the bars of the reference close may lie. Default 30 days.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan PriceReferenceWindow { get; set; } = CollectorFile.Sqlite.CollectorValidation.DefaultPriceReferenceWindow;

    /// <summary>How often the agent sends its per (file, symbol) status into the grid (<c>/api/health/sqlite</c> on every silo).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan StatusInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>This agent's name in the status (default: the host name); agents on one host tailing the same path need distinct names.</summary>
    public string? AgentName { get; set; }
}
