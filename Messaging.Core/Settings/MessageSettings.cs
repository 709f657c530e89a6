using Messaging.Core.Access;
using Messaging.Core.Audit;
using Messaging.Core.Common;
using Messaging.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Settings;

/// <summary>The workspace's message settings (for now the edit window).</summary>
public sealed record MessageSettings(int EditWindowMinutes);
