using System.CommandLine;

namespace TradingAlerts.Benchmarks.Rolling;

/// <summary><c>rolling --postgres CS [--upgrade-folder DIR] [sizes]</c>: restarts, an upgrade, scale out/in and a SIGKILL under load (deploy/bench.sh rolling).</summary>
internal static class RollingCommand
{
    public static Command Create()
    {
        var postgres = new Option<string>("--postgres") { Description = "Admin connection string of a throwaway PostgreSQL", Required = true };
        var upgrade = new Option<string?>("--upgrade-folder") { Description = "Another build of the silo (a dotnet publish output) for the upgrade phase and the silos started after it; the phase is skipped without one" };
        var rate = new Option<double>("--rate") { Description = "Read requests per second through HAProxy", DefaultValueFactory = _ => 120 };
        var streams = new Option<int>("--streams") { Description = "SSE clients of the multiplexed stream", DefaultValueFactory = _ => 6 };
        var symbols = new Option<int>("--stream-symbols") { Description = "Symbols each stream client follows (9 pairs and the confluence each)", DefaultValueFactory = _ => 2 };
        var days = new Option<int>("--history-days") { Description = "Days of history of all 135 pairs before the live feed", DefaultValueFactory = _ => 2 };
        var steady = new Option<int>("--steady-seconds") { Description = "Length of the steady state (the latency baseline)", DefaultValueFactory = _ => 30 };
        var settle = new Option<int>("--settle-seconds") { Description = "Load after each silo is back in rotation, before the next step", DefaultValueFactory = _ => 5 };
        var afterKill = new Option<int>("--after-kill-seconds") { Description = "Load after the SIGKILL and after its replacement (the log flood is counted there)", DefaultValueFactory = _ => 20 };
        var drain = new Option<int>("--drain-seconds") { Description = "Drain:Delay of every silo (deploy/haproxy.cfg takes a server out within ~4 s)", DefaultValueFactory = _ => 6 };
        var logs = new Option<string?>("--logs") { Description = "A folder to keep every process's full output in ({silo}-{n}.log, agent.log)" };
        var command = new Command("rolling", "Zero-downtime operations under load: graceful restarts, an upgrade, scale out/in, a SIGKILL")
            { postgres, upgrade, rate, streams, symbols, days, steady, settle, afterKill, drain, logs };
        command.SetAction(async (parse, ct) =>
        {
            var folder = parse.GetValue(upgrade);
            if (folder is not null && !File.Exists(Path.Combine(folder, "TradingAlerts.Silo.dll")))
            {
                parse.InvocationConfiguration.Error.WriteLine($"--upgrade-folder {folder} holds no TradingAlerts.Silo.dll");
                return 2;
            }

            var options = new RollingOptions(parse.GetValue(rate), parse.GetValue(streams), parse.GetValue(symbols), parse.GetValue(days),
                TimeSpan.FromSeconds(parse.GetValue(steady)), TimeSpan.FromSeconds(parse.GetValue(settle)), TimeSpan.FromSeconds(parse.GetValue(afterKill)),
                TimeSpan.FromSeconds(parse.GetValue(drain)), folder, parse.GetValue(logs));
            return await RollingBenchmark.RunAsync(parse.GetValue(postgres)!, options, parse.InvocationConfiguration.Output, ct);
        });
        return command;
    }
}
