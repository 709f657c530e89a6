namespace Messaging.Core.Attachments;

/// <summary>A preview picture: JPEG bytes and their size in pixels.</summary>
public sealed record PreviewPicture(byte[] Jpeg, int Width, int Height);

/// <summary>Thrown by a preview maker for a file it refuses to open: an image whose pixels would not fit the bound.</summary>
public sealed class PreviewTooLargeException : Exception
{
    public PreviewTooLargeException()
        : base("The file is too large to preview.")
    {
    }

    public PreviewTooLargeException(string message)
        : base(message)
    {
    }

    public PreviewTooLargeException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>
/// Makes the preview picture of a file on disk (the port; the web host's maker draws images itself and runs
/// <c>ffmpeg</c> and <c>pdftoppm</c> for videos and PDFs). Throws when the file cannot be read;
/// <see cref="PreviewTooLargeException"/> when it is refused as too large.
/// </summary>
public interface IPreviewMaker
{
    /// <summary>Whether files of this category and extension get a preview.</summary>
    bool CanPreview(FileCategory category, string extension);

    Task<PreviewPicture> MakeAsync(string path, FileCategory category, string extension, CancellationToken ct);
}
