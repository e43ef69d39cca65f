using System.CommandLine;
using TradingAlerts.DevTools;

// Ctrl+C / SIGTERM cancel the command's token; the feeds stop between cycles.
return await DevToolsCli.Build().Parse(args).InvokeAsync().ConfigureAwait(false);
