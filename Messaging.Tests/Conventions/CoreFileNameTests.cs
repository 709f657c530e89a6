using System.Text.RegularExpressions;
using Messaging.Core.Data;

namespace Messaging.Tests.Conventions;

/// <summary>
/// File name equals type name in Messaging.Core, so typing a type's name finds its file. The rule:
/// every public top-level class (a use case, an entity, a service, a static helper) is declared in a file named after it,
/// so each use case has its own file. A record, enum, struct or interface either has its own file or sits beside the
/// class it belongs to (a use case's command, result and row records; an entity's enums), and every file is named
/// after one of the types it declares.
/// </summary>
public sealed partial class CoreFileNameTests
{
    [Fact]
    public void EveryPublicTopLevelTypeInCoreLivesInAFileOfItsNameOrBesideTheClassItServes()
    {
        var declarations = Declarations();
        var problems = new List<string>();

        foreach (var type in typeof(MessagingDbContext).Assembly.GetExportedTypes().Where(t => !t.IsNested))
        {
            var name = type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] : type.Name;
            var files = declarations.Where(d => d.Type == name && d.Namespace == type.Namespace).Select(d => d.File).Distinct().ToList();
            if (files.Count != 1)
            {
                problems.Add($"{type.FullName}: declared in {files.Count} files");
                continue;
            }

            var isClass = type.IsClass && !IsRecord(type);
            if (isClass && Path.GetFileNameWithoutExtension(files[0]) != name)
            {
                problems.Add($"{type.FullName}: a class, but declared in {files[0]}");
            }
        }

        foreach (var file in declarations.GroupBy(d => d.File))
        {
            if (!file.Any(d => d.Type == Path.GetFileNameWithoutExtension(file.Key)))
            {
                problems.Add($"{file.Key}: declares no type of its name ({string.Join(", ", file.Select(d => d.Type))})");
            }
        }

        Assert.Empty(problems);
    }

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null || type.IsValueType;

    private sealed record Declaration(string File, string Namespace, string Type);

    /// <summary>Top-level declarations: Core uses file-scoped namespaces, so they start in the first column.</summary>
    private static List<Declaration> Declarations()
    {
        var core = Path.Combine(RepositoryRoot(), "Messaging.Core");
        var result = new List<Declaration>();
        foreach (var path in Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(core, path).Replace('\\', '/');
            if (relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal))
            {
                continue;
            }

            var text = File.ReadAllText(path);
            var ns = NamespaceLine().Match(text).Groups[1].Value;
            result.AddRange(DeclarationLine().Matches(text).Select(m => new Declaration(relative, ns, m.Groups[1].Value)));
        }

        return result;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Messaging.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Messaging.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"^(?:public|internal)\b[\w ]*?\b(?:class|record struct|record|struct|interface|enum)\s+(\w+)", RegexOptions.Multiline)]
    private static partial Regex DeclarationLine();
}
