using System.CommandLine;
using BenchmarkDotNet.Running;
using TradingAlerts.Benchmarks.Grid;
using TradingAlerts.Benchmarks.History;
using TradingAlerts.Benchmarks.Http;
using TradingAlerts.Benchmarks.Rolling;

// Benchmarks report ratios against a baseline measured in the same run; CI does not run them.
//   dotnet run -c Release --project tests/TradingAlerts.Benchmarks -- --filter '*'   (BenchmarkDotNet)
//   deploy/bench.sh [grid] [--days N]                                                 (grid, needs PostgreSQL)
//   deploy/bench.sh http [--seconds 10 --rounds 3]                                    (API with wrk, PostgreSQL, Redis)
//   deploy/bench.sh rolling [--rate 120]                                              (restarts, upgrade, scale, SIGKILL under load)
//   deploy/bench.sh history [--seconds 10 --rounds 3]                                 (history range, watchlist; wrk, PostgreSQL)

namespace TradingAlerts.Benchmarks;

/// <summary>Entry point (a named class: the silo's Program is referenced too, for the HTTP benchmark).</summary>
internal static class BenchmarkEntry
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] is "grid" or "http" or "rolling" or "history")
        {
            return await new RootCommand("TradingAlerts Grid benchmarks") { GridCommand.Create(), HttpCommand.Create(), RollingCommand.Create(), HistoryCommand.Create() }.Parse(args).InvokeAsync();
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
        return 0;
    }
}
