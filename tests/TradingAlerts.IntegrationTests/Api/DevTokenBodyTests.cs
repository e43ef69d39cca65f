using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.Api;

/// <summary>
/// Malformed bodies for the development token endpoint (the one endpoint that reads a body): each is a 400 with the
/// envelope saying what was wrong (415 when it is not JSON at all), never a 500 and never an error with a stack in the log.
/// </summary>
public sealed class DevTokenBodyTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    public static TheoryData<string, string?, string> Bodies() => new()
    {
        { "{", "application/json", "Invalid request body: malformed JSON or a value of the wrong type at $" },
        { "", "application/json", "Invalid request body: a JSON object is required" },
        { "null", "application/json", "Invalid request body: a JSON object is required" },
        { "[]", "application/json", "Invalid request body: malformed JSON or a value of the wrong type at $" },
        { """{"tier":1}""", "application/json", "Invalid request body: malformed JSON or a value of the wrong type at $.tier" },
        { """{"tier":"PRO","user":["alice"]}""", "application/json", "Invalid request body: malformed JSON or a value of the wrong type at $.user" },
        { """{"tier":"GOLD"}""", "application/json", "Invalid tier: GOLD (FREE or PRO)" },
    };

    /// <summary>Not JSON at all: the framework's 415 (routing answers it for a declared type, binding for none).</summary>
    public static TheoryData<string, string?> NotJson() => new()
    {
        { """{"tier":"PRO"}""", "text/plain" },
        { "tier=PRO", "application/x-www-form-urlencoded" },
        { """{"tier":"PRO"}""", null },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_malformed_body_is_a_400_with_the_envelope(string body, string? contentType, string error)
    {
        var (status, text) = await Post(body, contentType, LogLevel.Warning);
        Assert.True(status == HttpStatusCode.BadRequest, $"{(int)status} {text}");
        Assert.Equal($$"""{"success":false,"error":"{{error}}"}""", text);
    }

    /// <summary>Posts the body; asserts a JSON answer and that nothing at <paramref name="quietFrom"/> or above was logged.</summary>
    private async Task<(HttpStatusCode Status, string Text)> Post(string body, string? contentType, LogLevel quietFrom)
    {
        var logged = api.Logs.Entries.Count;
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        using var response = await api.Client().PostAsync(new Uri("/api/dev/token", UriKind.Relative), content, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(api.Logs.Entries.Skip(logged), e => e.Level >= quietFrom);
        return (response.StatusCode, text);
    }

    [Theory]
    [MemberData(nameof(NotJson))]
    public async Task A_body_that_is_not_json_is_a_415_with_the_envelope(string body, string? contentType)
    {
        var (status, text) = await Post(body, contentType, LogLevel.Warning);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Equal("""{"success":false,"error":"Unsupported Media Type: send the body as application/json"}""", text);
    }

    [Fact]
    public async Task A_well_formed_body_still_gets_a_token()
    {
        using var content = new StringContent("""{"tier":"pro","user":"alice"}""", Encoding.UTF8, "application/json");
        using var response = await api.Client().PostAsync(new Uri("/api/dev/token", UriKind.Relative), content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("""{"token":"ey""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
