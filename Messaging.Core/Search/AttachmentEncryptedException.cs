namespace Messaging.Core.Search;

/// <summary>The file is protected by a password: it is indexed by name only.</summary>
public sealed class AttachmentEncryptedException : Exception
{
    public AttachmentEncryptedException()
    {
    }

    public AttachmentEncryptedException(string message)
        : base(message)
    {
    }

    public AttachmentEncryptedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public AttachmentEncryptedException(Exception inner)
        : base("The file is encrypted.", inner)
    {
    }
}
