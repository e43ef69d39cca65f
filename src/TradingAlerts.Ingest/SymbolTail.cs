using TradingAlerts.Abstractions.Grains;

namespace TradingAlerts.Ingest;

/// <summary>What one symbol's loop over one collector file knows between its poll steps.</summary>
/// <param name="earlier">Files listed before this one: a symbol with rows in one of them is theirs, not this file's.</param>
internal sealed class SymbolTail(TailedFile file, IReadOnlyList<TailedFile> earlier, string symbol, ISymbolGrain grain)
{
    public TailedFile File => file;

    public IReadOnlyList<TailedFile> Earlier => earlier;

    public string Symbol => symbol;

    public ISymbolGrain Grain => grain;

    /// <summary>The grain's cursor for this file, or null when it must be asked again (at start, after a failure).</summary>
    public long? Cursor { get; set; }

    /// <summary>The file identity <see cref="Cursor"/> counts in.</summary>
    public string? FileId { get; set; }

    /// <summary>The earlier file that also has rows of the symbol, while it refuses this file's.</summary>
    public string? RefusedBy { get; set; }

    /// <summary>
    /// The file's signature taken before the last read that found nothing new, and whether it was old enough to trust
    /// (<see cref="FileSignature.SettledAt"/>); null when the next wake must read (after rows, a failure, a refusal).
    /// </summary>
    public (FileSignature Signature, bool Settled)? Seen { get; set; }

    /// <summary>The file's <see cref="FileChangeSignal.Replacements"/> when <see cref="Seen"/> was taken.</summary>
    public long SeenReplacements { get; set; }

    /// <summary>The last failure logged, so a fault that persists is logged once, not at every retry.</summary>
    public string? LoggedError { get; set; }
}
