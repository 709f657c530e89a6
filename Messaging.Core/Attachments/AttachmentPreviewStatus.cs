namespace Messaging.Core.Attachments;

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
