using Messaging.Core.Conversations;
using Messaging.Core.ConversationState;
using Messaging.Core.Export;
using Messaging.Core.Messages;
using Messaging.Web.Exports;
using Messaging.Web.Infrastructure;

namespace Messaging.Web.Messages;

/// <summary>The use cases the conversation list calls (the list, bulk actions, bulk export), injected as one for the portal and staff pages.</summary>
public sealed class ConversationListServices(
    CurrentMemberAccessor accessor, ListConversations list, ListMentionedConversations mentioned, UpdateConversationState update, QueueBulkExport queueBulkExport, ExportJobSignal exportSignal)
{
    public CurrentMemberAccessor Accessor { get; } = accessor;

    public ListConversations List { get; } = list;

    public ListMentionedConversations Mentioned { get; } = mentioned;

    public UpdateConversationState Update { get; } = update;

    public QueueBulkExport QueueBulkExport { get; } = queueBulkExport;

    public ExportJobSignal ExportSignal { get; } = exportSignal;
}
