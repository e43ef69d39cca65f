using Npgsql;
using Orleans.Runtime.Messaging;
using Orleans.Serialization;

namespace TradingAlerts.Api.Errors;

/// <summary>
/// A failure that says a dependency could not answer (PostgreSQL or the grid), told apart from a bug or a schema
/// fault: those stay the 500 they are. <see cref="TimedOut"/> separates "connected but too slow" (a statement timeout,
/// a query cancelled at its bound, an exhausted pool) from "cannot be reached".
/// </summary>
internal sealed record DependencyFailure(string Dependency, bool TimedOut, Exception Cause)
{
    public const string PostgreSql = "PostgreSQL";
    public const string Grid = "The grid";

    /// <summary>The caller's message: names the dependency, nothing internal.</summary>
    public string Message => TimedOut
        ? $"{Dependency} is timing out; retry later"
        : $"{Dependency} is unavailable; retry later";

    /// <summary>The dependency failure inside <paramref name="exception"/> (itself or a cause), or null when it is none.</summary>
    public static DependencyFailure? Of(Exception exception)
    {
        // Outermost first: an NpgsqlException wrapping a TimeoutException is PostgreSQL's, not the grid's.
        var pending = new Queue<Exception>([exception]);
        for (var seen = 0; pending.TryDequeue(out var e) && seen < 16; seen++)
        {
            if (Classify(e) is { } failure)
            {
                return failure;
            }

            if (e is PostgresException)
            {
                return null; // the server answered with an error that is no outage (a missing table, a constraint): a fault
            }

            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Enqueue(inner);
                }
            }
            else if (e.InnerException is { } inner)
            {
                pending.Enqueue(inner);
            }
        }

        return null;
    }

    /// <summary>Whether a PostgreSQL error means the statement ran out of time (statement_timeout, a cancel at the caller's bound).</summary>
    public static bool IsPostgresTimeout(Exception exception) => Of(exception) is { Dependency: PostgreSql, TimedOut: true };

    private static DependencyFailure? Classify(Exception e) => e switch
    {
        PostgresException p when p.SqlState == PostgresErrorCodes.QueryCanceled => new(PostgreSql, true, e),
        PostgresException p when p.IsTransient => new(PostgreSql, false, e), // connection, resources, shutdown, not accepting connections
        PostgresException => null,
        // Client side: an exhausted pool or a command timeout carry a TimeoutException; sockets and streams an IOException.
        NpgsqlException n => new(PostgreSql, n.InnerException is TimeoutException, e),
        // Across a grain call Npgsql's exceptions arrive by type name (Orleans serializes only its allowed namespaces).
        UnavailableExceptionFallbackException f when f.ExceptionType?.StartsWith("Npgsql.", StringComparison.Ordinal) == true => FromRemote(f),
        SiloUnavailableException or OrleansMessageRejectionException or GatewayTooBusyException or ConnectionFailedException
            or ClientNotAvailableException => new(Grid, false, e),
        TimeoutException => new(Grid, true, e), // a grain call that outlived its response timeout
        _ => null,
    };

    private static DependencyFailure? FromRemote(UnavailableExceptionFallbackException f)
    {
        if (f.ExceptionType != typeof(PostgresException).FullName)
        {
            return new(PostgreSql, false, f);
        }

        // PostgresException's message starts with its SQLSTATE ("57014: canceling statement due to statement timeout").
        var sqlState = f.Message.Length > 5 && f.Message[5] == ':' ? f.Message[..5] : string.Empty;
        return Classify(new PostgresException(f.Message, "ERROR", "ERROR", sqlState)) is { } failure ? failure with { Cause = f } : null;
    }
}
