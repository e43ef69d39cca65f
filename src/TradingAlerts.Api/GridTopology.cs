namespace TradingAlerts.Api;

/// <summary>
/// How this silo runs, decided once from the connection strings. Embedded (no <c>ConnectionStrings:Postgres</c>):
/// localhost clustering, grain memory is the only copy, no write-through. Cluster: ADO.NET clustering, grain
/// storage and write-through on that PostgreSQL. Redis, when set, carries the bar and confluence events.
/// Computed once by the silo's Program and handed to the Orleans configuration and to <c>AddGridApi</c>, which
/// registers it: hosting, health and the API ask it instead of reading the configuration.
/// </summary>
public sealed record GridTopology(string? PostgresConnectionString, string? RedisConnectionString)
{
    public bool Embedded => PostgresConnectionString is null;

    /// <summary>"embedded" or "cluster", as the health endpoints report it.</summary>
    public string Mode => Embedded ? "embedded" : "cluster";

    public static GridTopology From(IConfiguration configuration) =>
        new(Set(configuration.GetConnectionString("Postgres")), Set(configuration.GetConnectionString("Redis")));

    private static string? Set(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
