namespace Messaging.Core.Attachments;

/// <summary>What the preview maker made of a file (<see cref="AttachmentPreview"/>): its status and, when ready, the picture's size, so the page reserves its space.</summary>
public sealed record PreviewState(string Status, int Width, int Height)
{
    public bool IsReady => Status == AttachmentPreviewStatus.Ready;
}

/// <summary>A file as the thread shows it under its message.</summary>
public sealed record AttachmentView(long Id, long MessageId, string FileName, string Extension, FileCategory Category, long SizeBytes)
{
    /// <summary>A raster image the browser can draw: shown as a thumbnail from the preview URL.</summary>
    public bool IsInlineImage => FileTypes.Find(Extension)?.IsInlineImage == true;

    /// <summary>The server-made preview (an image's thumbnail, a video's poster frame, a PDF's first page); null until the maker has tried.</summary>
    public PreviewState? PreviewMade { get; init; }

    /// <summary>The ready preview, if any.</summary>
    public PreviewState? Preview => PreviewMade is { IsReady: true } ? PreviewMade : null;

    /// <summary>
    /// The image itself is shown while its preview is being made; once the maker refused it (too many pixels: a
    /// decompression bomb) or could not read it, the browser is not asked to draw it either and it is a chip.
    /// </summary>
    public bool ShowsOriginalImage => IsInlineImage && PreviewMade is null;

    /// <summary>A video: played in the thread, with its poster frame when there is one.</summary>
    public bool IsVideo => Category == FileCategory.Video;

    public string Size => FileSize.Format(SizeBytes);
}
