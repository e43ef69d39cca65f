using System.CommandLine;
using TradingAlerts.Collector;
using TradingAlerts.DevTools;

namespace TradingAlerts.Tests.Feeds;

/// <summary>
/// <c>--help</c> on both command-line tools: a command the tool does not have is refused (non-zero, with the
/// token and the commands it has), even when it lives in the other tool, while a command's help still works
/// without its required options.
/// </summary>
public class CommandLineHelpTests
{
    public static TheoryData<string, string, string> Refused() => new()
    {
        { "collector", "nosuch --help", "nosuch" },
        { "collector", "synthetic --help", "synthetic" },
        { "collector", "replay --help", "replay" },
        { "collector", "backfill --help", "backfill" },
        { "collector", "seed-sql --help", "seed-sql" },
        { "collector", "agent --nosuch --help", "--nosuch" },
        { "devtools", "nosuch --help", "nosuch" },
        { "devtools", "agent --help", "agent" },
        { "devtools", "schema --help", "schema" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Help_for_a_command_the_tool_lacks_is_refused_with_what_it_has(string tool, string commandLine, string token)
    {
        var (exitCode, output, error) = await InvokeAsync(tool, commandLine);

        Assert.True(exitCode != 0, $"`{tool} {commandLine}` exited 0:{Environment.NewLine}{output}{error}");
        Assert.Contains($"Unrecognized command or argument '{token}'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Usage:", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("collector", "agent --help", "--sqlite")]
    [InlineData("collector", "schema --help", "--dev-seed")]
    [InlineData("devtools", "replay --help", "--csv")]
    [InlineData("devtools", "backfill --help", "--days")]
    public async Task Help_for_a_command_the_tool_has_lists_its_options(string tool, string commandLine, string option)
    {
        var (exitCode, output, error) = await InvokeAsync(tool, commandLine);

        Assert.True(exitCode == 0, $"`{tool} {commandLine}` exited {exitCode}:{Environment.NewLine}{output}{error}");
        Assert.Contains(option, output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Fact]
    public async Task Refusal_names_the_commands_of_the_tool()
    {
        var (_, _, collector) = await InvokeAsync("collector", "synthetic --help");
        var (_, _, devTools) = await InvokeAsync("devtools", "agent --help");

        Assert.Contains("schema, agent", collector, StringComparison.Ordinal);
        Assert.Contains("replay, synthetic, backfill, seed-sql", devTools, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> InvokeAsync(string tool, string commandLine)
    {
        var root = tool == "collector" ? CollectorCli.Build() : DevToolsCli.Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await root.Parse(commandLine).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }
}
