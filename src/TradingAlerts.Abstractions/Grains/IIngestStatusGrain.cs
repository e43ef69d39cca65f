using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Abstractions.Grains;

/// <summary>
/// Where ingest agents report how they see their collector files, per (file, symbol), so every silo answers
/// <c>/api/health/sqlite</c> whether or not an agent runs in its process. One grain for the deployment
/// (<see cref="Key"/>); it holds the latest report per (agent, file) in memory only: agents report their whole
/// view every few seconds, so after a deactivation or a silo loss the next reports rebuild it.
/// </summary>
[Alias("TradingAlerts.IIngestStatusGrain")]
public interface IIngestStatusGrain : IGrainWithStringKey
{
    /// <summary>The one key.</summary>
    public const string Key = "grid";

    /// <summary>Replaces the reporting agent's entries for these files.</summary>
    [Alias("Report")]
    Task Report(IReadOnlyList<IngestFileStatus> files);

    /// <summary>The latest report of every file, with when it arrived.</summary>
    [Alias("GetReports")]
    Task<IReadOnlyList<IngestFileReport>> GetReports();
}
