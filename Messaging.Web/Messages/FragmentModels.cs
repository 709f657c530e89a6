using Messaging.Core.Common;
using Messaging.Core.Conversations;
using Messaging.Core.Messages;
using Messaging.Core.Scheduling;

namespace Messaging.Web.Messages;

/// <summary>The conversation list fragment: rows plus how to link to a thread and to other pages.</summary>
public sealed record ConversationListModel(ConversationPage Page, string ThreadBasePath, Func<int, string> PageUrl, IReadOnlySet<long> MentionedConversationIds);

/// <summary>The reply (or internal-note) form. A fresh idempotency key is issued each time the form is rendered empty.</summary>
public sealed record ComposeFormModel(string Action, Guid IdempotencyKey, string? Body, string? Error, bool IsNote)
{
    public static ComposeFormModel Empty(string action, bool isNote) => new(action, Guid.NewGuid(), null, null, isNote);

    /// <summary>A refused send: the form again with what was typed (and the quote and urgency) and why.</summary>
    public static ComposeFormModel Refilled(string action, ComposeInput input, string? error, bool isNote)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new(action, input.IdempotencyKey ?? Guid.NewGuid(), input.Body, error, isNote) { ReplyToId = input.ReplyToId, Urgent = input.Urgent };
    }

    /// <summary>A refused "schedule": the reply form with the text and the chosen time kept; a time error shows at the time field.</summary>
    public static ComposeFormModel RefusedSchedule<T>(string action, ComposeInput input, Result<T> result, string? scheduleAt)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(result);
        var timeError = result.Field == ScheduleRules.TimeField;
        return new(action, input.IdempotencyKey ?? Guid.NewGuid(), input.Body, timeError ? null : result.Error, IsNote: false)
        {
            ScheduleAt = scheduleAt,
            ScheduleError = timeError ? result.Error : null,
        };
    }

    /// <summary>Kept when a refused send comes back, so the quote is not lost.</summary>
    public long? ReplyToId { get; init; }

    public bool Urgent { get; init; }

    /// <summary>The "schedule for later" time as typed, after a refused schedule (the section then opens).</summary>
    public string? ScheduleAt { get; init; }

    /// <summary>Why the chosen time was refused, shown under the time field.</summary>
    public string? ScheduleError { get; init; }
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
