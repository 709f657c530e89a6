namespace Messaging.Core.Search;

/// <summary>What became of an attachment's extraction.</summary>
public static class AttachmentTextStatus
{
    public const string Extracted = "extracted";
    public const string TooLarge = "too_large";
    public const string Failed = "failed";
    public const string Encrypted = "encrypted";
    public const string TimedOut = "timed_out";
    public const string Missing = "missing";
}
