namespace Messaging.Web.Exports;

/// <summary>Exports (section <c>Messaging:Export</c>).</summary>
public sealed class ExportOptions
{
    public const string Section = "Messaging:Export";

    /// <summary>The Chromium that prints PDFs. When the file is missing, PDF export says it is unavailable and CSV still works.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>PDFs rendered at once (one warm browser, one page each); further exports wait their turn.</summary>
    public int MaxConcurrentPdfs { get; set; } = 2;

    /// <summary>Where background jobs write their files; relative paths are under the content root.</summary>
    public string JobsRoot { get; set; } = Path.Combine(".data", "exports");

    /// <summary>Seconds between looks for queued jobs (a job queued on this node starts at once); 0 turns the runner off.</summary>
    public int JobPollSeconds { get; set; } = 5;

    /// <summary>Largest file the verify page accepts (default 200 MB); larger uploads answer 413.</summary>
    public long MaxVerifyBytes { get; set; } = 200L * 1024 * 1024;
}
