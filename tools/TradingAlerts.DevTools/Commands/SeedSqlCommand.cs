using System.CommandLine;
using TradingAlerts.DevTools.DevSeed;

namespace TradingAlerts.DevTools.Commands;

/// <summary><c>seed-sql --out sql/seed_data.sql</c>: rewrites the development data set.</summary>
internal static class SeedSqlCommand
{
    public static Command Create()
    {
        var output = new Option<FileInfo>("--out")
        {
            Description = "File to write",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("sql", "seed_data.sql")),
        };
        var command = new Command("seed-sql", "Write the development seed data (PostgreSQL inserts)") { output };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(output)!;
            File.WriteAllText(file.FullName, DevSeedWriter.Generate());
            parse.InvocationConfiguration.Output.WriteLine($"wrote {file.FullName}");
            return 0;
        });
        return command;
    }
}
