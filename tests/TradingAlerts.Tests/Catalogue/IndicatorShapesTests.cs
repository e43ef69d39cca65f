using System.Text.Json;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Indicators.Synthetic;
using TradingAlerts.Tests.Sqlite;

namespace TradingAlerts.Tests.Catalogue;

/// <summary>
/// The quick shape check (one forward pass) never says yes where the worded one (the parsed document) says no, and says
/// yes to what the collector writes: on every shape fault the reader is tested with, on the indicator engine's JSON, and
/// on thousands of small corruptions of it.
/// </summary>
public sealed class IndicatorShapesTests
{
    private static readonly JsonIndicatorColumn[] JsonColumns = [.. IndicatorCatalogue.Columns.OfType<JsonIndicatorColumn>()];

    /// <summary>Every JSON value the indicator engine writes for three symbols over ten days, per column.</summary>
    private static readonly (JsonIndicatorColumn Column, string Json)[] Written = Engine();

    private static (JsonIndicatorColumn, string)[] Engine()
    {
        var market = new SyntheticMarket(["EURUSD", "USDJPY", "BTCUSD"]);
        var bars = market.Symbols.SelectMany(s => market.History(s, 1_641_254_400, 1_641_254_400 + (10 * 86_400L))).Select(b => b.ToRecord());
        return [.. bars.SelectMany(b => JsonColumns.Select(c => (c, c.Value(b.Indicators)))).Where(v => v.Item2 is not null).Select(v => (v.c, v.Item2!)).Distinct()];
    }

    private static bool Worded(JsonIndicatorColumn column, string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            column.Shape.Worded(document.RootElement, column.Name);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (Exception ex) when (ex.GetType().Name == "ShapeException")
        {
            return false;
        }
    }

    [Fact]
    public void The_quick_check_accepts_every_value_the_engine_writes()
    {
        Assert.True(Written.Length > 1_000, $"only {Written.Length} distinct values written");
        Assert.All(JsonColumns, c => Assert.Contains(Written, w => w.Column == c));
        Assert.All(Written, w => Assert.True(w.Column.Shape.Quick.Accepts(w.Json), $"{w.Column.Name}: {w.Json}"));
    }

    [Theory]
    [MemberData(nameof(CollectorRowValidationTests.ShapeFaults), MemberType = typeof(CollectorRowValidationTests))]
    public void The_quick_check_refuses_every_shape_fault_and_the_worded_one_names_it(string column, string json, string reason)
    {
        var shape = (JsonIndicatorColumn)IndicatorCatalogue.Find(column)!;
        Assert.False(shape.Shape.Quick.Accepts(json));
        Assert.Equal(reason, shape.Check(json));
    }

    [Theory]
    [InlineData("""{"peaks":[],"bottoms":[],"peaks":[{"time":1}]}""")] // a repeated field: the worded check decides
    [InlineData("""{"peaks":[],"bottoms":[]} []""")]
    [InlineData("""{"peaks":[],"bottoms":[]""")]
    [InlineData("""{"peaks":[{"time":1641337200,"price":1.1,}],"bottoms":[]}""")]
    [InlineData("""{"peaks":[],"bottoms":[]} // comment""")]
    [InlineData("""{"peaks":[{"time":1e3,"price":1}],"bottoms":[]}""")]
    [InlineData("""{"peaks":[{"time":1641337200,"price":1}],"bottoms":[],"extra":{"deep":[1,{"x":"\ud800"}]}}""")]
    public void Values_on_the_edges_get_the_same_answer_from_both(string json)
    {
        var fractals = IndicatorCatalogue.Fractals;
        var quick = fractals.Shape.Quick.Accepts(json);
        Assert.True(!quick || Worded(fractals, json), $"quick yes, worded no: {json}");
    }

    [Fact]
    public void On_corruptions_of_written_values_a_quick_yes_is_always_a_worded_yes()
    {
        var random = new Random(20261202);
        string[] inserts = ["\"", ",", "}", "]", "{", "[", "-", "1e999", "1.5", "null", "\"x\"", " ", "\\u0070", "0", "true", "1641337200000"];
        var tried = 0;
        var quickYes = 0;
        foreach (var (column, json) in Written.OrderBy(_ => random.Next()).Take(400))
        {
            for (var i = 0; i < 40; i++)
            {
                var at = random.Next(json.Length);
                var mutated = random.Next(3) switch
                {
                    0 => json.Remove(at, Math.Min(json.Length - at, 1 + random.Next(6))),
                    1 => json.Insert(at, inserts[random.Next(inserts.Length)]),
                    _ => json.Remove(at, 1).Insert(at, inserts[random.Next(inserts.Length)]),
                };
                tried++;
                if (column.Shape.Quick.Accepts(mutated))
                {
                    quickYes++;
                    Assert.True(Worded(column, mutated), $"{column.Name}: quick yes, worded no: {mutated}");
                }
            }
        }

        // The corpus must exercise both answers, or the property says nothing.
        Assert.InRange(quickYes, 1, tried - 1);
    }
}
