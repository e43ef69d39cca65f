using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry.Metrics;
using StackExchange.Redis;
using TradingAlerts.AlertEngine;
using TradingAlerts.AlertEngine.Outbox;
using TradingAlerts.AlertEngine.Webhooks;
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

var alerts = builder.Configuration.GetSection(AlertOptions.Section).Get<AlertOptions>() ?? new AlertOptions();
var webhook = alerts.Webhook.Enabled;
if (builder.Configuration.GetConnectionString("Postgres") is { Length: > 0 } postgres)
{
    builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(postgres));
    builder.Services.AddSingleton<IAlertStore>(sp => new PostgresAlertStore(sp.GetRequiredService<NpgsqlDataSource>(), webhook));
}
else if (webhook)
{
    // The outbox is what makes webhook delivery durable: refuse to start rather than deliver from memory.
    throw new OptionsValidationException(AlertOptions.Section, typeof(AlertOptions),
        ["Alerts:Webhook:Url needs ConnectionStrings:Postgres: the outbox the webhooks are delivered from lives there"]);
}
else
{
    builder.Services.AddSingleton<IAlertStore, MemoryAlertStore>();
}

if (webhook)
{
    builder.Services.AddHttpClient(WebhookDispatcher.ClientName, (sp, client) =>
        client.Timeout = sp.GetRequiredService<IOptions<AlertOptions>>().Value.Webhook.Timeout);
    builder.Services.AddSingleton<WebhookDispatcher>();
    builder.Services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
}

if (alerts.MetricsPort is { } metricsPort)
{
    builder.Services.AddOpenTelemetry().WithMetrics(m => m
        .AddMeter(AlertMetrics.MeterName)
        .AddPrometheusHttpListener(o => (o.Host, o.Port) = (alerts.MetricsHost, metricsPort)));
}

builder.Services.AddSingleton<AlertMetrics>();
builder.Services.AddSingleton<AlertPublisher>();
builder.Services.AddHostedService<AlertWorker>();
await builder.Build().RunAsync().ConfigureAwait(false);
