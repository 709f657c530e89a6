using Messaging.Core.Conversations;
using Messaging.Web.Attachments;
using Messaging.Web.Infrastructure;
using Messaging.Web.Messages;
using Microsoft.AspNetCore.Mvc;

namespace Messaging.Web.Areas.Staff.Pages.Messages;

/// <summary>Staff start a direct conversation (one person) or a group (several, with a title), optionally within a project.</summary>
public sealed class NewModel(CurrentMemberAccessor accessor, ListRecipients recipients, StartConversation start, MessageUploadReader uploads)
    : NewConversationPageModel(accessor, recipients, start, uploads)
{
    public override string BasePath => "/staff/messages";

    [BindProperty]
    public long? ProjectId { get; set; }

    [BindProperty]
    public List<long> ParticipantIds { get; set; } = [];

    /// <summary>Each person once (a client of two projects appears once).</summary>
    public IEnumerable<Recipient> People => Options.Recipients.DistinctBy(r => r.MemberId);

    protected override (IReadOnlyList<long> Participants, long? ProjectId) ChosenPeople() => (ParticipantIds, ProjectId);
}
