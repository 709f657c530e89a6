namespace Messaging.Core.Attachments;

/// <summary>
/// A blob store write that failed because the disk or the user's quota is full. On Linux .NET puts the errno in
/// <see cref="Exception.HResult"/> (ENOSPC 28, EDQUOT 122); on Windows it is the HRESULT of ERROR_DISK_FULL or
/// ERROR_HANDLE_DISK_FULL. Anything else stays an exception (a bug or a broken disk, not a user's doing).
/// </summary>
public static class StoreFull
{
    public const string Message = "The file store is full: your files could not be saved and nothing was sent. Try again later, or ask an administrator to free space.";

    private const int Enospc = 28;
    private const int Edquot = 122;
    private const int ErrorDiskFull = unchecked((int)0x80070070);
    private const int ErrorHandleDiskFull = unchecked((int)0x80070027);

    public static bool Is(IOException exception) =>
        exception is not null && exception.HResult is Enospc or Edquot or ErrorDiskFull or ErrorHandleDiskFull;
}
