using TradingAlerts.Feeds.Csv;
using TradingAlerts.Indicators;

namespace TradingAlerts.Tests.Fixtures;

/// <summary>The real MT5 exports copied into the test output (see Fixtures/README.md).</summary>
internal static class Fixture
{
    public const string M1File = "EURUSD_M1_2022-01-05_to_2022-01-06.csv";
    public const string M5File = "EURUSD_M5_2022-01-05_to_2022-01-06.csv";

    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", file);

    public static List<Ohlc> Bars(string file)
    {
        var (bars, errors) = HistoryCsvReader.Read(File.ReadLines(PathOf(file)));
        Assert.Empty(errors);
        return bars;
    }
}
