using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Tests.Data;

/// <summary>
/// Each entity's mapping is one <see cref="IEntityTypeConfiguration{TEntity}"/> beside the entity (e.g. Messages/MessageConfiguration.cs),
/// applied by <see cref="MessagingDbContext"/> from the assembly.
/// </summary>
public sealed class EntityConfigurationTests
{
    private static readonly Type[] Configurations = typeof(MessagingDbContext).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && ConfiguredEntity(t) is not null)
        .ToArray();

    [Fact]
    public void EveryEntityTypeInTheModelHasItsOwnConfigurationClass()
    {
        using var db = new MessagingDbContext(new DbContextOptionsBuilder<MessagingDbContext>().UseNpgsql("Host=unused").Options);
        var entities = db.Model.GetEntityTypes().Select(e => e.ClrType).OrderBy(t => t.FullName).ToList();

        Assert.NotEmpty(entities);
        Assert.Equal(entities, Configurations.Select(c => ConfiguredEntity(c)!).OrderBy(t => t.FullName).ToList());
    }

    [Fact]
    public void EachConfigurationIsNamedAfterItsEntityAndLivesInItsNamespace()
    {
        Assert.All(Configurations, c =>
        {
            var entity = ConfiguredEntity(c)!;
            Assert.Equal(entity.Name + "Configuration", c.Name);
            Assert.Equal(entity.Namespace, c.Namespace);
        });
    }

    private static Type? ConfiguredEntity(Type type) => type.GetInterfaces()
        .SingleOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>))
        ?.GetGenericArguments()[0];
}
