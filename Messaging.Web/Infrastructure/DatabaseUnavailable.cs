using System.Net.Sockets;
using Npgsql;

namespace Messaging.Web.Infrastructure;

/// <summary>
/// An exception that means PostgreSQL cannot be reached right now (stopped, restarting, refusing connections), not a
/// bug: the portal answers 503 with Retry-After instead of 500 (<see cref="PortalExceptionHandler"/>), and recovers by
/// itself once the database is back, since every request opens its connection from the pool anew.
/// Looks through the chain of inner exceptions, as EF Core wraps Npgsql's (DbUpdateException, InvalidOperationException).
/// </summary>
public static class DatabaseUnavailable
{
    /// <summary>Seconds a client is told to wait (Retry-After): about as long as a PostgreSQL restart takes.</summary>
    public const int RetryAfterSeconds = 10;

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // 08: connection exceptions; 57P01-57P03: admin/crash shutdown, cannot connect now; 53300: too many connections.
                case PostgresException pg:
                    return pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState is "57P01" or "57P02" or "57P03" or "53300";
                case NpgsqlException npgsql when npgsql.InnerException is SocketException or IOException or TimeoutException:
                    return true;
                case SocketException:
                    return true;
            }
        }

        return false;
    }
}
