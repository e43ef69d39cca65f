using System.Net;
using System.Text.Json;
using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.IntegrationTests.Api;

/// <summary><c>GET /api/indicators/catalogue</c>: the catalogue's columns with each caller's access, which is what the indicators endpoint serves.</summary>
public sealed class IndicatorCatalogueApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static async Task<JsonElement> Get(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
    }

    [Theory]
    [InlineData(Tier.Free)]
    [InlineData(Tier.Pro)]
    public async Task Lists_every_catalogue_column_with_kind_tier_and_the_callers_access(Tier tier)
    {
        using var client = tier == Tier.Pro ? api.Client(api.ProToken) : api.Client();
        var body = await Get(client, "/api/indicators/catalogue");

        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal(tier == Tier.Pro ? "PRO" : "FREE", body.GetProperty("tier").GetString());
        Assert.Equal(
            IndicatorCatalogue.Columns.Select(c => (c.Name, c.Kind.ToString().ToLowerInvariant(), c.ProOnly, TierAccess.CanSeeIndicator(tier, c))),
            body.GetProperty("indicators").EnumerateArray().Select(i => (
                i.GetProperty("name").GetString()!, i.GetProperty("kind").GetString()!,
                i.GetProperty("pro_only").GetBoolean(), i.GetProperty("accessible").GetBoolean())));
    }

    [Fact]
    public async Task A_column_a_free_caller_may_not_see_is_served_empty_and_one_it_may_is_served_as_to_pro()
    {
        using var freeClient = api.Client();
        using var proClient = api.Client(api.ProToken);
        var catalogue = await Get(freeClient, "/api/indicators/catalogue");
        var free = (await Get(freeClient, "/api/indicators/EURUSD/H1?limit=50")).GetProperty("data");
        var pro = (await Get(proClient, "/api/indicators/EURUSD/H1?limit=50")).GetProperty("data");

        foreach (var column in catalogue.GetProperty("indicators").EnumerateArray())
        {
            var name = column.GetProperty("name").GetString()!;
            var expected = column.GetProperty("accessible").GetBoolean()
                ? pro.GetProperty(name).GetRawText()
                : IndicatorCatalogue.Find(name)!.EmptyJson;
            Assert.Equal(expected, free.GetProperty(name).GetRawText());
        }

        // The flags are not vacuous: PRO receives a column FREE receives empty.
        Assert.Contains(catalogue.GetProperty("indicators").EnumerateArray(), i => !i.GetProperty("accessible").GetBoolean()
            && pro.GetProperty(i.GetProperty("name").GetString()!).GetRawText() != free.GetProperty(i.GetProperty("name").GetString()!).GetRawText());
    }
}
