using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Settings;

/// <summary>The workspace's message settings: the edit window, and how many days before a deadline its reminder comes.</summary>
public sealed record MessageSettings(int EditWindowMinutes, int ReminderDaysBefore = Workspace.DefaultReminderDaysBefore);
