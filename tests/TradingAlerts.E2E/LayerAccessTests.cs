using Microsoft.Playwright;
using TradingAlerts.E2E.Infrastructure;

namespace TradingAlerts.E2E;

/// <summary>The chart's layer toggles take their tier locks from the API's indicator catalogue, not from a list of their own.</summary>
public sealed class LayerAccessTests(Chromium chromium, DemoSilo silo)
{
    [Theory]
    [InlineData("FREE")]
    [InlineData("PRO")]
    public async Task A_layer_is_locked_exactly_when_the_catalogue_says_its_column_is_served_empty(string tier)
    {
        var (_, catalogue) = await silo.GetJsonAsync("/api/indicators/catalogue", tier == "PRO" ? silo.ProToken : null);
        var accessible = catalogue.GetProperty("indicators").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("accessible").GetBoolean());
        await using var page = await DashboardPage.OpenAsync(chromium, silo, tier);
        await page.WaitForChartAsync("H1");

        var layers = page.Page.Locator("input[data-layer]");
        var count = await layers.CountAsync();
        Assert.True(count > 0, "the legend has no layers");
        var locked = 0;
        for (var i = 0; i < count; i++)
        {
            var layer = layers.Nth(i);
            var column = await layer.GetAttributeAsync("data-column");
            Assert.True(column is not null && accessible.ContainsKey(column), $"layer {await layer.GetAttributeAsync("data-layer")} draws '{column}', not a catalogue column");
            Assert.Equal(!accessible[column], await layer.IsDisabledAsync());
            Assert.Equal(accessible[column], await layer.IsCheckedAsync());
            locked += accessible[column] ? 0 : 1;
        }

        // FREE has PRO-only columns, so some layer is locked; PRO has none.
        Assert.Equal(tier == "PRO", locked == 0);
        page.AssertNoErrors();
    }
}
