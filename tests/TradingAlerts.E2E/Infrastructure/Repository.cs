namespace TradingAlerts.E2E.Infrastructure;

/// <summary>Where screenshots go.</summary>
internal static class Repository
{
    /// <summary>test-results/screenshots under the repository root (gitignored; deploy/test.sh names it).</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "test-results", "screenshots")).FullName;
}
