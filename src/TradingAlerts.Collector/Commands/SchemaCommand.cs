using System.CommandLine;
using TradingAlerts.Storage.Schema;

namespace TradingAlerts.Collector.Commands;

/// <summary><c>schema --out sql</c>: rewrites the catalogue-generated SQL files.</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Folder to write sqlite_schema.sql, postgresql_schema.sql and timescaledb_setup.sql into",
            DefaultValueFactory = _ => new DirectoryInfo("sql"),
        };
        var command = new Command("schema", "Write the SQL files generated from the catalogue") { output };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(output)!;
            folder.Create();
            foreach (var (name, text) in SchemaScripts.Generated())
            {
                var path = Path.Combine(folder.FullName, name);
                File.WriteAllText(path, text);
                parse.InvocationConfiguration.Output.WriteLine($"wrote {path}");
            }

            return 0;
        });
        return command;
    }
}
