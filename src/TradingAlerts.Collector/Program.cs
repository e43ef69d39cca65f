using TradingAlerts.Collector;

return await CollectorCli.Build().Parse(args).InvokeAsync().ConfigureAwait(false);
