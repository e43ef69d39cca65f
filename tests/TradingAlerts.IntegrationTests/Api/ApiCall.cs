using System.Net;
using System.Text.Json;

namespace TradingAlerts.IntegrationTests.Api;

/// <summary>One API answer as the tests read it: status, media type, ETag and the parsed JSON body (default when empty).</summary>
public sealed record ApiCall(HttpStatusCode Status, string? MediaType, string? ETag, string Text, JsonElement Body)
{
    public static async Task<ApiCall> GetAsync(HttpClient client, string url, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        configure?.Invoke(request);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        JsonElement body = default;
        if (text.Length > 0 && response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            body = JsonDocument.Parse(text).RootElement.Clone();
        }

        return new ApiCall(response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers.ETag?.ToString(), text, body);
    }

    /// <summary>True when the body is exactly <paramref name="expected"/> (serialized with its property names as written).</summary>
    public bool BodyIs(object expected) =>
        Body.ValueKind != JsonValueKind.Undefined && JsonElement.DeepEquals(Body, JsonSerializer.SerializeToElement(expected));

    /// <summary>The error envelope <c>{"success":false,"error":…}</c> and nothing else.</summary>
    public bool IsError(HttpStatusCode status, string error) => Status == status && BodyIs(new { success = false, error });

    public override string ToString() => $"{(int)Status} {MediaType} {(Text.Length > 300 ? Text[..300] + "…" : Text)}";
}
