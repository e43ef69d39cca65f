namespace TradingAlerts.Silo.Hosting;

/// <summary>
/// How this silo runs, decided once from the connection strings. Embedded (no <c>ConnectionStrings:Postgres</c>):
/// localhost clustering, grain memory is the only copy, no write-through. Cluster: ADO.NET clustering, grain
/// storage and write-through on that PostgreSQL. Redis, when set, carries the bar and confluence events.
/// Registered as a singleton; hosting, health and the API ask it instead of reading the configuration.
/// </summary>
internal sealed record GridTopology(string? PostgresConnectionString, string? RedisConnectionString)
{
    public bool Embedded => PostgresConnectionString is null;

    /// <summary>"embedded" or "cluster", as the health endpoints report it.</summary>
    public string Mode => Embedded ? "embedded" : "cluster";

    public static GridTopology From(IConfiguration configuration) =>
        new(Set(configuration.GetConnectionString("Postgres")), Set(configuration.GetConnectionString("Redis")));

    private static string? Set(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

internal static class GridTopologyExtensions
{
    /// <summary>The silo's topology: computed on first use and registered, so every later caller gets the same answer.</summary>
    public static GridTopology GetGridTopology(this WebApplicationBuilder builder)
    {
        if (builder.Services.FirstOrDefault(d => d.ServiceType == typeof(GridTopology))?.ImplementationInstance is GridTopology known)
        {
            return known;
        }

        var topology = GridTopology.From(builder.Configuration);
        builder.Services.AddSingleton(topology);
        return topology;
    }
}
