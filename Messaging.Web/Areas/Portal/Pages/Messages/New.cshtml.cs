using System.Globalization;
using Messaging.Core.Conversations;
using Messaging.Web.Attachments;
using Messaging.Web.Infrastructure;
using Messaging.Web.Messages;
using Microsoft.AspNetCore.Mvc;

namespace Messaging.Web.Areas.Portal.Pages.Messages;

/// <summary>A client writes to one team member of one of their projects.</summary>
public sealed class NewModel(CurrentMemberAccessor accessor, ListRecipients recipients, StartConversation start, MessageUploadReader uploads)
    : NewConversationPageModel(accessor, recipients, start, uploads)
{
    public override string BasePath => "/portal/messages";

    /// <summary>"projectId:memberId" of the chosen team member.</summary>
    [BindProperty]
    public string? Recipient { get; set; }

    protected override (IReadOnlyList<long> Participants, long? ProjectId) ChosenPeople()
    {
        var parts = (Recipient ?? "").Split(':');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var project)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var member)
            ? ([member], project)
            : ([], null);
    }
}
