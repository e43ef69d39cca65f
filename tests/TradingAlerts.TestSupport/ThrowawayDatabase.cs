using System.Net.Sockets;
using Npgsql;
using TradingAlerts.Persistence.Schema;

namespace TradingAlerts.TestSupport;

/// <summary>What a throwaway database holds once created.</summary>
public enum DatabaseContent
{
    /// <summary>Nothing: the code under test applies the schema itself.</summary>
    Empty,

    /// <summary>The schema, applied once by the bootstrapper.</summary>
    Schema,

    /// <summary>The schema and sql/seed_data.sql.</summary>
    SchemaAndDevSeed,
}

/// <summary>
/// A fresh PostgreSQL database on the harness's server, dropped on disposal, so test classes (and benchmark
/// runs) never share tables. Test fixtures derive from it; one-off users call <see cref="CreateAsync"/>.
/// </summary>
public class ThrowawayDatabase : IAsyncDisposable
{
    private readonly string _admin;
    private readonly DatabaseContent _content;
    private NpgsqlDataSource? _dataSource;

    /// <param name="prefix">Start of the database name (a PostgreSQL identifier), followed by a fresh GUID.</param>
    /// <param name="admin">Admin connection string; the harness's <see cref="TestEnvironment.PostgresAdmin"/> when null.</param>
    public ThrowawayDatabase(string prefix, DatabaseContent content, string? admin = null)
    {
        Name = $"{prefix}_{Guid.NewGuid():N}";
        _content = content;
        // A loaded 2-core machine running several suites can take longer than Npgsql's default 15 s to hand out a
        // new backend; creating and dropping the database is harness work and must not fail a test for that.
        _admin = new NpgsqlConnectionStringBuilder(admin ?? TestEnvironment.PostgresAdmin) { Timeout = 60 }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; private set; } = string.Empty;

    public NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("Database not created yet");

    /// <summary>What the schema application reported (null when <see cref="DatabaseContent.Empty"/>).</summary>
    public SchemaReport? Report { get; private set; }

    /// <summary>A created database with the given content.</summary>
    public static async Task<ThrowawayDatabase> CreateAsync(string prefix, DatabaseContent content, string? admin = null)
    {
        var database = new ThrowawayDatabase(prefix, content, admin);
        await database.InitializeAsync();
        return database;
    }

    public virtual async ValueTask InitializeAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(_admin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {Name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException)
        {
            throw new InvalidOperationException(
                $"PostgreSQL from {TestEnvironment.PostgresVariable} ({_admin}) is unreachable: {ex.Message}. Run the suites with deploy/test.sh.", ex);
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(_admin) { Database = Name }.ConnectionString;
        _dataSource = NpgsqlDataSource.Create(ConnectionString);
        if (_content != DatabaseContent.Empty)
        {
            Report = await new PostgresSchemaBootstrapper(_dataSource).ApplyAsync(_content == DatabaseContent.SchemaAndDevSeed);
        }
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> map)
    {
        await using var command = DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        if (ConnectionString.Length > 0)
        {
            // Pooled connections of the code under test would keep the database busy; FORCE ends the rest.
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_admin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        GC.SuppressFinalize(this);
    }
}
