using Messaging.Core.Access;
using Messaging.Core.Attachments;

namespace Messaging.Core.Settings;

/// <summary>Everything the company settings page shows, each section as stored.</summary>
public sealed record CompanySettings(
    bool MessagesEnabled, MessageSettings Messages, FileSettings Files, InboxSettings Inbox, bool ReadReceipts, string TimeZone);

/// <summary>The company settings page's data in one place (the page and its section partials only render it).</summary>
public sealed class GetCompanySettings(
    GetMessagesModule module, GetMessageSettings messages, GetFileSettings files, GetInboxSettings inbox, GetReadReceiptSetting receipts, GetWorkspaceTimeZone zone)
{
    public async Task<CompanySettings> HandleAsync(CurrentMember me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var workspace = me.WorkspaceId;
        return new CompanySettings(
            await module.HandleAsync(workspace, ct),
            await messages.HandleAsync(workspace, ct),
            await files.HandleAsync(workspace, ct),
            await inbox.HandleAsync(workspace, ct),
            await receipts.HandleAsync(workspace, ct),
            await zone.HandleAsync(workspace, ct));
    }
}
