using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TradingAlerts.Api.Admin;

namespace TradingAlerts.Api.Health;

/// <summary>
/// The probes' JSON body: overall status and one entry per check; on the admin port with what it found or why it
/// failed (description, data), on the public port name, status, duration and tags only (no exception messages).
/// </summary>
internal static class HealthReportJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static Task Write(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var details = context.RequestServices.GetRequiredService<AdminPort>().Accepts(context);
        var body = new
        {
            status = report.Status.ToString(),
            totalDurationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = details ? e.Value.Description ?? e.Value.Exception?.Message : null,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
                tags = e.Value.Tags,
                data = details && e.Value.Data.Count > 0 ? e.Value.Data : null,
            }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, Options, context.RequestAborted);
    }
}
