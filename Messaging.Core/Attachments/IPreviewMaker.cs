namespace Messaging.Core.Attachments;

/// <summary>A preview picture: JPEG bytes and their size in pixels.</summary>
public sealed record PreviewPicture(byte[] Jpeg, int Width, int Height);

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
