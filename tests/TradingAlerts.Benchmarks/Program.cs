using System.CommandLine;
using BenchmarkDotNet.Running;
using TradingAlerts.Benchmarks.Grid;

// Benchmarks report ratios against a baseline measured in the same run; CI does not run them.
//   dotnet run -c Release --project tests/TradingAlerts.Benchmarks -- --filter '*'   (BenchmarkDotNet)
//   deploy/bench.sh [--days N]                                                        (grid, needs PostgreSQL)
if (args.Length > 0 && args[0] == "grid")
{
    return await new RootCommand("TradingAlerts Grid benchmarks") { GridCommand.Create() }.Parse(args).InvokeAsync();
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
