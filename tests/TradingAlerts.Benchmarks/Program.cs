using BenchmarkDotNet.Running;

// Benchmarks report ratios against a baseline measured in the same run; CI does not run them.
// dotnet run -c Release --project tests/TradingAlerts.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
