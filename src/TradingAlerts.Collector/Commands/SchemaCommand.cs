using System.CommandLine;
using Npgsql;
using TradingAlerts.Abstractions.Catalogue;
using TradingAlerts.Storage.Schema;

namespace TradingAlerts.Collector.Commands;

/// <summary>
/// <c>schema --out sql</c>: rewrites the catalogue-generated SQL files.
/// <c>schema --postgres CONN</c>: applies the schema to a database and exits (the one-shot migration of a deployment).
/// </summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Folder to write sqlite_schema.sql, postgresql_schema.sql and timescaledb_setup.sql into",
            DefaultValueFactory = _ => new DirectoryInfo("sql"),
        };
        var postgres = new Option<string?>("--postgres")
        {
            Description = "Apply the schema (bar tables, Orleans tables, TimescaleDB where available) to this PostgreSQL connection string instead of writing files",
        };
        var devSeed = new Option<bool>("--dev-seed") { Description = "With --postgres: also apply sql/seed_data.sql (development data)" };
        var command = new Command("schema", "Write the SQL files generated from the catalogue, or apply the schema to a database") { output, postgres, devSeed };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var console = parse.InvocationConfiguration.Output;
            if (parse.GetValue(postgres) is { Length: > 0 } connectionString)
            {
                await using var dataSource = NpgsqlDataSource.Create(connectionString);
                var report = await new PostgresSchemaBootstrapper(dataSource).ApplyAsync(parse.GetValue(devSeed), cancellationToken).ConfigureAwait(false);
                await console.WriteLineAsync($"schema applied: {report.Summary}").ConfigureAwait(false);
                if (report.BarTables != Pair.All.Count)
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync($"expected {Pair.All.Count} bar tables, found {report.BarTables}").ConfigureAwait(false);
                    return 1;
                }

                return 0;
            }

            var folder = parse.GetValue(output)!;
            folder.Create();
            foreach (var (name, text) in SchemaScripts.Generated())
            {
                var path = Path.Combine(folder.FullName, name);
                await File.WriteAllTextAsync(path, text, cancellationToken).ConfigureAwait(false);
                await console.WriteLineAsync($"wrote {path}").ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }
}
