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

    /// <summary>Ports handed out by this process, never handed out twice.</summary>
    private static readonly HashSet<int> Handed = [];

    /// <summary>
    /// A TCP port on loopback that nothing listens on right now, below the kernel's ephemeral range (32768–60999 on
    /// Linux): a port the kernel picks for port 0 comes from that range, where any outgoing connection (a test's
    /// PostgreSQL pool, say) can take it before the child process that was given it binds it.
    /// </summary>
    public static int FreePort()
    {
        lock (Handed)
        {
            for (var attempt = 0; attempt < 1_000; attempt++)
            {
                var port = Random.Shared.Next(20_000, 32_768);
                if (!Handed.Add(port))
                {
                    continue;
                }

                try
                {
                    using var probe = new TcpListener(IPAddress.Loopback, port);
                    probe.Start();
                    return port;
                }
                catch (SocketException)
                {
                    // in use: try another
                }
            }
        }

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
