namespace Messaging.Core.Api;

/// <summary>What a personal access token may do: read only, or read and write (send messages, upload files).</summary>
public enum ApiTokenScope
{
    Read,
    ReadWrite,
}
