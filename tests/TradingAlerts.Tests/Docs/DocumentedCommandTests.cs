using System.Diagnostics;
using System.Text.RegularExpressions;

namespace TradingAlerts.Tests.Docs;

/// <summary>
/// Every command line the documentation writes for the collector (src/TradingAlerts.Collector) or the development
/// tools (tools/TradingAlerts.DevTools) names a command that built tool has, with options that command takes:
/// <c>{command} --help</c> is run on the built program and must exit 0, show that command's usage and list them.
/// </summary>
public partial class DocumentedCommandTests
{
    /// <summary>Each documented command of a tool with the options written after it, and where it was written.</summary>
    public static TheoryData<string, string, string[], string> Forms()
    {
        var forms = new TheoryData<string, string, string[], string>();
        foreach (var group in DocumentedForms().GroupBy(f => (f.Tool, f.Command)))
        {
            forms.Add(group.Key.Tool, group.Key.Command, [.. group.SelectMany(f => f.Options).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], string.Join(", ", group.Select(f => f.Where).Distinct()));
        }

        return forms;
    }

    [Fact]
    public void The_documentation_writes_command_lines_of_both_tools()
    {
        // The forms below are found by pattern; if the pattern stopped matching, the theory would check nothing.
        var commands = DocumentedForms().Select(f => $"{f.Tool} {f.Command}").ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(StringComparer.Ordinal)
        {
            "TradingAlerts.Collector agent", "TradingAlerts.Collector schema",
            "TradingAlerts.DevTools backfill", "TradingAlerts.DevTools replay", "TradingAlerts.DevTools seed-sql", "TradingAlerts.DevTools synthetic",
        }, commands);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Documented_command_runs_and_takes_its_documented_options(string tool, string command, string[] options, string where)
    {
        var (exitCode, help) = await HelpAsync(tool, command);

        Assert.True(exitCode == 0, $"`{tool} {command} --help` exited {exitCode} (documented in {where}):{Environment.NewLine}{help}");
        // The help is the command's own, not the tool's general help printed for a command it does not have.
        Assert.True(Regex.IsMatch(help, $@"^\s*{Regex.Escape(tool)} {Regex.Escape(command)}(\s|$)", RegexOptions.Multiline),
            $"`{tool} {command} --help` does not show the usage of `{tool} {command}` (documented in {where}):{Environment.NewLine}{help}");
        var unknown = options.Where(o => !Regex.IsMatch(help, $@"(^|[\s,]){Regex.Escape(o)}(?![\w-])", RegexOptions.Multiline)).ToList();
        Assert.True(unknown.Count == 0, $"`{tool} {command}` has no option {string.Join(", ", unknown)} (documented in {where}):{Environment.NewLine}{help}");
    }

    private static IEnumerable<(string Tool, string Command, string[] Options, string Where)> DocumentedForms()
    {
        foreach (var file in MarkdownFile.DocumentationFiles())
        {
            var doc = MarkdownFile.Read(file);
            foreach (var (line, code) in doc.Code)
            {
                if (Invocation().Match(code) is { Success: true } form)
                {
                    yield return (form.Groups["tool"].Value, form.Groups["command"].Value, Options(form.Groups["rest"].Value), $"{file}:{line}");
                }
            }

            // docs/collector.md's command tables write the forms without the program in front: the program is the
            // one the section's heading names.
            string? tool = null;
            foreach (var (line, text) in File.ReadLines(Path.Combine(RepositoryRoot.Path, file)).Select((t, i) => (i + 1, t)))
            {
                if (text.StartsWith('#'))
                {
                    tool = SectionTool().Match(text) is { Success: true } named ? named.Groups["tool"].Value : null;
                }
                else if (file == "docs/collector.md" && TableCommand().Match(text) is { Success: true } cell)
                {
                    Assert.True(tool is not null, $"{file}:{line}: a command table under a heading that names no tool (TradingAlerts.Collector or TradingAlerts.DevTools)");
                    foreach (Match form in BareForm().Matches(cell.Groups["cell"].Value))
                    {
                        yield return (tool, form.Groups["command"].Value, Options(form.Groups["rest"].Value), $"{file}:{line}");
                    }
                }
            }
        }
    }

    private static string[] Options(string rest) => [.. OptionName().Matches(rest).Select(m => m.Value)];

    private static async Task<(int ExitCode, string Output)> HelpAsync(string tool, string command)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = BuiltProgram.OutputFolder(tool),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(BuiltProgram.Assembly(tool));
        start.ArgumentList.Add(command);
        start.ArgumentList.Add("--help");
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{tool} {command} --help` did not exit within a minute");
        }

        return (process.ExitCode, await output + await error);
    }

    // The program as the docs start it: `dotnet run --project src/TradingAlerts.Collector [-c Release] -- cmd`,
    // `TradingAlerts.Collector.dll cmd`, `TradingAlerts.Collector.exe" cmd`, `TradingAlerts.Collector cmd`, and the
    // same for tools/TradingAlerts.DevTools.
    [GeneratedRegex(@"(?<tool>TradingAlerts\.(?:Collector|DevTools))(?:\.dll|\.exe)?\\?""?(?:\s+-c\s+\w+)?(?:\s+--)?\s+(?<command>[a-z][a-z-]*)(?![\w.-])(?<rest>.*)")]
    private static partial Regex Invocation();

    [GeneratedRegex(@"^#+ .*\((?:src|tools)/(?<tool>TradingAlerts\.(?:Collector|DevTools))\)")]
    private static partial Regex SectionTool();

    [GeneratedRegex(@"^\|\s*(?<cell>`(?:\\\||[^|])*)\|")]
    private static partial Regex TableCommand();

    [GeneratedRegex(@"`(?<command>[a-z][a-z-]*)(?<rest>(?:\s[^`]*)?)`")]
    private static partial Regex BareForm();

    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z-]*")]
    private static partial Regex OptionName();
}
