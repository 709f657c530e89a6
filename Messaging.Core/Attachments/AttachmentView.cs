using Messaging.Core.Data;
using Messaging.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace Messaging.Core.Attachments;

/// <summary>A file as the thread shows it under its message.</summary>
public sealed record AttachmentView(long Id, long MessageId, string FileName, string Extension, FileCategory Category, long SizeBytes)
{
    /// <summary>A raster image the browser can draw: shown as a thumbnail from the preview URL.</summary>
    public bool IsInlineImage => FileTypes.Find(Extension)?.IsInlineImage == true;

    public string Size => FileSize.Format(SizeBytes);
}
