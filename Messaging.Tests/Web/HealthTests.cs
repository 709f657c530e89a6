using System.Net;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Web;

public sealed class HealthTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task HealthzAnswers200WhileTheDatabaseAnswersAnd503WhenItIsGone()
    {
        using var anonymous = factory.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Http.GetAsync("/healthz")).StatusCode);

        await factory.Database.DropAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await anonymous.Http.GetAsync("/healthz")).StatusCode);
    }
}
