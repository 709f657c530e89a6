namespace Messaging.Core.Attachments;

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
