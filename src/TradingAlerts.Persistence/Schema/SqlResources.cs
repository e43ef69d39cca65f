using System.Reflection;

namespace TradingAlerts.Persistence.Schema;

/// <summary>The repository's <c>sql/</c> files, embedded in this assembly under "sql/…".</summary>
public static class SqlResources
{
    private static readonly Assembly Assembly = typeof(SqlResources).Assembly;

    /// <summary>Text of an embedded file, e.g. "postgresql_schema.sql" or "orleans/01_main.sql".</summary>
    public static string Read(string relativePath)
    {
        var name = "sql/" + relativePath.Replace('\\', '/');
        using var stream = Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"SQL file '{relativePath}' is not embedded in {Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Relative paths of the embedded files under <paramref name="folder"/>, in ordinal name order.</summary>
    public static IReadOnlyList<string> List(string folder)
    {
        var prefix = "sql/" + folder.TrimEnd('/') + "/";
        return
        [
            .. Assembly.GetManifestResourceNames()
                .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
                .Select(n => n["sql/".Length..])
                .Order(StringComparer.Ordinal),
        ];
    }
}
