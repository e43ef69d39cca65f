using System.Reflection;

namespace TradingAlerts.E2E.Infrastructure;

/// <summary>Paths in the repository: the built silo next to this test build, and where screenshots go.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string SiloProject => Path.Combine(Root, "src", "TradingAlerts.Silo");

    /// <summary>The silo this test build depends on (same configuration), started as its own process.</summary>
    public static string SiloAssembly
    {
        get
        {
            var configuration = typeof(Repository).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var path = Path.Combine(SiloProject, "bin", configuration, "net10.0", "TradingAlerts.Silo.dll");
            return File.Exists(path) ? path : throw new InvalidOperationException($"The silo is not built at {path}: build the solution first.");
        }
    }

    /// <summary>test-results/screenshots under the repository root (gitignored; deploy/test.sh names it).</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(Root, "test-results", "screenshots")).FullName;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TradingAlerts.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"TradingAlerts.sln not found above {AppContext.BaseDirectory}");
    }
}
