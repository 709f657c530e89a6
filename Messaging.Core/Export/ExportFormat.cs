namespace Messaging.Core.Export;

public enum ExportFormat
{
    Csv,

    /// <summary>One PDF per conversation; several conversations come as a ZIP of PDFs.</summary>
    Pdf,
}
