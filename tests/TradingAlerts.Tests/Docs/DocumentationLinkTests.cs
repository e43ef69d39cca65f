namespace TradingAlerts.Tests.Docs;

/// <summary>
/// Every relative link in the documentation leads somewhere: the file or folder exists, and a <c>#anchor</c>
/// names a heading of the target (GitHub's anchors). Web addresses are not fetched.
/// </summary>
public class DocumentationLinkTests
{
    public static TheoryData<string> Files() => [.. MarkdownFile.DocumentationFiles()];

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_relative_link_leads_to_a_file_and_heading_that_exist(string file)
    {
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, file)), $"{file} is missing");
        var doc = MarkdownFile.Read(file);
        var broken = new List<string>();
        foreach (var (line, target) in doc.Links())
        {
            if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            var hash = target.IndexOf('#', StringComparison.Ordinal);
            var path = Uri.UnescapeDataString(hash < 0 ? target : target[..hash]);
            var anchor = hash < 0 ? null : target[(hash + 1)..];
            var resolved = path.Length == 0
                ? file
                : Path.GetRelativePath(RepositoryRoot.Path, Path.GetFullPath(Path.Combine(RepositoryRoot.Path, Path.GetDirectoryName(file)!, path))).Replace('\\', '/');
            var full = Path.Combine(RepositoryRoot.Path, resolved);
            if (resolved.StartsWith("..", StringComparison.Ordinal) || !(File.Exists(full) || Directory.Exists(full)))
            {
                broken.Add($"{file}:{line}: ({target}): {resolved} does not exist");
            }
            else if (anchor is not null && resolved.EndsWith(".md", StringComparison.Ordinal) && !MarkdownFile.Read(resolved).Anchors.Contains(anchor))
            {
                broken.Add($"{file}:{line}: ({target}): {resolved} has no heading with the anchor #{anchor}");
            }
        }

        Assert.True(broken.Count == 0, string.Join(Environment.NewLine, broken));
    }

    [Theory]
    [InlineData("The confluence grain", "the-confluence-grain")]
    [InlineData("`GET /api/indicators/{symbol}/{timeframe}`", "get-apiindicatorssymboltimeframe")]
    [InlineData("Positions, ordering and what you can rely on", "positions-ordering-and-what-you-can-rely-on")]
    [InlineData("Alerts (see [the engine](alert-engine.md))", "alerts-see-the-engine")]
    [InlineData("Ports: 5080 → 8080", "ports-5080--8080")]
    public void Anchors_are_written_as_github_writes_them(string heading, string anchor) =>
        Assert.Equal(anchor, MarkdownFile.Slug(heading));
}
