using System.Globalization;
using System.Net;
using Messaging.Core.Access;
using Messaging.Core.Projects;
using Messaging.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Tests.Access;

/// <summary>Who the matrix signs in as.</summary>
public enum Role
{
    Anonymous,
    Client,
    ClientOfAnotherProject,
    Viewer,
    CoordinatorNotAssigned,
    CoordinatorAssigned,
    Manager,
    Admin,
    Deactivated,
}

/// <summary>What a request may end in.</summary>
public enum Outcome
{
    /// <summary>The page, fragment or stream answered (2xx, a redirect other than sign-in, or 422 for the empty forms the matrix posts).</summary>
    Allowed,
    NotFound,

    /// <summary>Sent to the sign-in page (or 401 from the event stream, which is not a page).</summary>
    SignIn,

    /// <summary>403 with a message: the member may see this but lacks the permission to do it (a Viewer's crafted send).</summary>
    Refused,
}

/// <summary>
/// Every endpoint the application maps (pages, their named handlers, minimal endpoints, /events),
/// requested as every kind of member, against the outcome the access rules promise. An endpoint
/// missing from the matrix fails the test, so no new route goes unchecked.
/// </summary>
public sealed class PermissionMatrixTests(PermissionMatrixTests.Fixture fixture) : IClassFixture<PermissionMatrixTests.Fixture>
{
    public sealed class Fixture : PortalFactory
    {
        public long Conversation { get; private set; }

        public long TargetMember { get; private set; }

        public long Project { get; private set; }

        /// <summary>A message by Sam (the assigned Coordinator) in the conversation: others may report it, Sam may not.</summary>
        public long SamMessage { get; private set; }

        /// <summary>Another (old) message by Sam, for the message item endpoints: everyone who reads it may fetch it, nobody may edit it (past the window), Sam and Admins may delete it.</summary>
        public long ItemMessage { get; private set; }

        public long ReportToDismiss { get; private set; }

        public long ReportToHide { get; private set; }

        /// <summary>A PNG attached to Sam's message: whoever may read the message may download and preview it.</summary>
        public long Attachment { get; private set; }

        /// <summary>A standard webhook (to an address nothing is ever sent to: the dispatcher is off) with one delivered delivery, <see cref="Delivery"/>.</summary>
        public long Webhook { get; private set; }

        public long Delivery { get; private set; }

        /// <summary>A webhook the Admin's delete removes, and a Slack channel the Admin's remove removes (the others get 404 first).</summary>
        public long WebhookToDelete { get; private set; }

        public long ChatChannel { get; private set; }

        public long ChatChannelToRemove { get; private set; }

        public Dictionary<Role, PortalClient> Clients { get; } = [];

        public async Task PrepareAsync()
        {
            if (Clients.Count > 0)
            {
                return;
            }

            Conversation = await Database.ConversationIdAsync("Spring campaign kickoff");
            await this.AddMemberAsync("coordinator2@test.local", "Cora Unassigned", MemberKind.Staff, StaffRole.Coordinator, ("Product Launch", ProjectRelation.Team));
            TargetMember = await this.AddMemberAsync("target@test.local", "Tess Target", MemberKind.Staff, StaffRole.Coordinator);
            await this.AddMemberAsync("gone@test.local", "Gus Gone", MemberKind.Staff, StaffRole.Manager);
            Project = await Database.ScalarAsync<long>("INSERT INTO projects (workspace_id, name, stage, created_at) SELECT id, 'Matrix project', 'Active', now() FROM workspaces ORDER BY id LIMIT 1 RETURNING id");

            SamMessage = await Database.ScalarAsync<long>($"SELECT min(m.id) FROM messages m JOIN members a ON a.id = m.author_member_id WHERE m.conversation_id = {Conversation} AND a.display_name = 'Sam Staff' AND m.visibility = 'Everyone'");
            ItemMessage = await Database.ScalarAsync<long>($"SELECT id FROM messages WHERE conversation_id = {Conversation} AND body LIKE 'Answer 3:%'");
            ReportToDismiss = await ReportAsync(SamMessage);
            ReportToHide = await ReportAsync(SamMessage + 2);
            Attachment = await this.AttachAsync(SamMessage, "matrix.png", TestFiles.Png);
            Webhook = await WebhookAsync("Standard");
            WebhookToDelete = await WebhookAsync("Standard");
            ChatChannel = await WebhookAsync("Slack");
            ChatChannelToRemove = await WebhookAsync("Teams");
            Delivery = await Database.ScalarAsync<long>($"""
                INSERT INTO webhook_deliveries (webhook_id, event_id, event_type, body, status, attempts, due_at, give_up_at, last_status_code, created_at, delivered_at)
                VALUES ({Webhook}, gen_random_uuid(), 'message.created', '[]', 'Delivered', 0, now(), now() + interval '1 day', 200, now(), now()) RETURNING id
                """);

            foreach (var role in Enum.GetValues<Role>())
            {
                Clients[role] = await SignInAsAsync(role);
            }

            await Database.ExecuteAsync("UPDATE members SET is_active = false WHERE display_name = 'Gus Gone'");
        }

        private Task<long> WebhookAsync(string format) => Database.ScalarAsync<long>($"""
            INSERT INTO webhooks (workspace_id, format, url, events, include_internal, protected_secret, enabled, created_by_member_id, created_at)
            SELECT id, '{format}', 'https://receiver.invalid/hook', 'message.created', false, '', true, 0, now() FROM workspaces ORDER BY id LIMIT 1 RETURNING id
            """);

        private Task<long> ReportAsync(long message) => Database.ScalarAsync<long>($"""
            INSERT INTO message_reports (workspace_id, message_id, reporter_member_id, reason, status, created_at)
            SELECT m.workspace_id, m.id, c.id, 'Spam', 'Open', now() FROM messages m, members c WHERE m.id = {message} AND c.display_name = 'Chloe Client' RETURNING id
            """);

        private readonly Dictionary<Role, string> tokens = [];

        /// <summary>A read-write API token of the role's member, made once; none for the anonymous and the deactivated (who cannot hold a working one).</summary>
        public async Task<string?> TokenAsync(Role role)
        {
            if (Email(role) is not { } email || role == Role.Deactivated)
            {
                return null;
            }

            if (!tokens.TryGetValue(role, out var token))
            {
                token = await this.CreateTokenAsync(email);
                tokens[role] = token;
            }

            return token;
        }

        public async Task<PortalClient> SignInAsAsync(Role role)
        {
            var email = Email(role);
            return email is null ? NewClient() : await SignInAsync(email);
        }

        private static string? Email(Role role) => role switch
        {
            Role.Anonymous => null,
            Role.Client => Demo.Client,
            Role.ClientOfAnotherProject => Demo.Client2,
            Role.Viewer => Demo.Viewer,
            Role.CoordinatorNotAssigned => "coordinator2@test.local",
            Role.CoordinatorAssigned => Demo.Staff,
            Role.Manager => Demo.Manager,
            Role.Admin => Demo.Admin,
            Role.Deactivated => "gone@test.local",
            _ => throw new ArgumentOutOfRangeException(nameof(role)),
        };
    }

    /// <summary>An endpoint's promise: the outcome for each role, the form it posts, and whether it signs the member out.</summary>
    /// <remarks>An <see cref="Api"/> entry is requested with each role's bearer token (none for the anonymous and the deactivated) instead of its session, and posts <see cref="Json"/>.</remarks>
    private sealed record Entry(Func<Role, Outcome> Expect, Dictionary<string, string>? Form = null, bool SignsOut = false, string Query = "", bool Api = false, object? Json = null);

    private static Entry Api(Func<Role, Outcome> expect, object? json = null) => new(expect, Api: true, Json: json);

    /// <summary>Listing projects through the API: a client lists their own, Managers and Admins all; other staff get 404.</summary>
    private static Outcome ProjectListers(Role role) => Gate(role, r => r is Role.Client or Role.ClientOfAnotherProject or Role.Manager or Role.Admin ? Outcome.Allowed : Outcome.NotFound);

    private static Outcome Public(Role role) => Outcome.Allowed;

    private static Outcome Gate(Role role, Func<Role, Outcome> signedIn) =>
        role is Role.Anonymous or Role.Deactivated ? Outcome.SignIn : signedIn(role);

    private static Outcome SignedIn(Role role) => Gate(role, _ => Outcome.Allowed);

    private static Outcome Clients(Role role) => Gate(role, r => r is Role.Client or Role.ClientOfAnotherProject ? Outcome.Allowed : Outcome.NotFound);

    private static Outcome ClientThread(Role role) => Gate(role, r => r == Role.Client ? Outcome.Allowed : Outcome.NotFound);

    private static Outcome Staff(Role role) => Gate(role, r => r is Role.Client or Role.ClientOfAnotherProject ? Outcome.NotFound : Outcome.Allowed);

    private static Outcome StaffSend(Role role) => Gate(role, r => r switch
    {
        Role.Client or Role.ClientOfAnotherProject => Outcome.NotFound,
        Role.Viewer => Outcome.Refused,
        _ => Outcome.Allowed,
    });

    private static Outcome StaffThreadRead(Role role) => Gate(role, r => r is Role.Viewer or Role.CoordinatorAssigned or Role.Manager or Role.Admin ? Outcome.Allowed : Outcome.NotFound);

    private static Outcome StaffThreadSend(Role role) => role == Role.Viewer ? Outcome.Refused : StaffThreadManage(role);

    private static Outcome StaffThreadManage(Role role) => Gate(role, r => r is Role.CoordinatorAssigned or Role.Manager or Role.Admin ? Outcome.Allowed : Outcome.NotFound);

    private static Outcome ConversationReaders(Role role) => role == Role.Client ? Outcome.Allowed : StaffThreadRead(role);

    private static Outcome Managers(Role role) => Gate(role, r => r is Role.Manager or Role.Admin ? Outcome.Allowed : Outcome.NotFound);

    private static Outcome Admins(Role role) => Gate(role, r => r == Role.Admin ? Outcome.Allowed : Outcome.NotFound);

    /// <summary>Reporting Sam's message: whoever can read it, except Sam himself (your own message is not reportable, 404).</summary>
    private static Outcome ReportersOfSamsMessage(Role role) => role == Role.CoordinatorAssigned ? Outcome.NotFound : ConversationReaders(role);

    /// <summary>Blocking a staff member (Tess): staff may, clients may block only clients (403 with the reason).</summary>
    private static Outcome BlockStaff(Role role) => Gate(role, r => r is Role.Client or Role.ClientOfAnotherProject ? Outcome.Refused : Outcome.Allowed);

    /// <summary>Unblocking Tess: whoever blocked her; for clients, who could not, she is not on their list (404).</summary>
    private static Outcome UnblockStaff(Role role) => BlockStaff(role) == Outcome.Refused ? Outcome.NotFound : BlockStaff(role);

    /// <summary>Editing Sam's old message: refused (403) for whoever can read it (not theirs, or past the edit window), not found for the rest.</summary>
    private static Outcome EditOldMessage(Role role) => ConversationReaders(role) == Outcome.Allowed ? Outcome.Refused : ConversationReaders(role);

    /// <summary>Deleting Sam's message: Sam (his own, with messages.delete) and Admins; other readers are refused, the rest get 404.</summary>
    private static Outcome DeleteSamsMessage(Role role) => role is Role.CoordinatorAssigned or Role.Admin ? Outcome.Allowed : EditOldMessage(role);

    private static Dictionary<string, string> EmptyMessage() => new() { ["Input.Body"] = "", ["Input.IdempotencyKey"] = Guid.NewGuid().ToString() };

    private static Dictionary<string, string> NoOne() => new() { ["memberId"] = "0" };

    /// <summary>Typing: whoever may write in the conversation; a Viewer reads but may not (403).</summary>
    private static Outcome Typists(Role role) => role == Role.Viewer ? Outcome.Refused : ConversationReaders(role);

    /// <summary>Editing or cancelling a scheduled message that is not one's own (here: none at all) is not found for everyone signed in.</summary>
    private static Outcome NobodysScheduled(Role role) => Gate(role, _ => Outcome.NotFound);

    private static Dictionary<string, string> NoScheduled() => new() { ["scheduledId"] = "0", ["body"] = "x", ["scheduleAt"] = "2999-01-01T10:00" };

    /// <summary>The matrix. Keys are "METHOD /route" plus "?handler=Name" for named page handlers.</summary>
    private static readonly Dictionary<string, Entry> Matrix = new(StringComparer.OrdinalIgnoreCase)
    {
        // Public
        ["GET /account/login"] = new(Public),
        ["POST /account/login"] = new(Public, new()),
        ["GET /account/activate"] = new(Public),
        ["POST /account/activate"] = new(Public, new()),
        ["GET /account/access-denied"] = new(_ => Outcome.Refused),
        ["GET /error"] = new(Public),
        ["POST /error"] = new(Public, new()),
        ["GET /status/{code:int}"] = new(Public),
        ["POST /status/{code:int}"] = new(Public, new()),
        ["GET /healthz"] = new(Public),
        ["GET /healthz/live"] = new(Public),

        // The inbound-mail webhook: no session counts, only the HMAC signature. Without a configured secret (as here) it
        // is off: 404 for everyone; with one, an unsigned post is 401 (EmailReplyTests).
        ["POST /inbound/email"] = new(_ => Outcome.NotFound, new()),

        // Any signed-in member
        ["GET /"] = new(SignedIn),
        ["GET /account/logout"] = new(Public),
        ["POST /account/logout"] = new(_ => Outcome.SignIn, new(), SignsOut: true),
        ["GET /messages/unread-badge"] = new(SignedIn),
        ["GET /events"] = new(ConversationReaders, Query: "conversationId={conversation}"),
        ["POST /messages/typing/{id:long}"] = new(Typists, new()),

        // Own preferences, blocking, reporting
        ["GET /account/preferences"] = new(SignedIn),
        ["POST /account/preferences"] = new(SignedIn, new() { ["WhoMayStart"] = "Everyone" }),
        ["POST /account/preferences?handler=Block"] = new(BlockStaff, new() { ["memberId"] = "{target}" }),
        ["POST /account/preferences?handler=Unblock"] = new(UnblockStaff, new() { ["memberId"] = "{target}" }),
        ["GET /messages/report/{messageId:long}"] = new(ReportersOfSamsMessage),
        ["GET /files/{id:long}"] = new(ConversationReaders),
        ["GET /files/{id:long}/preview"] = new(ConversationReaders),
        ["GET /files/{id:long}/thumbnail"] = new(ConversationReaders),
        ["POST /messages/report/{messageId:long}"] = new(ReportersOfSamsMessage, new()),
        ["GET /messages/item/{messageId:long}"] = new(ConversationReaders),
        ["GET /messages/item/{messageId:long}?handler=History"] = new(StaffThreadRead),
        ["POST /messages/item/{messageId:long}?handler=Edit"] = new(EditOldMessage, new() { ["body"] = "edited" }),
        ["POST /messages/item/{messageId:long}?handler=Delete"] = new(DeleteSamsMessage, new()),

        // Client portal
        ["GET /portal/messages"] = new(Clients),
        ["GET /portal/home"] = new(Clients),
        ["GET /portal/home?handler=Widgets"] = new(Clients),
        ["GET /portal/messages/new"] = new(Clients),
        ["POST /portal/messages/new"] = new(Clients, new()),
        ["GET /portal/messages/{id:long}"] = new(ClientThread),
        ["GET /portal/messages/{id:long}?handler=Earlier"] = new(ClientThread, Query: "before=99999999"),
        ["GET /portal/messages/{id:long}?handler=Newer"] = new(ClientThread, Query: "after=0"),
        ["POST /portal/messages/{id:long}?handler=Reply"] = new(ClientThread, EmptyMessage()),
        ["POST /portal/messages?handler=Bulk"] = new(Clients, new()),
        ["GET /portal/messages/{id:long}?handler=Receipts"] = new(ClientThread),
        ["GET /portal/messages/{id:long}?handler=Presence"] = new(ClientThread),
        ["GET /portal/messages/{id:long}?handler=Scheduled"] = new(ClientThread),
        ["POST /portal/messages/{id:long}?handler=Schedule"] = new(ClientThread, EmptyMessage()),
        ["POST /portal/messages/{id:long}?handler=EditScheduled"] = new(NobodysScheduled, NoScheduled()),
        ["POST /portal/messages/{id:long}?handler=CancelScheduled"] = new(NobodysScheduled, NoScheduled()),
        ["GET /portal/messages/{id:long}/files"] = new(ClientThread),
        ["GET /portal/messages/search"] = new(Clients, Query: "q=spring"),
        ["POST /portal/messages/search?handler=Save"] = new(Clients, new() { ["name"] = "" }),
        ["POST /portal/messages/search?handler=DeleteSaved"] = new(NobodysScheduled, new() { ["savedSearchId"] = "0" }),
        ["GET /portal/settings/notifications"] = new(Clients),
        ["POST /portal/settings/notifications"] = new(Clients, new()),

        // Staff inbox
        ["GET /staff/messages"] = new(Staff),
        ["GET /staff/home"] = new(Staff),
        ["GET /staff/home?handler=Widgets"] = new(Staff),
        ["GET /staff/messages/search"] = new(Staff, Query: "q=spring"),
        ["POST /staff/messages/search?handler=Save"] = new(Staff, new() { ["name"] = "" }),
        ["POST /staff/messages/search?handler=DeleteSaved"] = new(NobodysScheduled, new() { ["savedSearchId"] = "0" }),
        ["GET /staff/messages/new"] = new(Staff),
        ["POST /staff/messages/new"] = new(StaffSend, new()),
        ["GET /staff/messages/{id:long}"] = new(StaffThreadRead),
        ["GET /staff/messages/{id:long}?handler=Earlier"] = new(StaffThreadRead, Query: "before=99999999"),
        ["GET /staff/messages/{id:long}?handler=Newer"] = new(StaffThreadRead, Query: "after=0"),
        ["POST /staff/messages/{id:long}?handler=Reply"] = new(StaffThreadSend, EmptyMessage()),
        ["POST /staff/messages/{id:long}?handler=Note"] = new(StaffThreadSend, EmptyMessage()),
        ["POST /staff/messages/{id:long}?handler=AddParticipant"] = new(StaffThreadManage, NoOne()),
        ["POST /staff/messages/{id:long}?handler=RemoveParticipant"] = new(StaffThreadManage, NoOne()),
        ["POST /staff/messages?handler=Bulk"] = new(Staff, new()),
        ["GET /staff/messages/{id:long}?handler=Receipts"] = new(StaffThreadRead),
        ["GET /staff/messages/{id:long}?handler=Presence"] = new(StaffThreadRead),
        ["GET /staff/messages/{id:long}?handler=Scheduled"] = new(StaffThreadRead),
        ["POST /staff/messages/{id:long}?handler=Schedule"] = new(StaffThreadSend, EmptyMessage()),
        ["POST /staff/messages/{id:long}?handler=EditScheduled"] = new(NobodysScheduled, NoScheduled()),
        ["POST /staff/messages/{id:long}?handler=CancelScheduled"] = new(NobodysScheduled, NoScheduled()),
        ["GET /staff/messages/{id:long}/files"] = new(StaffThreadRead),
        ["GET /staff/settings/notifications"] = new(Staff),
        ["POST /staff/settings/notifications"] = new(Staff, new()),

        // Shared inbox (issue 9)
        ["GET /staff/inbox"] = new(Staff),
        ["GET /staff/inbox?handler=Counts"] = new(Staff),
        ["GET /staff/inbox?handler=Notice"] = new(Staff, Query: "messageId=0"),
        ["POST /staff/inbox?handler=Assign"] = new(StaffThreadSend, new() { ["conversationId"] = "{conversation}", ["memberId"] = "" }),
        ["GET /staff/inbox/{id:long}"] = new(Staff),
        ["GET /staff/inbox/{id:long}?handler=Panel"] = new(StaffThreadRead),
        ["POST /staff/inbox/{id:long}?handler=Assign"] = new(StaffThreadSend, new() { ["memberId"] = "" }),
        ["POST /staff/inbox/{id:long}?handler=Status"] = new(StaffThreadSend, new() { ["status"] = "Open" }),
        ["POST /staff/inbox/{id:long}?handler=Tag"] = new(StaffThreadSend, new() { ["tagId"] = "0", ["add"] = "true" }),
        ["GET /staff/inbox/{id:long}?handler=Replies"] = new(StaffThreadRead),
        ["POST /staff/inbox/{id:long}?handler=Working"] = new(StaffThreadRead, new() { ["state"] = "viewing" }),
        ["GET /staff/replies"] = new(Staff),
        ["POST /staff/replies"] = new(Staff, new()),
        ["POST /staff/replies?handler=Delete"] = new(NobodysScheduled, new() { ["replyId"] = "0" }),
        ["GET /staff/reports"] = new(Managers),
        ["GET /staff/reports?handler=Csv"] = new(Managers),
        ["GET /staff/tags"] = new(Staff),
        ["POST /staff/tags?handler=Create"] = new(Managers, new() { ["name"] = "" }),
        ["POST /staff/tags?handler=Delete"] = new(NobodysScheduled, new() { ["tagId"] = "0" }),
        ["GET /staff/absence"] = new(Staff),
        ["POST /staff/absence"] = new(Staff, new()),
        ["POST /staff/absence?handler=Remove"] = new(NobodysScheduled, new() { ["absenceId"] = "0" }),

        // Exports (issue 6): one conversation for whoever reads it, bulk from each list, own jobs only, verify for anyone
        ["GET /exports"] = new(SignedIn),
        ["GET /exports/conversation/{id:long}"] = new(ConversationReaders),
        ["GET /exports/jobs/{id:long}"] = new(NobodysScheduled),
        ["GET /exports/jobs/{id:long}?handler=Progress"] = new(NobodysScheduled),
        ["GET /exports/jobs/{id:long}?handler=Download"] = new(NobodysScheduled),
        ["GET /exports/verify"] = new(Public),
        ["POST /exports/verify"] = new(Public, new()),
        ["POST /portal/messages?handler=Export"] = new(Clients, new()),
        ["POST /staff/messages?handler=Export"] = new(Staff, new()),

        // Projects: Managers and Admins
        ["GET /staff/projects"] = new(Managers),
        ["POST /staff/projects?handler=Create"] = new(Managers, new() { ["Name"] = "" }),
        ["GET /staff/projects/{id:long}"] = new(Managers),
        ["POST /staff/projects/{id:long}?handler=Stage"] = new(Managers, new() { ["stage"] = "Active" }),
        ["POST /staff/projects/{id:long}?handler=AutoAssign"] = new(Managers, new() { ["on"] = "false" }),
        ["POST /staff/projects/{id:long}?handler=Add"] = new(Managers, NoOne()),
        ["POST /staff/projects/{id:long}?handler=Remove"] = new(Managers, NoOne()),
        ["GET /staff/projects/{id:long}/files"] = new(Managers),
        ["POST /staff/projects/{id:long}?handler=Contact"] = new(Managers, new() { ["memberId"] = "0", ["state"] = "Accepted" }),
        ["POST /staff/projects/{id:long}?handler=ThreadMode"] = new(Managers, new() { ["perContact"] = "false" }),
        ["POST /staff/projects/{id:long}?handler=Message"] = new(Managers, NoOne()),

        // The thread's project panel (the id is the conversation's): staff who read the thread get it; editing needs
        // projects.edit and the project's team (or Manager/Admin): a Viewer reads but is refused (403).
        ["GET /staff/project-panel/{id:long}"] = new(Staff),
        ["GET /staff/project-panel/{id:long}?handler=Panel"] = new(StaffThreadRead),
        ["POST /staff/project-panel/{id:long}?handler=Details"] = new(StaffThreadSend, new()),
        ["POST /staff/project-panel/{id:long}?handler=Payment"] = new(StaffThreadSend, new() { ["state"] = "" }),
        ["POST /staff/project-panel/{id:long}?handler=AddItem"] = new(StaffThreadSend, new() { ["title"] = "" }),
        ["POST /staff/project-panel/{id:long}?handler=Item"] = new(StaffThreadSend, new() { ["deliverableId"] = "0", ["state"] = "Done" }),
        ["POST /staff/project-panel/{id:long}?handler=AddMilestone"] = new(StaffThreadSend, new() { ["title"] = "" }),
        ["POST /staff/project-panel/{id:long}?handler=Milestone"] = new(StaffThreadSend, new() { ["milestoneId"] = "0", ["progress"] = "50" }),

        // A client's projects: their own list; answering an invitation to a project they are not invited to (the
        // matrix project has no contacts) is not found for every client, and the portal is not found for staff.
        ["GET /portal/projects"] = new(Clients),
        ["POST /portal/projects?handler=Accept"] = new(NobodysScheduled, new() { ["projectId"] = "{project}" }),
        ["POST /portal/projects?handler=Decline"] = new(NobodysScheduled, new() { ["projectId"] = "{project}" }),

        // Administration
        ["GET /admin/settings"] = new(Admins),
        ["POST /admin/settings"] = new(Admins, new() { ["MessagesEnabled"] = "true" }),
        ["POST /admin/settings?handler=Messages"] = new(Admins, new() { ["EditWindowMinutes"] = "15" }),
        ["POST /admin/settings?handler=Reminders"] = new(Admins, new() { ["ReminderDaysBefore"] = "2" }),
        ["POST /admin/settings?handler=Receipts"] = new(Admins, new() { ["readReceipts"] = "true" }),
        ["POST /admin/settings?handler=Files"] = new(Admins, new()),
        ["POST /admin/settings?handler=Inbox"] = new(Admins, new() { ["outOfOfficeEnabled"] = "true" }),
        ["POST /admin/settings?handler=TimeZone"] = new(Admins, new() { ["timeZone"] = "UTC" }),
        ["GET /admin/search"] = new(Admins),
        ["GET /admin/search?handler=Progress"] = new(Admins),
        ["POST /admin/search?handler=Rebuild"] = new(Admins, new()),
        ["POST /admin/search?handler=Language"] = new(Admins, new() { ["language"] = "" }),
        ["GET /admin/audit"] = new(Admins),
        ["GET /admin/mailbox"] = new(Admins),
        ["POST /admin/mailbox"] = new(Admins, new() { ["Input.Port"] = "993", ["Input.Security"] = "Tls" }),
        ["GET /staff/mail/held"] = new(Managers),
        ["POST /staff/mail/held?handler=Release"] = new(_ => Gate(_, r => Outcome.NotFound), new() { ["mailId"] = "0", ["clientId"] = "0" }),
        ["POST /staff/mail/held?handler=Discard"] = new(_ => Gate(_, r => Outcome.NotFound), new() { ["mailId"] = "0" }),
        ["GET /admin/reports"] = new(Admins),
        ["POST /admin/reports?handler=Dismiss"] = new(Admins, new() { ["reportId"] = "{dismiss}" }),
        ["POST /admin/reports?handler=Hide"] = new(Admins, new() { ["reportId"] = "{hide}" }),
        ["GET /admin/members"] = new(Admins),
        ["POST /admin/members?handler=Add"] = new(Admins, new()),
        ["GET /admin/members/{id:long}"] = new(Admins),
        ["POST /admin/members/{id:long}?handler=Role"] = new(Admins, new() { ["role"] = "Coordinator" }),
        ["POST /admin/members/{id:long}?handler=Permission"] = new(Admins, new() { ["permission"] = "" }),
        ["POST /admin/members/{id:long}?handler=Deactivate"] = new(Admins, new()),
        ["POST /admin/members/{id:long}?handler=Reactivate"] = new(Admins, new()),
        ["POST /admin/members/{id:long}?handler=ActivationLink"] = new(Admins, new()),

        // Webhooks and Slack / Teams channels: Admins only, another workspace's or an unknown id is 404 (WebhookPagesTests).
        // The empty registration forms answer 422 with the reason; disable comes before resend, which then answers 422 too.
        ["GET /admin/webhooks"] = new(Admins),
        ["POST /admin/webhooks?handler=Create"] = new(Admins, new() { ["Input.Url"] = "" }),
        ["POST /admin/webhooks?handler=Disable"] = new(Admins, new() { ["webhookId"] = "{webhook}" }),
        ["POST /admin/webhooks?handler=Enable"] = new(Admins, new() { ["webhookId"] = "{webhook}" }),
        ["POST /admin/webhooks?handler=Delete"] = new(Admins, new() { ["webhookId"] = "{webhookToDelete}" }),
        ["GET /admin/webhooks/{id:long}"] = new(Admins),
        ["POST /admin/webhooks/{id:long}?handler=Resend"] = new(Admins, new() { ["deliveryId"] = "{delivery}" }),
        ["GET /admin/chat"] = new(Admins),
        ["POST /admin/chat?handler=Add"] = new(Admins, new() { ["Input.Url"] = "" }),
        ["POST /admin/chat?handler=Disable"] = new(Admins, new() { ["webhookId"] = "{chat}" }),
        ["POST /admin/chat?handler=Enable"] = new(Admins, new() { ["webhookId"] = "{chat}" }),
        ["POST /admin/chat?handler=Remove"] = new(Admins, new() { ["webhookId"] = "{chatToRemove}" }),

        // API tokens (the pages) and the REST API (bearer tokens only; a session cookie alone answers 401, see ApiAccessTests)
        ["GET /portal/settings/api-tokens"] = new(Clients),
        ["POST /portal/settings/api-tokens"] = new(Clients, new() { ["Input.Name"] = "" }),
        ["POST /portal/settings/api-tokens?handler=Revoke"] = new(NobodysScheduled, new() { ["tokenId"] = "0" }),
        ["GET /staff/settings/api-tokens"] = new(Staff),
        ["POST /staff/settings/api-tokens"] = new(Staff, new() { ["Input.Name"] = "" }),
        ["POST /staff/settings/api-tokens?handler=Revoke"] = new(NobodysScheduled, new() { ["tokenId"] = "0" }),
        ["GET /api/{documentName}/openapi.json"] = new(Public),
        ["GET /api/docs/{documentName?}"] = new(Public),
        ["GET /api/docs/scalar.js"] = new(Public),
        ["GET /api/docs/scalar.aspnetcore.js"] = new(Public),
        ["GET /api/docs/favicon.svg"] = new(Public),
        ["GET /api/v1/me"] = Api(SignedIn),
        ["GET /api/v1/conversations"] = Api(SignedIn),
        ["GET /api/v1/conversations/{id:long}"] = Api(ConversationReaders),
        ["GET /api/v1/conversations/{id:long}/messages"] = Api(ConversationReaders),
        ["POST /api/v1/conversations/{id:long}/messages"] = Api(Typists, new { body = "" }),
        ["GET /api/v1/messages/{id:long}"] = Api(ConversationReaders),
        ["GET /api/v1/attachments/{id:long}"] = Api(ConversationReaders),
        ["GET /api/v1/search"] = Api(SignedIn),
        ["GET /api/v1/projects"] = Api(ProjectListers),
        ["GET /api/v1/projects/{id:long}"] = Api(Managers),
    };

    [Fact]
    public async Task EveryMappedEndpointHasAnEntryAndEveryEntryIsMapped()
    {
        var mapped = await MappedEndpointsAsync();

        var missing = mapped.Except(Matrix.Keys, StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        var stale = Matrix.Keys.Except(mapped, StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "Endpoints without an entry in the permission matrix:\n" + string.Join("\n", missing));
        Assert.True(stale.Count == 0, "Matrix entries for endpoints that are not mapped:\n" + string.Join("\n", stale));
    }

    [Fact]
    public async Task EveryRoleGetsTheExpectedOutcomeOnEveryEndpoint()
    {
        await fixture.PrepareAsync();
        var failures = new List<string>();
        foreach (var (key, entry) in Matrix.OrderBy(e => e.Value.SignsOut))
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                var expected = entry.Expect(role);
                var (actual, status) = await RequestAsync(role, key, entry);
                if (actual != expected)
                {
                    failures.Add($"{key} as {role}: expected {expected}, got {actual} ({status})");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} outcomes differ from the matrix:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task IdsFromAnotherWorkspaceAnswer404()
    {
        await fixture.PrepareAsync();
        var (conversation, project, member) = await fixture.Database.AddForeignWorkspaceAsync();
        var urls = new[]
        {
            $"/staff/messages/{conversation}",
            $"/staff/messages/{conversation}?handler=Newer&after=0",
            $"/staff/projects/{project}",
            $"/admin/members/{member}",
        };
        foreach (var url in urls)
        {
            var response = await fixture.Clients[Role.Admin].GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Clients[Role.Client].GetAsync($"/portal/messages/{conversation}")).StatusCode);
        using var stream = await fixture.Clients[Role.Manager].Http.GetAsync($"/events?conversationId={conversation}", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.NotFound, stream.StatusCode);

        var reply = await fixture.Clients[Role.Admin].PostFormAsync("/account/login", $"/staff/messages/{conversation}?handler=Reply",
            new() { ["Input.Body"] = "should never land", ["Input.IdempotencyKey"] = Guid.NewGuid().ToString() });
        Assert.Equal(HttpStatusCode.NotFound, reply.StatusCode);
        Assert.Equal(1, await fixture.Database.MessageCountAsync(conversation));
    }

    private async Task<(Outcome Outcome, int Status)> RequestAsync(Role role, string key, Entry entry)
    {
        var space = key.IndexOf(' ', StringComparison.Ordinal);
        var method = key[..space];
        var url = Fill(key[(space + 1)..]);
        if (entry.Query.Length > 0)
        {
            url += (url.Contains('?', StringComparison.Ordinal) ? "&" : "?")
                + entry.Query.Replace("{conversation}", fixture.Conversation.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        if (entry.Api)
        {
            using var api = fixture.ApiClient(await fixture.TokenAsync(role));
            using var answer = method == "GET"
                ? await api.GetAsync(url, HttpCompletionOption.ResponseHeadersRead)
                : await api.PostJsonAsync(url, entry.Json ?? new { });
            return (Classify(answer), (int)answer.StatusCode);
        }

        // An endpoint that signs out gets a session of its own; a deactivated member can no longer start one, which leaves them anonymous.
        PortalClient? own = !entry.SignsOut ? null : role == Role.Deactivated ? fixture.NewClient() : await fixture.SignInAsAsync(role);
        var client = own ?? fixture.Clients[role];
        try
        {
            using var response = method == "GET"
                ? await client.Http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead)
                : await client.PostFormAsync("/account/login", url, (entry.Form ?? []).ToDictionary(f => f.Key, f => FillForm(f.Value)));
            return (Classify(response), (int)response.StatusCode);
        }
        finally
        {
            own?.Dispose();
        }
    }

    private static Outcome Classify(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.ToString() ?? "";
        return status switch
        {
            404 => Outcome.NotFound,
            401 => Outcome.SignIn, // API endpoints (the event stream) answer 401 instead of redirecting to the sign-in page
            403 => Outcome.Refused,
            >= 300 and < 400 when location.Contains("/account/login", StringComparison.OrdinalIgnoreCase) => Outcome.SignIn,
            >= 200 and < 400 or 422 => Outcome.Allowed,
            _ => (Outcome)(-status),
        };
    }

    private string FillForm(string value) => value switch
    {
        "{target}" => fixture.TargetMember.ToString(CultureInfo.InvariantCulture),
        "{dismiss}" => fixture.ReportToDismiss.ToString(CultureInfo.InvariantCulture),
        "{hide}" => fixture.ReportToHide.ToString(CultureInfo.InvariantCulture),
        "{conversation}" => fixture.Conversation.ToString(CultureInfo.InvariantCulture),
        "{project}" => fixture.Project.ToString(CultureInfo.InvariantCulture),
        "{webhook}" => fixture.Webhook.ToString(CultureInfo.InvariantCulture),
        "{webhookToDelete}" => fixture.WebhookToDelete.ToString(CultureInfo.InvariantCulture),
        "{delivery}" => fixture.Delivery.ToString(CultureInfo.InvariantCulture),
        "{chat}" => fixture.ChatChannel.ToString(CultureInfo.InvariantCulture),
        "{chatToRemove}" => fixture.ChatChannelToRemove.ToString(CultureInfo.InvariantCulture),
        _ => value,
    };

    private string Fill(string route)
    {
        var id = route.StartsWith("/admin/members/", StringComparison.Ordinal) ? fixture.TargetMember
            : route.StartsWith("/files/", StringComparison.Ordinal) || route.StartsWith("/api/v1/attachments/", StringComparison.Ordinal) ? fixture.Attachment
            : route.StartsWith("/staff/projects/", StringComparison.Ordinal) || route.StartsWith("/api/v1/projects/", StringComparison.Ordinal) ? fixture.Project
            : route.StartsWith("/api/v1/messages/", StringComparison.Ordinal) ? fixture.SamMessage
            : route.StartsWith("/admin/webhooks/", StringComparison.Ordinal) ? fixture.Webhook
            : fixture.Conversation;
        return route
            .Replace("{id:long}", id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{code:int}", "429", StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal)
            .Replace("{documentName?}", "", StringComparison.Ordinal)
            .Replace("{messageId:long}", (route.StartsWith("/messages/item/", StringComparison.Ordinal) ? fixture.ItemMessage : fixture.SamMessage).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>"METHOD /route[?handler=Name]" for every endpoint the app maps, with page handlers read from the compiled pages.</summary>
    private async Task<IReadOnlyCollection<string>> MappedEndpointsAsync()
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var loader = fixture.Services.GetRequiredService<PageLoader>();
        foreach (var endpoint in fixture.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                keys.Add($"GET {route}");
                foreach (var handler in compiled.HandlerMethods)
                {
                    keys.Add($"{handler.HttpMethod.ToUpperInvariant()} {route}{(handler.Name is null ? "" : $"?handler={handler.Name}")}");
                }

                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get];
            foreach (var method in methods)
            {
                keys.Add($"{method} {route}");
            }
        }

        return keys;
    }
}
