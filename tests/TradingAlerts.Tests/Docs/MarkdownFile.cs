using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TradingAlerts.Tests.Docs;

/// <summary>
/// What the documentation tests read from one Markdown file: its headings' GitHub anchors, its links, and its
/// code (inline spans, fenced and indented blocks), where commands are written. Code is never searched for links.
/// </summary>
internal sealed partial class MarkdownFile
{
    private MarkdownFile(string relativePath, IReadOnlyList<(int Line, string Text)> prose, IReadOnlyList<(int Line, string Text)> code, IReadOnlySet<string> anchors)
    {
        RelativePath = relativePath;
        Prose = prose;
        Code = code;
        Anchors = anchors;
    }

    /// <summary>The path from the repository root, with forward slashes.</summary>
    public string RelativePath { get; }

    /// <summary>Lines outside code fences, with their inline code spans removed.</summary>
    public IReadOnlyList<(int Line, string Text)> Prose { get; }

    /// <summary>Each inline code span and each line of a fenced or indented block.</summary>
    public IReadOnlyList<(int Line, string Text)> Code { get; }

    /// <summary>The anchors GitHub gives the headings (duplicates numbered -1, -2, …).</summary>
    public IReadOnlySet<string> Anchors { get; }

    /// <summary>The documentation a reader follows: README.md, CONTRIBUTING.md, CHANGELOG.md and docs/*.md.</summary>
    public static IReadOnlyList<string> DocumentationFiles() =>
    [
        "README.md", "CONTRIBUTING.md", "CHANGELOG.md",
        .. Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "docs"), "*.md").Order(StringComparer.Ordinal).Select(f => "docs/" + Path.GetFileName(f)),
    ];

    public static MarkdownFile Read(string relativePath)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, relativePath));
        var prose = new List<(int, string)>();
        var code = new List<(int, string)>();
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        string? fence = null;
        var indented = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();

            // An indented block (four spaces or a tab) starts after a blank line and runs while lines stay indented.
            var previousBlank = i == 0 || lines[i - 1].Trim().Length == 0;
            indented = fence is null && trimmed.Length > 0 && (line.StartsWith("    ", StringComparison.Ordinal) || line.StartsWith('\t'))
                ? indented || previousBlank
                : indented && trimmed.Length == 0;
            if (indented && trimmed.Length > 0)
            {
                code.Add((i + 1, line));
                continue;
            }

            if (fence is null && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
            {
                fence = trimmed[..3];
                continue;
            }

            if (fence is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal))
                {
                    fence = null;
                }
                else
                {
                    code.Add((i + 1, line));
                }

                continue;
            }

            foreach (Match span in CodeSpan().Matches(line))
            {
                code.Add((i + 1, span.Groups["code"].Value));
            }

            prose.Add((i + 1, CodeSpan().Replace(line, " ")));
            if (Heading().Match(line) is { Success: true } heading)
            {
                var slug = Slug(heading.Groups["text"].Value);
                var n = counts.GetValueOrDefault(slug);
                counts[slug] = n + 1;
                anchors.Add(n == 0 ? slug : string.Create(CultureInfo.InvariantCulture, $"{slug}-{n}"));
            }
        }

        return new MarkdownFile(relativePath, prose, code, anchors);
    }

    /// <summary>The link targets of the prose (inline links and images), with their line numbers.</summary>
    public IEnumerable<(int Line, string Target)> Links() =>
        Prose.SelectMany(p => InlineLink().Matches(p.Text).Select(m => (p.Line, m.Groups["target"].Value)));

    /// <summary>
    /// GitHub's heading anchor: the text as rendered (links by their text, no code backticks or emphasis marks),
    /// lower case, every character but letters, digits, '_', '-' and spaces removed, spaces as '-'.
    /// </summary>
    public static string Slug(string heading)
    {
        var text = InlineLink().Replace(heading.Trim(), m => m.Groups["text"].Value).ToLowerInvariant();
        var slug = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var category = char.GetUnicodeCategory(c);
            if (c is '-' or '_' || char.IsLetterOrDigit(c) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"(?<ticks>`+)(?<code>.+?)\k<ticks>")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"!?\[(?<text>[^\]]*)\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex InlineLink();
}
