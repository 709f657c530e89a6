using System.Globalization;

namespace Messaging.Core.Attachments;

/// <summary>Byte counts as people read them ("820 KB", "4.2 MB"), in binary units like the limits are set.</summary>
public static class FileSize
{
    public static string Format(long bytes)
    {
        string[] units = ["bytes", "KB", "MB", "GB", "TB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes} {(bytes == 1 ? "byte" : "bytes")}")
            : string.Create(CultureInfo.InvariantCulture, $"{(value >= 10 || value % 1 == 0 ? value.ToString("0", CultureInfo.InvariantCulture) : value.ToString("0.#", CultureInfo.InvariantCulture))} {units[unit]}");
    }
}
