using System.CommandLine;
using TradingAlerts.Collector;

// Ctrl+C / SIGTERM cancel the command; the agent's host then gets time to stop gracefully (the default is 2 s).
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) };
return await CollectorCli.Build().Parse(args).InvokeAsync(invocation).ConfigureAwait(false);
