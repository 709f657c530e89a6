namespace Messaging.Core.Attachments;

/// <summary>Bounds of the preview maker (section <c>Messaging:Previews</c>).</summary>
public sealed class PreviewOptions
{
    public const string Section = "Messaging:Previews";

    /// <summary>Longest side of a preview, in pixels.</summary>
    public int MaxEdge { get; set; } = 640;

    /// <summary>A larger file gets no preview (a video's poster frame needs only its start, but the file is copied to a temporary file first).</summary>
    public long MaxSourceBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>An image of more pixels than this is refused before it is decoded (a decompression bomb).</summary>
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>One preview may take this long; the tool is then killed.</summary>
    public int TimeoutSeconds { get; set; } = 20;

    /// <summary>The address space <c>ffmpeg</c> and <c>pdftoppm</c> may use (<c>prlimit --as</c>), in megabytes.</summary>
    public int ToolMemoryMegabytes { get; set; } = 1024;

    /// <summary>How often new attachments are looked for (0 turns the maker off, e.g. for tests that run it themselves).</summary>
    public int PollMilliseconds { get; set; } = 1000;
}
