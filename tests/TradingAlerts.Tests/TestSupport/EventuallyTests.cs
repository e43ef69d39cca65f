namespace TradingAlerts.Tests.TestSupport;

/// <summary>The shared bounded wait: returns as soon as the condition holds, names what it waited for when it runs out.</summary>
public class EventuallyTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(10);

    [Fact]
    public async Task A_wait_that_runs_out_fails_naming_what_it_waited_for_and_the_detail()
    {
        var checks = 0;
        var error = await Assert.ThrowsAsync<TimeoutException>(() => Eventually.UntilAsync(
            "the answer to be 42", () => ++checks < 0, Short, Pause, () => Task.FromResult("last answer 41"), TestContext.Current.CancellationToken));

        Assert.Contains("the answer to be 42", error.Message, StringComparison.Ordinal);
        Assert.Contains("last answer 41", error.Message, StringComparison.Ordinal);
        Assert.True(checks > 1, $"checked {checks} times");
    }

    [Fact]
    public async Task A_value_wait_returns_the_first_value_that_is_done_and_probes_no_further()
    {
        var probes = 0;
        var value = await Eventually.UntilAsync("three probes", () => Task.FromResult(++probes), n => n == 3, TimeSpan.FromSeconds(30), Pause, TestContext.Current.CancellationToken);

        Assert.Equal(3, value);
        Assert.Equal(3, probes);
    }

    [Fact]
    public async Task A_value_wait_that_runs_out_names_the_last_value()
    {
        var probes = 0;
        var error = await Assert.ThrowsAsync<TimeoutException>(() => Eventually.UntilAsync(
            "a negative probe", () => Task.FromResult(++probes), n => n < 0, Short, Pause, TestContext.Current.CancellationToken));

        Assert.Contains("a negative probe", error.Message, StringComparison.Ordinal);
        Assert.Contains($"last seen: {probes}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Last_returns_the_last_value_when_the_bound_passes_without_throwing()
    {
        var probes = 0;
        var last = await Eventually.LastAsync(() => Task.FromResult(++probes), n => n < 0, Short, Pause, TestContext.Current.CancellationToken);

        Assert.Equal(probes, last);
        Assert.True(last > 1, $"probed {last} times");
    }
}
