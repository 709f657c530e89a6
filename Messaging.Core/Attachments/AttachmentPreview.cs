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
