using System.Reflection;
using System.Text.Json;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Abstractions.Contracts;

namespace TradingAlerts.Tests.Catalogue;

/// <summary>The catalogue is the one definition of the indicator columns: IndicatorValues and its entries must agree.</summary>
public class IndicatorCatalogueTests
{
    [Fact]
    public void IndicatorValues_holds_one_property_per_column_in_catalogue_order_with_orleans_ids_in_that_order()
    {
        var parameters = typeof(IndicatorValues).GetConstructors().Single().GetParameters();
        Assert.Equal(
            IndicatorCatalogue.Columns.Select(c => c.Name.Replace("_", "", StringComparison.Ordinal)),
            parameters.Select(p => p.Name!.ToLowerInvariant()));
        Assert.Equal(
            IndicatorCatalogue.Columns.Select(c => c.Kind == IndicatorKind.Json ? typeof(string) : typeof(double?)),
            parameters.Select(p => p.ParameterType));
        Assert.Equal(
            Enumerable.Range(0, IndicatorCatalogue.Columns.Count).Select(i => (uint)i),
            parameters.Select(p => typeof(IndicatorValues).GetProperty(p.Name!)!.GetCustomAttribute<IdAttribute>()!.Id));
    }

    [Fact]
    public void Each_column_reads_back_the_value_built_for_it()
    {
        Assert.Equal(Enumerable.Range(0, IndicatorCatalogue.Columns.Count), IndicatorCatalogue.Columns.Select(c => c.Index));
        var values = IndicatorValues.From(new OwnValues());
        Assert.All(IndicatorCatalogue.Columns, column => column.Match(
            json => { Assert.Equal(OwnValues.Of(json), json.Value(values)); return 0; },
            number => { Assert.Equal(OwnValues.Of(number), number.Value(values)); return 0; }));
        Assert.Equal(IndicatorCatalogue.Columns.Select(c => c.Match<object?>(OwnValues.Of, n => OwnValues.Of(n))), IndicatorCatalogue.Columns.Select(c => c.BoxedValue(values)));
    }

    [Fact]
    public void Empty_values_are_json_of_the_columns_form()
    {
        Assert.All(IndicatorCatalogue.Columns, column =>
        {
            var empty = JsonDocument.Parse(column.EmptyJson).RootElement.ValueKind;
            Assert.Equal(column.Form == IndicatorForm.Series ? JsonValueKind.Array : JsonValueKind.Object, empty);
        });
        // A JSON column's empty structure, where it names its parts, is a valid value of the column.
        Assert.All(IndicatorCatalogue.Columns.OfType<JsonIndicatorColumn>().Where(c => c.EmptyJson != "{}"), c => Assert.Null(c.Check(c.EmptyJson)));
    }

    [Fact]
    public void The_confluence_lists_thirteen_parts_each_a_field_of_its_columns_shape()
    {
        Assert.Equal(IndicatorCatalogue.Columns.SelectMany(c => c.Parts).Select(p => p.Name), IndicatorCatalogue.PerTimeframe);
        Assert.Equal(13, IndicatorCatalogue.PerTimeframe.Distinct().Count());
        foreach (var column in IndicatorCatalogue.Columns.OfType<JsonIndicatorColumn>())
        {
            foreach (var part in column.Parts.Where(p => p.Property is not null))
            {
                // Without that field the column's value fails its shape: the part names a field the shape requires.
                var valid = column.Name switch
                {
                    "fractals" => """{"peaks":[],"bottoms":[]}""",
                    "horizontal_trendlines" => """{"peak_lines":[],"bottom_lines":[]}""",
                    "diagonal_trendlines" => """{"ascending":[],"descending":[]}""",
                    "keltner_channels" => """{"upper":[1,2,3,4,5],"middle":1,"lower":[1,2,3,4,5]}""",
                    _ => throw new InvalidOperationException($"No sample value for {column.Name}: add one here"),
                };
                Assert.Null(column.Check(valid));
                var without = JsonSerializer.Serialize(JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(valid)!
                    .Where(kv => kv.Key != part.Property).ToDictionary());
                Assert.Contains($"has no \"{part.Property}\"", column.Check(without), StringComparison.Ordinal);
            }
        }
    }

    /// <summary>Each column's own value: its name as a JSON string, or its index plus a half.</summary>
    private readonly struct OwnValues : IIndicatorSource
    {
        public static string Of(JsonIndicatorColumn column) => $"\"{column.Name}\"";

        public static double Of(NumberIndicatorColumn column) => column.Index + 0.5;

        public string? Json(JsonIndicatorColumn column) => Of(column);

        public double? Number(NumberIndicatorColumn column) => Of(column);
    }
}
