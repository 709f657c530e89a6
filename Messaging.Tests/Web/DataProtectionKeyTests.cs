using System.Net;
using Messaging.Tests.Infrastructure;
using Messaging.Web.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Messaging.Tests.Web;

/// <summary>Two web nodes on one database share the Data Protection key ring, so either accepts what the other issued.</summary>
public sealed class DataProtectionKeyTests(PortalFactory nodeA) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ASignInCookieAndAFormTokenFromOneNodeAreAcceptedByAnother()
    {
        var jar = new System.Net.CookieContainer();
        using var onA = new PortalClient(nodeA.CreateDefaultClient(PortalFactory.BaseAddress, new CookieContainerHandler(jar)));
        await onA.SignInAsync(Demo.Client);
        var id = await nodeA.Database.ConversationIdAsync("Invoice question");
        var tokenFromA = (await onA.GetPageAsync($"/portal/messages/{id}")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        await using var nodeB = new SecondNodeFactory(nodeA.Database);
        await ((IAsyncLifetime)nodeB).InitializeAsync();
        using var onB = new PortalClient(nodeB.CreateDefaultClient(PortalFactory.BaseAddress, new CookieContainerHandler(jar)));

        var page = await onB.GetAsync($"/portal/messages/{id}");
        var reply = await onB.Http.PostAsync($"/portal/messages/{id}?handler=Reply", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Body"] = "Posted on node B with node A's token",
            ["Input.IdempotencyKey"] = Guid.NewGuid().ToString(),
            ["__RequestVerificationToken"] = tokenFromA,
        }));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        Assert.Equal(1, await nodeA.Database.ScalarAsync<long>("SELECT count(*) FROM messages WHERE body = 'Posted on node B with node A''s token'"));
        Assert.True(await nodeA.Database.ScalarAsync<long>("SELECT count(*) FROM data_protection_keys") >= 1);
        Assert.IsType<EntityFrameworkCoreXmlRepository<IdentityStoreDbContext>>(nodeB.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository);
    }
}
