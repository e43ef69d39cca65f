using System.Text.Json;
using System.Text.RegularExpressions;

namespace TradingAlerts.Tests.Docs;

/// <summary>
/// docs/configuration.md is one table of every key: each settable property of every options class in src/
/// (a class with a <c>Section</c> constant, and the classes its properties nest) and each key of the programs'
/// appsettings files is named in the table's first column.
/// </summary>
public partial class DocumentedConfigurationTests
{
    [Fact]
    public void Every_options_property_is_a_row_of_the_configuration_table()
    {
        var documented = DocumentedKeys();
        var keys = OptionKeys();

        Assert.Contains("Ingest:SqlitePaths", keys); // the source scan found the options classes
        Assert.Contains("Alerts:Webhook:Secret", keys); // and the classes they nest
        var missing = keys.Where(k => !IsDocumented(k, documented)).ToList();
        Assert.True(missing.Count == 0, "docs/configuration.md has no row for: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("src/TradingAlerts.Silo/appsettings.json")]
    [InlineData("src/TradingAlerts.Silo/appsettings.Development.json")]
    [InlineData("src/TradingAlerts.AlertEngine/appsettings.json")]
    public void Every_appsettings_key_is_a_row_of_the_configuration_table(string file)
    {
        var documented = DocumentedKeys();
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, file)));
        var keys = Leaves(json.RootElement, prefix: null).ToList();

        Assert.NotEmpty(keys);
        var missing = keys.Where(k => !IsDocumented(k, documented)).ToList();
        Assert.True(missing.Count == 0, $"docs/configuration.md has no row for these keys of {file}: " + string.Join(", ", missing));
    }

    [Fact]
    public void Table_cells_name_keys_as_the_reader_writes_them()
    {
        // `Section:A` / `B` names Section:A and Section:B; `Section:*` names every key below Section.
        var keys = KeysOfCell("`Health:SqliteStaleAfter` / `StaleAfterBars` | `00:05:00` |");
        Assert.Equal(["Health:SqliteStaleAfter", "Health:StaleAfterBars"], keys);
        Assert.True(IsDocumented("Orleans:Membership:ProbeTimeout", ["Orleans:Membership:*"]));
        Assert.False(IsDocumented("Orleans:MembershipX", ["Orleans:Membership:*"]));
    }

    private static bool IsDocumented(string key, IReadOnlyCollection<string> documented) =>
        documented.Contains(key, StringComparer.OrdinalIgnoreCase)
        || documented.Any(d => d.EndsWith(":*", StringComparison.Ordinal) && key.StartsWith(d[..^1], StringComparison.OrdinalIgnoreCase));

    private static List<string> DocumentedKeys() =>
        [.. File.ReadLines(Path.Combine(RepositoryRoot.Path, "docs", "configuration.md")).Where(l => l.StartsWith("| `", StringComparison.Ordinal)).SelectMany(KeysOfCell)];

    private static List<string> KeysOfCell(string row)
    {
        var keys = new List<string>();
        string? section = null;
        foreach (Match span in CodeSpan().Matches(row.Split('|', StringSplitOptions.RemoveEmptyEntries)[0]))
        {
            var text = span.Groups["code"].Value;
            var colon = text.LastIndexOf(':');
            if (colon > 0)
            {
                section = text[..colon];
                keys.Add(text);
            }
            else
            {
                keys.Add(section is null ? text : $"{section}:{text}");
            }
        }

        return keys;
    }

    /// <summary>Section:Property for every options class found in the sources, nested classes under their property.</summary>
    private static List<string> OptionKeys()
    {
        var classes = new List<(string Name, string? Section, List<(string Type, string Name)> Properties)>();
        // tools/ too: the silo's demo switch binds the synthetic collector's options (Demo:*) from there.
        var sources = ((string[])["src", "tools"]).SelectMany(root => Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, root), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var source in sources)
        {
            var text = File.ReadAllText(source);
            var declarations = ClassDeclaration().Matches(text);
            for (var i = 0; i < declarations.Count; i++)
            {
                var end = i + 1 < declarations.Count ? declarations[i + 1].Index : text.Length;
                var body = text[declarations[i].Index..end];
                var section = SectionConstant().Match(body) is { Success: true } s ? s.Groups["section"].Value : null;
                var properties = SettableProperty().Matches(body).Select(m => (m.Groups["type"].Value.TrimEnd('?'), m.Groups["name"].Value)).ToList();
                classes.Add((declarations[i].Groups["name"].Value, section, properties));
            }
        }

        // A class without a section of its own is bound where a property of its type sits (Alerts:Webhook).
        var nested = classes.Where(c => c.Section is null && c.Properties.Count > 0).GroupBy(c => c.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Properties, StringComparer.Ordinal);
        var keys = new List<string>();
        void Add(string prefix, List<(string Type, string Name)> properties)
        {
            foreach (var (type, name) in properties)
            {
                if (nested.TryGetValue(type, out var inner))
                {
                    Add($"{prefix}:{name}", inner);
                }
                else
                {
                    keys.Add($"{prefix}:{name}");
                }
            }
        }

        foreach (var (_, section, properties) in classes.Where(c => c.Section is not null))
        {
            Add(section!, properties);
        }

        return keys;
    }

    private static IEnumerable<string> Leaves(JsonElement element, string? prefix)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            yield return prefix!;
            yield break;
        }

        foreach (var property in element.EnumerateObject())
        {
            foreach (var leaf in Leaves(property.Value, prefix is null ? property.Name : $"{prefix}:{property.Name}"))
            {
                yield return leaf;
            }
        }
    }

    [GeneratedRegex(@"`(?<code>[^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^\s*(?:(?:public|internal|private|protected|sealed|static|partial|abstract|file)\s+)*(?:class|record)\s+(?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex ClassDeclaration();

    [GeneratedRegex(@"const\s+string\s+Section\s*=\s*""(?<section>[^""]+)""")]
    private static partial Regex SectionConstant();

    [GeneratedRegex(@"public\s+(?<type>[\w.<>\[\],? ]+?)\s+(?<name>[A-Z]\w*)\s*\{\s*get;\s*(?:set|init);")]
    private static partial Regex SettableProperty();
}
