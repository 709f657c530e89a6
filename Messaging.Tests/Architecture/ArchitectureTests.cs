using Messaging.Core;
using Messaging.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NetArchTest.Rules;

namespace Messaging.Tests.Architecture;

/// <summary>The rules of the house that the compiler does not check (docs/architecture-notes.md, "The house").</summary>
public sealed class ArchitectureTests
{
    /// <summary>The foundation every slice may use: the result type and events, the DbContext, who is signed in and may do what, the audit log.</summary>
    private static readonly string[] Foundation = ["Common", "Data", "Access", "Audit"];

    /// <summary>
    /// The allowed dependencies between Core slices, besides the foundation (and the shared model, which is not a
    /// dependency: see <see cref="CoreSlices"/>). A slice reacts to another through its events: the live, notification
    /// and inbox slices handle <c>MessageAppended</c>; Messages knows none of them.
    /// </summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Common"] = ["Data"],
        ["Data"] = [],
        ["Access"] = ["Common", "Data"],
        ["Audit"] = ["Common", "Data", "Access"],
        ["Api"] = [],
        ["Attachments"] = [],
        ["Projects"] = [],
        ["Members"] = [],
        ["Safety"] = [],
        ["Export"] = ["Attachments"],
        ["Messages"] = ["Attachments", "Safety"],
        ["Settings"] = ["Attachments"],
        ["Search"] = ["Members", "Attachments"],
        ["Scheduling"] = ["Messages"],
        ["Conversations"] = ["Attachments", "Messages", "Projects"],
        ["ConversationState"] = ["Conversations", "Messages"],
        ["Inbox"] = ["Messages"],
        ["Live"] = ["Inbox", "Messages"],
        ["Notifications"] = ["Attachments", "Inbox", "Members", "Messages", "ProjectThreads"],
        ["Email"] = ["Attachments", "Conversations", "Members", "Messages", "Notifications"],
        ["ProjectThreads"] = ["Conversations", "Live", "Messages", "Projects"],
        ["Home"] = ["Conversations", "Inbox", "Messages", "Projects"],
        ["Webhooks"] = ["Conversations", "Email", "Inbox", "Messages", "Notifications"],
    };

    [Fact]
    public void CoreReferencesNoAspNetCore()
    {
        var core = typeof(CoreServices).Assembly;

        var references = core.GetReferencedAssemblies().Where(a => a.Name!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)).ToList();
        var result = Types.InAssembly(core).ShouldNot().HaveDependencyOn("Microsoft.AspNetCore").GetResult();

        Assert.Empty(references);
        Assert.True(result.IsSuccessful, "Core types that use ASP.NET Core: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void PagesAndViewComponentsDoNotUseTheDbContext()
    {
        var result = Types.InAssembly(typeof(Program).Assembly)
            .That().Inherit(typeof(PageModel)).Or().Inherit(typeof(ViewComponent))
            .ShouldNot().HaveDependencyOn(typeof(MessagingDbContext).FullName)
            .GetResult();

        Assert.True(result.IsSuccessful, "Pages or view components that query the DbContext (call a use case instead): "
            + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void EachCoreSliceUsesOnlyTheSlicesItIsAllowedTo()
    {
        var violations = CoreSlices.Dependencies()
            .SelectMany(slice => slice.Value
                .Where(dep => !(IsFoundation(dep.Key) && !IsFoundation(slice.Key))
                    && !(Allowed.TryGetValue(slice.Key, out var allowed) && allowed.Contains(dep.Key)))
                .Select(dep => $"{slice.Key} -> {dep.Key}: {dep.Value}"))
            .ToList();

        Assert.True(violations.Count == 0, "Dependencies not in the table (react through an event, or write the dependency down):\n" + string.Join("\n", violations));
    }

    [Fact]
    public void EveryCoreSliceIsInTheTable()
    {
        var slices = CoreSlices.Dependencies().Keys;

        Assert.Empty(slices.Except(Allowed.Keys));
    }

    [Fact]
    public void TheAllowedSliceDependenciesHaveNoCycle()
    {
        var graph = Allowed.ToDictionary(
            s => s.Key,
            s => (IsFoundation(s.Key) ? s.Value : s.Value.Concat(Foundation)).ToArray());

        Assert.Null(FindCycle(graph));
    }

    [Fact]
    public void ACycleInTheTableIsFound()
    {
        var graph = new Dictionary<string, string[]> { ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A"], ["D"] = [] };

        Assert.Equal("A -> B -> C -> A", FindCycle(graph));
    }

    private static bool IsFoundation(string slice) => Foundation.Contains(slice);

    /// <summary>A cycle in the graph as "A -> B -> A", or null (depth-first search).</summary>
    private static string? FindCycle(Dictionary<string, string[]> graph)
    {
        var done = new HashSet<string>();
        var path = new List<string>();
        string? Visit(string node)
        {
            if (path.Contains(node))
            {
                return string.Join(" -> ", path.SkipWhile(p => p != node).Append(node));
            }

            if (!done.Add(node))
            {
                return null;
            }

            path.Add(node);
            foreach (var next in graph.GetValueOrDefault(node, []))
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            return null;
        }

        return graph.Keys.Order(StringComparer.Ordinal).Select(Visit).FirstOrDefault(c => c is not null);
    }
}
