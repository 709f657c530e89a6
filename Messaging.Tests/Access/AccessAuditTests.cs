using System.Globalization;
using System.Net;
using Messaging.Core.Access;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Access;

/// <summary>Role, permission, status and participant changes each leave one audit entry with who, what and which object.</summary>
public sealed class AccessAuditTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<long> EntriesAsync(string action, long objectId) => factory.Database.ScalarAsync<long>(
        $"SELECT count(*) FROM audit_entries WHERE action = '{action}' AND object_id = '{objectId.ToString(CultureInfo.InvariantCulture)}' AND actor_member_id IS NOT NULL AND ip_address IS NOT NULL");

    [Fact]
    public async Task MemberChangesAreAudited()
    {
        var id = await factory.AddMemberAsync("audited@test.local", "Audie Ted", MemberKind.Staff, StaffRole.Coordinator);
        using var admin = await factory.SignInAsync(Demo.Admin);
        var page = $"/admin/members/{id}";

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(page, $"{page}?handler=Role", new() { ["role"] = "Manager" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(page, $"{page}?handler=Permission", new() { ["permission"] = "messages.delete", ["setting"] = "Revoke" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(page, $"{page}?handler=Deactivate", new())).StatusCode);

        Assert.Equal(1, await EntriesAsync("member.role-change", id));
        Assert.Equal(1, await EntriesAsync("member.permission-change", id));
        Assert.Equal(1, await EntriesAsync("member.deactivate", id));
        Assert.Contains("Coordinator → Manager", await factory.Database.ScalarAsync<string>(
            $"SELECT detail FROM audit_entries WHERE action = 'member.role-change' AND object_id = '{id}'"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParticipantChangesAreAudited()
    {
        using var staff = await factory.SignInAsync(Demo.Staff);
        var id = await factory.Database.ConversationIdAsync("Moodboard feedback");
        var sol = await factory.Database.MemberIdAsync(Demo.Subcontractor);
        var thread = $"/staff/messages/{id}";
        var who = new Dictionary<string, string> { ["memberId"] = sol.ToString(CultureInfo.InvariantCulture) };

        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(thread, $"{thread}?handler=AddParticipant", who)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(thread, $"{thread}?handler=RemoveParticipant", who)).StatusCode);

        Assert.Equal(1, await EntriesAsync("participant.add", id));
        Assert.Equal(1, await EntriesAsync("participant.remove", id));
        Assert.Equal(0, await factory.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_entries a JOIN messages m ON a.object_id = m.id::text WHERE a.action = 'message.send' AND m.kind <> 'Text'"));
    }
}
