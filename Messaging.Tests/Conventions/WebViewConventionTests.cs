namespace Messaging.Tests.Conventions;

/// <summary>
/// Issue 17's house rules for the web layer, read from the source: a page loads its data in its PageModel or a View
/// Component, so no partial view injects a service; nothing locates services or hands state over through
/// <c>HttpContext.Items</c>. The layout (navigation) and the ViewImports are the only views allowed to inject.
/// </summary>
public sealed class WebViewConventionTests
{
    private static readonly string[] ViewsThatMayInject = ["_Layout.cshtml", "_ViewImports.cshtml"];

    private static string WebRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Messaging.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Messaging.sln not found"), "Messaging.Web");
    }

    private static IEnumerable<string> Sources(string pattern) =>
        Directory.EnumerateFiles(WebRoot(), pattern, SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [Fact]
    public void NoPartialOrComponentViewInjectsAService()
    {
        var offenders = Sources("*.cshtml")
            .Where(p => Path.GetFileName(p).StartsWith('_') || p.Contains($"{Path.DirectorySeparatorChar}Components{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(p => !ViewsThatMayInject.Contains(Path.GetFileName(p)))
            .Where(p => File.ReadLines(p).Any(l => l.TrimStart().StartsWith("@inject ", StringComparison.Ordinal)))
            .Select(p => Path.GetRelativePath(WebRoot(), p))
            .ToList();

        Assert.True(offenders.Count == 0, "partials that load their own data: " + string.Join(", ", offenders));
    }

    [Fact]
    public void NothingLocatesServicesOrPassesStateThroughHttpContextItems()
    {
        string[] banned = ["RequestServices.GetService", "RequestServices.GetRequiredService", "[FromServices]", "HttpContext.Items"];
        var offenders = Sources("*.cs").Concat(Sources("*.cshtml"))
            .SelectMany(p => banned.Where(b => File.ReadAllText(p).Contains(b, StringComparison.Ordinal)).Select(b => $"{Path.GetRelativePath(WebRoot(), p)}: {b}"))
            .ToList();

        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }
}
