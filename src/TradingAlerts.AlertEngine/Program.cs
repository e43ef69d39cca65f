using StackExchange.Redis;
using TradingAlerts.AlertEngine;
using TradingAlerts.Client;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.AddTradingAlertsClient();
if (builder.Configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
{
    // abortConnect=false: the engine starts and keeps alerting to the log while Redis is away.
    var redisOptions = ConfigurationOptions.Parse(redis);
    redisOptions.AbortOnConnectFail = false;
    builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redisOptions));
}

builder.Services.AddSingleton<AlertPublisher>();
builder.Services.AddHostedService<AlertWorker>();
await builder.Build().RunAsync().ConfigureAwait(false);
