using System.Diagnostics;
using System.Text.RegularExpressions;

namespace TradingAlerts.Tests.Docs;

/// <summary>
/// Every collector command line the documentation writes names a command the built tool has, with options
/// that command takes: <c>{command} --help</c> is run on the built program and must exit 0 and list them.
/// </summary>
public partial class DocumentedCommandTests
{
    private const string Project = "TradingAlerts.Collector";

    /// <summary>Each documented command with the options written after it, and where it was written.</summary>
    public static TheoryData<string, string[], string> Forms()
    {
        var forms = new TheoryData<string, string[], string>();
        foreach (var group in DocumentedForms().GroupBy(f => f.Command, StringComparer.Ordinal))
        {
            forms.Add(group.Key, [.. group.SelectMany(f => f.Options).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], string.Join(", ", group.Select(f => f.Where).Distinct()));
        }

        return forms;
    }

    [Fact]
    public void The_documentation_writes_collector_command_lines()
    {
        // The forms below are found by pattern; if the pattern stopped matching, the theory would check nothing.
        var commands = DocumentedForms().Select(f => f.Command).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(StringComparer.Ordinal) { "agent", "backfill", "replay", "schema", "seed-sql", "synthetic" }, commands);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Documented_command_runs_and_takes_its_documented_options(string command, string[] options, string where)
    {
        var (exitCode, help) = await HelpAsync(command);

        Assert.True(exitCode == 0, $"`{command} --help` exited {exitCode} (documented in {where}):{Environment.NewLine}{help}");
        var unknown = options.Where(o => !Regex.IsMatch(help, $@"(^|[\s,]){Regex.Escape(o)}(?![\w-])", RegexOptions.Multiline)).ToList();
        Assert.True(unknown.Count == 0, $"`{command}` has no option {string.Join(", ", unknown)} (documented in {where}):{Environment.NewLine}{help}");
    }

    private static IEnumerable<(string Command, string[] Options, string Where)> DocumentedForms()
    {
        foreach (var file in MarkdownFile.DocumentationFiles())
        {
            var doc = MarkdownFile.Read(file);
            foreach (var (line, code) in doc.Code)
            {
                if (Invocation().Match(code) is { Success: true } form)
                {
                    yield return (form.Groups["command"].Value, Options(form.Groups["rest"].Value), $"{file}:{line}");
                }
            }

            // docs/collector.md's command table writes the forms without the program in front.
            foreach (var (line, text) in File.ReadLines(Path.Combine(RepositoryRoot.Path, file)).Select((t, i) => (i + 1, t)))
            {
                if (file == "docs/collector.md" && TableCommand().Match(text) is { Success: true } cell)
                {
                    foreach (Match form in BareForm().Matches(cell.Groups["cell"].Value))
                    {
                        yield return (form.Groups["command"].Value, Options(form.Groups["rest"].Value), $"{file}:{line}");
                    }
                }
            }
        }
    }

    private static string[] Options(string rest) => [.. OptionName().Matches(rest).Select(m => m.Value)];

    private static async Task<(int ExitCode, string Output)> HelpAsync(string command)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = BuiltProgram.OutputFolder(Project),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(BuiltProgram.Assembly(Project));
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
            throw new TimeoutException($"`{command} --help` did not exit within a minute");
        }

        return (process.ExitCode, await output + await error);
    }

    // The program as the docs start it: `dotnet run --project src/TradingAlerts.Collector [-c Release] -- cmd`,
    // `TradingAlerts.Collector.dll cmd`, `TradingAlerts.Collector.exe" cmd`, `TradingAlerts.Collector cmd`.
    [GeneratedRegex(@"TradingAlerts\.Collector(?:\.dll|\.exe)?\\?""?(?:\s+-c\s+\w+)?(?:\s+--)?\s+(?<command>[a-z][a-z-]*)(?![\w.-])(?<rest>.*)")]
    private static partial Regex Invocation();

    [GeneratedRegex(@"^\|\s*(?<cell>`(?:\\\||[^|])*)\|")]
    private static partial Regex TableCommand();

    [GeneratedRegex(@"`(?<command>[a-z][a-z-]*)(?<rest>(?:\s[^`]*)?)`")]
    private static partial Regex BareForm();

    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z-]*")]
    private static partial Regex OptionName();
}
