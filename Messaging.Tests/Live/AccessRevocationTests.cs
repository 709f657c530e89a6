using System.Globalization;
using System.Net;
using Messaging.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Messaging.Tests.Live;

/// <summary>A portal whose streams re-check access only every five minutes, so what ends a stream here is the revocation notice.</summary>
public sealed class SlowHeartbeatPortalFactory : PortalFactory
{
    protected override void ConfigureSettings(IWebHostBuilder builder) =>
        builder.UseSetting("Messaging:Live:HeartbeatSeconds", "300");
}

/// <summary>Losing access ends open event streams at once, through the NOTIFY revocation notice (not the periodic re-check).</summary>
public sealed class AccessRevocationTests(SlowHeartbeatPortalFactory factory) : IClassFixture<SlowHeartbeatPortalFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task RemovingAParticipantEndsTheirStreamAtOnce()
    {
        using var staff = await factory.SignInAsync(Demo.Staff);
        using var sol = await factory.SignInAsync(Demo.Subcontractor);
        var id = await factory.Database.ConversationIdAsync("Launch timeline");
        var who = new Dictionary<string, string> { ["memberId"] = (await factory.Database.MemberIdAsync(Demo.Subcontractor)).ToString(CultureInfo.InvariantCulture) };
        var thread = $"/staff/messages/{id}";
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(thread, $"{thread}?handler=AddParticipant", who)).StatusCode);
        await using var stream = await SseReader.OpenAsync(sol.Http, $"/events?conversationId={id}");
        Assert.NotNull(await stream.WaitForAsync(e => e.Type == "ready", Wait));

        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(thread, $"{thread}?handler=RemoveParticipant", who)).StatusCode);

        Assert.True(await stream.WaitForCloseAsync(Wait), "the removed participant's stream stayed open");
    }

    [Fact]
    public async Task DeactivatingAMemberEndsTheirStreamAtOnce()
    {
        var id = await factory.AddMemberAsync("leaving@test.local", "Lee Leaving", Core.Access.MemberKind.Client, null);
        using var leaving = await factory.SignInAsync("leaving@test.local");
        using var admin = await factory.SignInAsync(Demo.Admin);
        await using var stream = await SseReader.OpenAsync(leaving.Http, "/events");
        Assert.NotNull(await stream.WaitForAsync(e => e.Type == "ready", Wait));

        var page = $"/admin/members/{id}";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(page, $"{page}?handler=Deactivate", new())).StatusCode);

        Assert.True(await stream.WaitForCloseAsync(Wait), "the deactivated member's stream stayed open");
    }
}
