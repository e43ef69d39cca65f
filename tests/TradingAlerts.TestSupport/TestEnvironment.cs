using System.Net;
using System.Net.Sockets;

namespace TradingAlerts.TestSupport;

/// <summary>
/// Where the real services of this run are. deploy/test.sh starts them and exports the variables; a
/// test that needs one and does not find it fails with this message instead of being skipped.
/// </summary>
public static class TestEnvironment
{
    public const string PostgresVariable = "TA_TEST_POSTGRES";
    public const string RedisVariable = "TA_TEST_REDIS";

    /// <summary>Admin connection string of the throwaway PostgreSQL cluster (database "postgres").</summary>
    public static string PostgresAdmin => Require(PostgresVariable, "PostgreSQL 15");

    /// <summary>host:port of the throwaway Redis.</summary>
    public static string Redis => Require(RedisVariable, "Redis");

    /// <summary>A TCP port on loopback that nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Require(string variable, string service)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException(
                $"{variable} is not set: this test needs a real {service}. Run the suites with deploy/test.sh, " +
                $"which installs and starts {service} on loopback and exports {variable}.")
            : value;
    }
}
