using System.Reflection;
using Messaging.Core;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Messaging.Tests.Architecture;

/// <summary>
/// The slices of Core (its first-level namespaces) and what each one's code uses of another's, read from the compiled IL
/// (signatures, fields, attributes and method bodies) with Mono.Cecil.
/// <para>
/// The shared model is not counted: the entities the DbContext maps and the enums they carry are the language every
/// slice speaks (a thread's <c>Conversation</c>, its <c>Message</c>s), so using another slice's entity is no dependency
/// on that slice. What counts is code: use cases, rules, handlers, events, views.
/// </para>
/// </summary>
public static class CoreSlices
{
    private const string Root = "Messaging.Core.";

    /// <summary>Slice name for a Core type: "Inbox" for Messaging.Core.Inbox.AssignConversation; null outside a slice.</summary>
    public static string? SliceOf(TypeReference type)
    {
        var ns = Outermost(type).Namespace;
        if (!ns.StartsWith(Root, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = ns[Root.Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    /// <summary>slice → slices whose code (not model) it uses, with one example type pair each.</summary>
    public static IReadOnlyDictionary<string, SortedDictionary<string, string>> Dependencies()
    {
        var model = ModelTypes();
        using var assembly = AssemblyDefinition.ReadAssembly(typeof(CoreServices).Assembly.Location);
        var graph = new Dictionary<string, SortedDictionary<string, string>>();
        foreach (var type in assembly.MainModule.GetTypes())
        {
            if (SliceOf(type) is not { } from || type.Name.StartsWith('<'))
            {
                continue;
            }

            var edges = graph.TryGetValue(from, out var e) ? e : graph[from] = [];
            foreach (var used in Used(type))
            {
                var target = Outermost(used);
                if (SliceOf(target) is { } to && to != from && !model.Contains(target.FullName))
                {
                    edges.TryAdd(to, $"{Outermost(type).FullName} uses {target.FullName}");
                }
            }
        }

        return graph;
    }

    /// <summary>
    /// The shared model: the entity types the DbContext maps, every enum in Core, and how the model is mapped
    /// (entity configurations, SQL functions the DbContext maps), which each slice keeps beside its entities.
    /// </summary>
    private static HashSet<string> ModelTypes()
    {
        using var db = new MessagingDbContext(new DbContextOptionsBuilder<MessagingDbContext>().UseNpgsql("Host=unused").Options);
        var types = typeof(CoreServices).Assembly.GetTypes();
        return db.Model.GetEntityTypes().Select(e => e.ClrType)
            .Concat(types.Where(t => t.IsEnum || IsMapping(t)))
            .Select(t => t.FullName!.Replace('+', '/'))
            .ToHashSet();
    }

    private static bool IsMapping(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>))
        || type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Any(m =>
            m.GetCustomAttribute<DbFunctionAttribute>() is not null || m.GetParameters().Any(p => p.ParameterType == typeof(ModelBuilder)));

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    private static IEnumerable<TypeReference> Used(TypeDefinition type)
    {
        if (type.BaseType is not null)
        {
            foreach (var t in Expand(type.BaseType))
            {
                yield return t;
            }
        }

        foreach (var t in type.Interfaces.SelectMany(i => Expand(i.InterfaceType)))
        {
            yield return t;
        }

        foreach (var t in type.CustomAttributes.SelectMany(a => Expand(a.AttributeType)))
        {
            yield return t;
        }

        foreach (var t in type.Fields.SelectMany(f => Expand(f.FieldType)))
        {
            yield return t;
        }

        foreach (var t in type.Properties.SelectMany(p => Expand(p.PropertyType)))
        {
            yield return t;
        }

        foreach (var method in type.Methods)
        {
            foreach (var t in Expand(method.ReturnType).Concat(method.Parameters.SelectMany(p => Expand(p.ParameterType))))
            {
                yield return t;
            }

            if (!method.HasBody)
            {
                continue;
            }

            foreach (var t in method.Body.Variables.SelectMany(v => Expand(v.VariableType)))
            {
                yield return t;
            }

            foreach (var instruction in method.Body.Instructions)
            {
                foreach (var t in Operand(instruction))
                {
                    yield return t;
                }
            }
        }
    }

    private static IEnumerable<TypeReference> Operand(Instruction instruction) => instruction.Operand switch
    {
        TypeReference t => Expand(t),
        MethodReference m => Expand(m.DeclaringType)
            .Concat(Expand(m.ReturnType))
            .Concat(m.Parameters.SelectMany(p => Expand(p.ParameterType)))
            .Concat(m is GenericInstanceMethod g ? g.GenericArguments.SelectMany(Expand) : []),
        FieldReference f => Expand(f.DeclaringType).Concat(Expand(f.FieldType)),
        _ => [],
    };

    /// <summary>A type and the types it is built from (generic arguments, element types).</summary>
    private static IEnumerable<TypeReference> Expand(TypeReference type)
    {
        switch (type)
        {
            case GenericInstanceType generic:
                foreach (var t in Expand(generic.ElementType).Concat(generic.GenericArguments.SelectMany(Expand)))
                {
                    yield return t;
                }

                break;
            case TypeSpecification spec:
                foreach (var t in Expand(spec.ElementType))
                {
                    yield return t;
                }

                break;
            case GenericParameter:
                break;
            default:
                yield return type;
                break;
        }
    }
}
