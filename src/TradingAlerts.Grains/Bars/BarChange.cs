namespace TradingAlerts.Grains.Bars;

/// <summary>What applying a bar did to a <see cref="BarSeries"/>.</summary>
public enum BarChange
{
    /// <summary>Nothing: identical to the held bar, or older than everything held in a full buffer.</summary>
    None,

    /// <summary>A new latest bar.</summary>
    Appended,

    /// <summary>A held bar (typically the forming one) replaced in place.</summary>
    Replaced,

    /// <summary>A late bar placed in time order.</summary>
    Inserted,
}
