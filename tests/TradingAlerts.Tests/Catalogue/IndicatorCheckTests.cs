using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Validation;

namespace TradingAlerts.Tests.Catalogue;

/// <summary>
/// Indicator values are checked once per process: a set that passed is remembered by reference and not parsed again,
/// and anything else (a copy made with <c>with</c>, a set deserialized from another process) is checked in full.
/// </summary>
public sealed class IndicatorCheckTests
{
    private const string Fractals = """{"peaks":[{"time":1641254400,"price":1.13}],"bottoms":[]}""";
    private const string Malformed = """{"peaks":[1],"bottoms":[]}""";

    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    private static IndicatorValues Values(string? fractals, double? tema = 1.1) => IndicatorValues.None with { Fractals = fractals, MomentumCandles = "[]", Tema = tema };

    [Fact]
    public void A_usable_set_comes_back_as_itself_and_is_remembered()
    {
        var values = Values(Fractals);
        Assert.False(IndicatorCheck.IsChecked(values));

        var faults = new List<string>();
        Assert.Same(values, IndicatorCheck.Usable(values, faults));
        Assert.False(IndicatorCheck.IsChecked(values)); // checked, not remembered: the grain's own use
        Assert.Same(values, IndicatorCheck.Usable(values, faults, remember: true));
        Assert.Empty(faults);
        Assert.True(IndicatorCheck.IsChecked(values));
        Assert.Same(values, IndicatorCheck.Usable(values, faults));
    }

    [Fact]
    public void Unusable_values_are_dropped_and_named_and_only_the_clean_set_is_remembered()
    {
        var values = Values(Malformed, double.NaN);
        var faults = new List<string>();

        var usable = IndicatorCheck.Usable(values, faults, remember: true);

        Assert.Equal(values with { Fractals = null, Tema = null }, usable);
        Assert.Equal(["fractals.peaks[0] must be a JSON object {time, price}, got 1", "tema is not a finite number (NaN)"], faults);
        Assert.True(IndicatorCheck.IsChecked(usable));
        Assert.False(IndicatorCheck.IsChecked(values));
        // Asked again, the unusable set is checked again and named again: it never passes for checked.
        Assert.Equal(usable, IndicatorCheck.Usable(values, faults, remember: true));
        Assert.Equal(4, faults.Count);
    }

    [Fact]
    public void A_copy_of_a_checked_set_made_with_with_is_checked_in_full()
    {
        var checkedValues = IndicatorCheck.Usable(Values(Fractals), [], remember: true);
        var changed = checkedValues with { Fractals = Malformed };
        var faults = new List<string>();

        Assert.False(IndicatorCheck.IsChecked(changed));
        Assert.Null(IndicatorCheck.Usable(changed, faults).Fractals);
        Assert.Equal("fractals.peaks[0] must be a JSON object {time, price}, got 1", Assert.Single(faults));
    }

    [Fact]
    public void A_set_that_crossed_the_wire_is_not_taken_as_checked()
    {
        var checkedValues = IndicatorCheck.Usable(Values(Fractals), [], remember: true);

        var received = Serializer.Deserialize<IndicatorValues>(Serializer.SerializeToArray(checkedValues))!;

        Assert.Equal(checkedValues, received);
        Assert.False(IndicatorCheck.IsChecked(received));
    }
}
