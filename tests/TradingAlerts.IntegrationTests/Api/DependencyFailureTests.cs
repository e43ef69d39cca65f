using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using TradingAlerts.IntegrationTests.Infrastructure;

namespace TradingAlerts.IntegrationTests.Api;

/// <summary>
/// PostgreSQL cannot answer (connections refused, or a statement timeout the reads run into): the API answers 503 with
/// Retry-After and the envelope naming the dependency, never a 500, and the log has one warning per request, no error.
/// Then the database is back and the same request answers 200 again.
/// </summary>
public sealed class DependencyFailureTests(StoredApiFixture api) : IClassFixture<StoredApiFixture>
{
    // 2022-01-05 12:00 UTC: inside the fixture's four stored days.
    private const string PastConfluence = "/api/confluence/EURUSD?timestamp=2022-01-05T12:00:00Z";

    [Fact]
    public async Task Past_time_confluence_with_postgresql_unreachable_is_503_with_retry_after_and_the_envelope()
    {
        var client = api.Client(api.ProToken);
        await Admin($"ALTER DATABASE {api.Database.Name} ALLOW_CONNECTIONS false");
        await Admin($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{api.Database.Name}' AND pid <> pg_backend_pid()");
        try
        {
            // A read in the API process (the stored bars) and one inside a grain (AUDJPY/H2 is activated by no other
            // test here: its activation rehydrates from PostgreSQL).
            foreach (var url in new[] { PastConfluence, "/api/indicators/AUDJPY/H2" })
            {
                await AssertServiceUnavailable(client, url, "PostgreSQL is unavailable; retry later");
            }
        }
        finally
        {
            await Admin($"ALTER DATABASE {api.Database.Name} ALLOW_CONNECTIONS true");
            api.Database.DataSource.Clear();
        }

        await AssertRecovers(client);
    }

    [Fact]
    public async Task Past_time_confluence_under_a_statement_timeout_is_503_timing_out_with_retry_after_and_the_envelope()
    {
        var client = api.Client(api.ProToken);
        // Every new session of the database gets a 300 ms statement_timeout; the silo's pool reconnects to pick it up.
        // A migration's lock on one EURUSD table makes the stored read wait past it, so the server cancels the statement.
        await Admin($"ALTER DATABASE {api.Database.Name} SET statement_timeout = '300ms'");
        api.Factory.Services.GetRequiredService<NpgsqlDataSource>().Clear();
        await using (var locker = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(api.Database.ConnectionString) { Pooling = false }.ConnectionString))
        {
            await locker.OpenAsync(TestContext.Current.CancellationToken);
            await using var transaction = await locker.BeginTransactionAsync(TestContext.Current.CancellationToken);
            await using (var lockTable = new NpgsqlCommand("LOCK TABLE eurusd_h1 IN ACCESS EXCLUSIVE MODE", locker, transaction))
            {
                await lockTable.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }

            try
            {
                await AssertServiceUnavailable(client, PastConfluence, "PostgreSQL is timing out; retry later");
            }
            finally
            {
                await Admin($"ALTER DATABASE {api.Database.Name} RESET statement_timeout");
                api.Factory.Services.GetRequiredService<NpgsqlDataSource>().Clear();
            }
        }

        await AssertRecovers(client);
    }

    private async Task AssertServiceUnavailable(HttpClient client, string url, string error)
    {
        var logged = api.Logs.Entries.Count;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{url}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($$"""{"success":false,"error":"{{error}}"}""", text);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta); // ApiErrors:RetryAfter's default

        // One warning naming the answer, no error from the HTTP edge (no stack per request). Orleans logs a failed
        // activation itself, once per activation: that is the grid's log, not the request's.
        var entries = api.Logs.Entries.Skip(logged).ToList();
        var path = url.Split('?')[0];
        Assert.Single(entries, e => e.Level == LogLevel.Warning && e.Message.Contains(path, StringComparison.Ordinal) && e.Message.Contains(error, StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Error && !e.Category.StartsWith("Orleans.", StringComparison.Ordinal));
    }

    /// <summary>The database is back: the same past-time request answers 200 again by itself (bounded wait).</summary>
    private static async Task AssertRecovers(HttpClient client)
    {
        var call = await Eventually.LastAsync(() => ApiCall.GetAsync(client, PastConfluence), c => c.Status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(call.Status == HttpStatusCode.OK, call.ToString());
    }

    private static async Task Admin(string sql)
    {
        await using var connection = new NpgsqlConnection(TestEnvironment.PostgresAdmin);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
