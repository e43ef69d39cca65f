using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using TradingAlerts.TestSupport;

namespace TradingAlerts.IntegrationTests.Api;

/// <summary>
/// The dashboard's TypeScript types (ClientApp/src/api/schema.d.ts) are generated from a committed copy of the OpenAPI
/// document; this holds that copy to the document the silo serves, so a changed API cannot leave the types behind.
/// <c>npm run api:check</c> (in the build) then holds the types to the copy. <c>deploy/api-types.sh</c> refreshes both:
/// it runs this test with <see cref="WriteVariable"/> set, which writes the served document instead of comparing.
/// </summary>
public sealed class GeneratedClientTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    public const string WriteVariable = "TRADINGALERTS_WRITE_OPENAPI";

    private static readonly string Committed =
        Path.Combine(RepositoryRoot.Path, "src", "TradingAlerts.Silo", "ClientApp", "src", "api", "openapi.json");

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task The_committed_document_is_the_one_the_silo_serves()
    {
        using var client = api.Client();
        var served = JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken))!;

        if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
        {
            await File.WriteAllTextAsync(Committed, served.ToJsonString(Indented) + "\n", TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(Committed), $"{Committed} is missing: run deploy/api-types.sh");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Committed, TestContext.Current.CancellationToken));
        Assert.True(JsonNode.DeepEquals(served, committed),
            "The OpenAPI document the silo serves differs from ClientApp/src/api/openapi.json, from which the dashboard's types are " +
            "generated: run deploy/api-types.sh and commit both files (docs/api.md, 'OpenAPI document and generated types').");
    }
}
