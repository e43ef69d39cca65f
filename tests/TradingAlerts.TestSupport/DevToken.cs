using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace TradingAlerts.TestSupport;

/// <summary>
/// Tokens from the silo's Development-only <c>POST /api/dev/token {"tier":"PRO","user":"alice"}</c> → <c>{"token":"…"}</c>,
/// the one way tests and benchmarks sign in to a running silo.
/// </summary>
public static class DevToken
{
    /// <summary>A token of <paramref name="tier"/> (for <paramref name="user"/> when given, the endpoint's default user otherwise).</summary>
    public static async Task<string> GetAsync(HttpClient http, string tier = "PRO", string? user = null, CancellationToken cancellationToken = default)
    {
        object body = user is null ? new { tier } : new { tier, user };
        using var response = await http.PostAsJsonAsync(new Uri("/api/dev/token", UriKind.Relative), body, cancellationToken);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
        return token?.Token ?? throw new InvalidOperationException("POST /api/dev/token answered without a token.");
    }

    /// <summary>Gets a token and sends it on every request of <paramref name="http"/> from now on; returns it for other clients.</summary>
    public static async Task<string> AuthorizeAsync(HttpClient http, string tier = "PRO", CancellationToken cancellationToken = default)
    {
        var token = await GetAsync(http, tier, cancellationToken: cancellationToken);
        http.DefaultRequestHeaders.Authorization = Bearer(token);
        return token;
    }

    /// <summary>The Authorization header value for <paramref name="token"/>.</summary>
    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    private sealed record TokenResponse(string Token);
}
