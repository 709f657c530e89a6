using System.Collections.Concurrent;
using Messaging.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Messaging.Tests.Reliability;

/// <summary>Every log entry at Error or above that the application writes, with its category and exception.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> errors = new();

    public IReadOnlyList<string> Errors => [.. errors];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Clear() => errors.Clear();

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.errors.Enqueue($"{logLevel} {category} [{eventId.Name}]: {formatter(state, exception)} {exception?.GetType().FullName}: {exception?.Message}\n{exception?.StackTrace}");
            }
        }
    }
}

/// <summary>The portal with its error log captured: a test asserts that bad input left no unhandled exception behind.</summary>
public sealed class LoggedPortalFactory : PortalFactory
{
    public LogCapture Log { get; } = new();

    protected override void ConfigureSettings(IWebHostBuilder builder) =>
        builder.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(Log));

    /// <summary>The unhandled-exception entries (the exception handler's, the server's) and every other error entry.</summary>
    public void AssertNoErrorsLogged() =>
        Assert.True(Log.Errors.Count == 0, $"{Log.Errors.Count} error entries were logged:\n" + string.Join("\n", Log.Errors.Take(20)));
}
