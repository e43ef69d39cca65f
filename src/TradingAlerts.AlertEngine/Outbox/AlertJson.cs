using System.Text.Json;
using TradingAlerts.AlertEngine.Rules;

namespace TradingAlerts.AlertEngine.Outbox;

/// <summary>An alert's JSON (snake_case): the outbox keeps these exact bytes, so every try POSTs and signs the same body.</summary>
public static class AlertJson
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Serialize(Alert alert) => JsonSerializer.Serialize(alert, Options);
}
