using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Serialization;
using TradingAlerts.Abstractions.Ports;
using TradingAlerts.Ingest;
using TradingAlerts.Api.Admin;

namespace TradingAlerts.Api.Observability;

/// <summary>
/// OpenTelemetry for the silo. Metrics (when <c>Metrics:Enabled</c>): Orleans ("Microsoft.Orleans"), ASP.NET Core
/// (requests, Kestrel, rate limiting), Npgsql, and our meters (ingest, grid, silo), exported as Prometheus text at
/// <c>/metrics</c> on the admin port only. Traces (when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, the standard
/// variable): ASP.NET Core, Orleans grain calls and Npgsql commands, to that OTLP endpoint.
/// </summary>
internal static class ObservabilityExtensions
{
    public const string MetricsPath = "/metrics";

    /// <summary>Meters exported besides the instrumentation packages' own.</summary>
    public static readonly string[] Meters =
    [
        "Microsoft.Orleans",
        "Microsoft.AspNetCore.RateLimiting",
        IngestMetrics.MeterName,
        GridMetrics.MeterName,
        SiloMetrics.MeterName,
        "TradingAlerts.Events",
    ];

    /// <summary>The standard OpenTelemetry variable naming the OTLP collector traces go to.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>True when traces are exported (the silo then also propagates activities through grain calls).</summary>
    public static bool TracingEnabled(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]);

    public static WebApplicationBuilder AddGridObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var metrics = builder.Configuration.ReadAtBuildTime<MetricsOptions>(MetricsOptions.Section);

        builder.Services.AddSingleton<GridMetrics>();
        builder.Services.AddSingleton<SiloMetrics>();

        var tracing = TracingEnabled(builder.Configuration);
        if (!metrics.Enabled && !tracing)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("tradingalerts-silo", serviceInstanceId: Environment.MachineName));
        if (metrics.Enabled)
        {
            builder.Services.AddHostedService<GridStatusSampler>();
            telemetry.WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(Meters)
                .AddPrometheusExporter());
        }

        if (tracing)
        {
            telemetry.WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments(MetricsPath))
                .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application")
                .AddNpgsql()
                .AddOtlpExporter());
        }

        return builder;
    }

    /// <summary><c>/metrics</c> on the admin port; any other port answers it as an unknown path.</summary>
    public static WebApplication UseGridMetrics(this WebApplication app)
    {
        var admin = app.Services.GetRequiredService<AdminPort>();
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MetricsOptions>>().Value.Enabled)
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
                admin.Accepts(context) && context.Request.Path == MetricsPath);
        }

        return app;
    }
}
