namespace Messaging.Tests.Infrastructure;

/// <summary>A clock tests move by hand (Microsoft.Extensions.TimeProvider.Testing is not on the NuGet source). Starts at the real time, so sign-in cookies stay valid.</summary>
public sealed class FakeClock : TimeProvider
{
    private readonly object gate = new();
    private DateTimeOffset now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (gate)
        {
            now += by;
        }
    }
}
