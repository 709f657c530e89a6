using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Settings;

/// <summary>The workspace's inbox settings: whether a staff reply sets "waiting on client", and the optional out-of-office text.</summary>
public sealed record InboxSettings(bool StaffReplySetsWaiting, bool OutOfOfficeEnabled, string? OutOfOfficeText);
