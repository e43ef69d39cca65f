using System.Xml.Linq;

namespace TradingAlerts.Tests.Architecture;

/// <summary>
/// The development tools (the indicator engine, the synthetic and replay feeds, their command line) live under
/// tools/ and stay out of the product: no project under src/ reaches one through its project references, directly
/// or through another project, except the silo, whose demo switch runs the synthetic collector of the feeds.
/// Read from the project files, so a new reference fails here before anyone ships it.
/// </summary>
public class ToolProjectTests
{
    private const string Silo = "TradingAlerts.Silo";

    /// <summary>The tool projects by name, so a tool moved back under src/ still counts as one.</summary>
    private static readonly string[] Tools = ["TradingAlerts.Indicators", "TradingAlerts.Feeds", "TradingAlerts.DevTools"];

    private static readonly string ToolsFolder = Path.Combine(RepositoryRoot.Path, "tools") + Path.DirectorySeparatorChar;

    [Fact]
    public void The_indicator_engine_the_feeds_and_their_command_line_live_under_tools()
    {
        foreach (var tool in Tools)
        {
            Assert.True(File.Exists(Path.Combine(ToolsFolder, tool, tool + ".csproj")), $"{tool} is not under tools/");
            // A project file, not the folder: a working tree keeps bin/ and obj/ of the old place until cleaned.
            Assert.False(File.Exists(Path.Combine(RepositoryRoot.Path, "src", tool, tool + ".csproj")), $"{tool} is still under src/");
        }
    }

    [Fact]
    public void No_production_project_but_the_silo_reaches_a_tool()
    {
        var production = ProductionProjects().Where(p => Name(p) != Silo).ToList();
        Assert.Contains(production, p => Name(p) == "TradingAlerts.Collector");

        var offending = production.SelectMany(p => ToolPaths(p).Select(path => string.Join(" -> ", path.Select(Name)))).ToList();
        Assert.True(offending.Count == 0, "production projects reaching a development tool:" + Environment.NewLine + string.Join(Environment.NewLine, offending));
    }

    [Fact]
    public void The_silo_reaches_the_tools_only_through_the_feeds_of_its_demo_switch()
    {
        var silo = ProductionProjects().Single(p => Name(p) == Silo);

        Assert.Equal(["tools/TradingAlerts.Feeds/TradingAlerts.Feeds.csproj"],
            ToolPaths(silo).Select(path => Path.GetRelativePath(RepositoryRoot.Path, path[1]).Replace('\\', '/')).Distinct());
        // And in code only the demo switch names them.
        var users = Directory.EnumerateFiles(Path.GetDirectoryName(silo)!, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f) is var text && Tools.Any(t => text.Contains($"using {t}", StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f).Replace('\\', '/'));
        Assert.Equal(["src/TradingAlerts.Silo/Hosting/IngestConfiguration.cs"], users);
    }

    private static IEnumerable<string> ProductionProjects() =>
        Directory.EnumerateDirectories(Path.Combine(RepositoryRoot.Path, "src"))
            .Select(d => Path.Combine(d, Path.GetFileName(d) + ".csproj"))
            .Where(File.Exists);

    private static string Name(string project) => Path.GetFileNameWithoutExtension(project);

    private static bool IsTool(string project) =>
        project.StartsWith(ToolsFolder, StringComparison.Ordinal) || Tools.Contains(Name(project), StringComparer.Ordinal);

    /// <summary>Every reference path from <paramref name="project"/> that ends at a tool (a source file linked from tools/ included).</summary>
    private static List<string[]> ToolPaths(string project)
    {
        var found = new List<string[]>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Walk(string current, string[] path)
        {
            foreach (var item in XDocument.Load(current).Descendants().Where(e => e.Attribute("Include") is not null))
            {
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(current)!, item.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar)));
                var isReference = item.Name.LocalName == "ProjectReference";
                if (IsTool(target) || (!isReference && target.StartsWith(ToolsFolder, StringComparison.Ordinal)))
                {
                    found.Add([.. path, target]);
                }
                else if (isReference && seen.Add(target))
                {
                    Walk(target, [.. path, target]);
                }
            }
        }

        Walk(project, [project]);
        return found;
    }
}
