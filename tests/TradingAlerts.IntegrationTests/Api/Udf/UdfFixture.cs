using TradingAlerts.IntegrationTests.Api.History;

namespace TradingAlerts.IntegrationTests.Api.Udf;

/// <summary>
/// The small-window stored fixture on a broker clock two hours ahead of UTC in January (Europe/Athens), with US30 on
/// its own weekday sessions (a symbol's sessions win over the kind's, which deploy/test.sh sets to the whole week).
/// </summary>
public sealed class UdfFixture : SmallWindowFixture
{
    public const string Zone = "Europe/Athens";

    /// <summary>Europe/Athens in January 2022: bars' clock minus this is UTC.</summary>
    public const long Offset = 7_200;

    protected override async ValueTask<IReadOnlyDictionary<string, string?>?> SettingsAsync()
    {
        var settings = new Dictionary<string, string?>((await base.SettingsAsync())!)
        {
            ["Markets:ServerTimeZone"] = Zone,
        };
        string[] days = ["Mon", "Tue", "Wed", "Thu", "Fri"];
        for (var i = 0; i < days.Length; i++)
        {
            settings[$"Markets:Symbols:US30:Sessions:{i}"] = $"{days[i]} 01:00-{(i == 4 ? "Sat" : days[i + 1])} 00:00";
        }

        return settings;
    }
}
