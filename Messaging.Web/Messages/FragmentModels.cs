using Messaging.Core.Conversations;
using Messaging.Core.Messages;

namespace Messaging.Web.Messages;

/// <summary>The conversation list fragment: rows plus how to link to a thread and to other pages.</summary>
public sealed record ConversationListModel(ConversationPage Page, string ThreadBasePath, Func<int, string> PageUrl);

/// <summary>The reply (or internal-note) form. A fresh idempotency key is issued each time the form is rendered empty.</summary>
public sealed record ComposeFormModel(string Action, Guid IdempotencyKey, string? Body, string? Error, bool IsNote)
{
    public static ComposeFormModel Empty(string action, bool isNote) => new(action, Guid.NewGuid(), null, null, isNote);

    /// <summary>Kept when a refused send comes back, so the quote is not lost.</summary>
    public long? ReplyToId { get; init; }

    public bool Urgent { get; init; }
}

/// <summary>A run of messages, optionally preceded by a "load earlier" link (a page URL; htmx adds the fragment handler).</summary>
public sealed record MessageRunModel(IReadOnlyList<MessageView> Messages, string? EarlierUrl);

/// <summary>What the reply and note forms post.</summary>
public sealed class ComposeInput
{
    public string? Body { get; set; }

    public Guid? IdempotencyKey { get; set; }

    /// <summary>The message this one answers (set by the Reply button).</summary>
    public long? ReplyToId { get; set; }

    public bool Urgent { get; set; }
}
