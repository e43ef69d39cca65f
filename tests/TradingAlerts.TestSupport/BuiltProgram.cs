namespace TradingAlerts.TestSupport;

/// <summary>
/// Programs of this repository built beside the running test (same configuration and target framework),
/// for tests that start them as their own processes.
/// </summary>
public static class BuiltProgram
{
    /// <summary>src/{project} (the product) or tools/{project} (development tools): the content root when a program runs as with <c>dotnet run</c>.</summary>
    public static string ProjectFolder(string project) =>
        ((string[])["src", "tools"]).Select(root => Path.Combine(RepositoryRoot.Path, root, project)).FirstOrDefault(Directory.Exists)
        ?? Path.Combine(RepositoryRoot.Path, "src", project);

    /// <summary>{project folder}/bin/{configuration}/{tfm}, taken from this test's own output folder (…/bin/{configuration}/{tfm}/).</summary>
    public static string OutputFolder(string project)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var folder = Path.Combine(ProjectFolder(project), "bin", output.Parent!.Name, output.Name);
        return File.Exists(Path.Combine(folder, project + ".dll"))
            ? folder
            : throw new InvalidOperationException($"{project} is not built in {folder}: build the solution first.");
    }

    /// <summary>The program's assembly, to start as <c>dotnet {path}</c>.</summary>
    public static string Assembly(string project) => Path.Combine(OutputFolder(project), project + ".dll");
}
