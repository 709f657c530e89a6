using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Export;

public sealed record ExportConversation(long Id, string Subject, string? ProjectName, IReadOnlyList<string> Participants);

/// <summary>An export checked and ready to write: what it covers, in which time zone, and how many messages.</summary>
public sealed record ExportPlan(
    ExportRequest Request,
    IReadOnlyList<ExportConversation> Conversations,
    string WorkspaceName,
    TimeZoneInfo TimeZone,
    DateTimeOffset? FromUtc,
    DateTimeOffset? ToUtcExclusive,
    bool IncludesInternalNotes,
    int MessageCount)
{
    public bool RunsInBackground => MessageCount > ExportRequest.BackgroundThreshold;

    /// <summary>"2026-01-01 – 2026-01-31", "from 2026-01-01", "until …" or "all messages".</summary>
    public string RangeText => ExportRange.Describe(Request.From, Request.To);
}
