namespace Messaging.Core.Attachments;

/// <summary>
/// The picture the server made of one attachment (<see cref="MakeAttachmentPreviews"/>): a thumbnail of an image, a
/// video's poster frame or a PDF's first page, as a JPEG of at most <see cref="PreviewOptions.MaxEdge"/> pixels a
/// side. <see cref="Status"/> is one of <see cref="AttachmentPreviewStatus"/>; only a ready row has bytes. Kept in
/// the database beside the attachment (tens of kilobytes), so it goes with the attachment and leaves no blob behind.
/// </summary>
public sealed class AttachmentPreview
{
    public const int MaxStatusLength = 20;

    public long AttachmentId { get; set; }

    public required string Status { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    public byte[]? Jpeg { get; set; }

    public DateTimeOffset MadeAt { get; set; }
}

/// <summary>What became of a file's preview.</summary>
public static class AttachmentPreviewStatus
{
    public const string Ready = "ready";

    /// <summary>Over <see cref="PreviewOptions.MaxSourceBytes"/>, or an image of more than <see cref="PreviewOptions.MaxPixels"/> pixels (a decompression bomb).</summary>
    public const string TooLarge = "too_large";

    public const string TimedOut = "timed_out";

    /// <summary>The file could not be read (broken, encrypted, a codec the tools lack).</summary>
    public const string Failed = "failed";

    public const string Missing = "missing";
}
