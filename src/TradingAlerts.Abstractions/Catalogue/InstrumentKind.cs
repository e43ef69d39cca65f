namespace TradingAlerts.Abstractions.Catalogue;

/// <summary>What an instrument is: decides its default trading sessions.</summary>
public enum InstrumentKind
{
    /// <summary>A currency pair: 24 hours, five days a week.</summary>
    Fx,

    /// <summary>Gold or silver against a currency: traded like FX.</summary>
    Metal,

    /// <summary>A stock index CFD: weekdays with a daily break.</summary>
    Index,

    /// <summary>A crypto currency: every hour of every day.</summary>
    Crypto,
}
