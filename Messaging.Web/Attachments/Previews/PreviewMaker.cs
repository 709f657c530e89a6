using System.Diagnostics;
using System.Globalization;
using Messaging.Core.Attachments;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Messaging.Web.Attachments.Previews;

/// <summary>
/// Draws previews: images with SkiaSharp (the size is read from the header first, so an image of more than
/// <see cref="PreviewOptions.MaxPixels"/> pixels is refused before a byte of it is decoded; a JPEG is decoded at a
/// reduced scale; EXIF orientation is applied), a video's frame at one second (or its first) with <c>ffmpeg</c>, a
/// PDF's first page with <c>pdftoppm</c>. The tools run under <c>prlimit</c> with a bounded address space and are
/// killed when the caller's time is up. HEIC is left out: Debian's tools cannot read it.
/// </summary>
public sealed class PreviewMaker(IOptions<PreviewOptions> options) : IPreviewMaker
{
    private const int JpegQuality = 82;

    public bool CanPreview(FileCategory category, string extension) => category switch
    {
        FileCategory.Image => extension is not "heic",
        FileCategory.Video or FileCategory.Pdf => true,
        _ => false,
    };

    public async Task<PreviewPicture> MakeAsync(string path, FileCategory category, string extension, CancellationToken ct)
    {
        var o = options.Value;
        switch (category)
        {
            case FileCategory.Image:
                return await Task.Run(() => DrawImage(path, o), ct);
            case FileCategory.Video:
                return await FromToolAsync(o, path, ".jpg", ct, (output) =>
                    ["ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-ss", "1", "-i", path, "-frames:v", "1",
                     "-vf", Scale(o), "-f", "image2", "-c:v", "mjpeg", "-q:v", "4", "-y", output],
                    (output) =>
                    ["ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-i", path, "-frames:v", "1",
                     "-vf", Scale(o), "-f", "image2", "-c:v", "mjpeg", "-q:v", "4", "-y", output]);
            case FileCategory.Pdf:
                return await FromToolAsync(o, path, string.Empty, ct, (output) =>
                    ["pdftoppm", "-f", "1", "-l", "1", "-singlefile", "-jpeg", "-jpegopt", "quality=" + JpegQuality.ToString(CultureInfo.InvariantCulture),
                     "-scale-to", o.MaxEdge.ToString(CultureInfo.InvariantCulture), path, output]);
            default:
                throw new NotSupportedException("no preview for " + category);
        }
    }

    private static string Scale(PreviewOptions o) =>
        string.Create(CultureInfo.InvariantCulture, $"scale=w={o.MaxEdge}:h={o.MaxEdge}:force_original_aspect_ratio=decrease");

    /// <summary>Runs the first command line that leaves a picture behind; the output path is made here (pdftoppm adds ".jpg" itself).</summary>
    private static async Task<PreviewPicture> FromToolAsync(PreviewOptions o, string source, string suffix, CancellationToken ct, params Func<string, string[]>[] commands)
    {
        var stem = source + ".preview";
        var produced = stem + ".jpg";
        try
        {
            var errors = new List<string>();
            foreach (var command in commands)
            {
                File.Delete(produced);
                var error = await RunAsync(o, command(suffix.Length > 0 ? stem + suffix : stem), ct);
                if (File.Exists(produced) && new FileInfo(produced).Length > 0)
                {
                    return await Task.Run(() => DrawImage(produced, o), ct);
                }

                errors.Add(error);
            }

            throw new InvalidOperationException("no picture: " + string.Join(" / ", errors));
        }
        finally
        {
            File.Delete(produced);
        }
    }

    private static async Task<string> RunAsync(PreviewOptions o, string[] command, CancellationToken ct)
    {
        var start = new ProcessStartInfo("prlimit")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--as=" + ((long)o.ToolMemoryMegabytes * 1024 * 1024).ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--");
        foreach (var argument in command)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + command[0]);
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await stdout;
        var error = await stderr;
        return $"{command[0]} exited {process.ExitCode}: {(error.Length > 300 ? error[..300] : error).Trim()}";
    }

    /// <summary>Decodes at most what the bound allows, scales to fit, flattens onto white and encodes a JPEG.</summary>
    private static PreviewPicture DrawImage(string path, PreviewOptions o)
    {
        using var codec = SKCodec.Create(path) ?? throw new InvalidDataException("not an image SkiaSharp can read");
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0)
        {
            throw new InvalidDataException("an image without a size");
        }

        if ((long)info.Width * info.Height > o.MaxPixels)
        {
            throw new PreviewTooLargeException(string.Create(CultureInfo.InvariantCulture, $"{info.Width} x {info.Height} pixels is more than {o.MaxPixels:N0}"));
        }

        var scale = Math.Min(1f, (float)o.MaxEdge / Math.Max(info.Width, info.Height));
        var decodeSize = codec.GetScaledDimensions(scale);
        var decodeInfo = new SKImageInfo(decodeSize.Width, decodeSize.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var decoded = new SKBitmap(decodeInfo);
        var result = codec.GetPixels(decodeInfo, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            throw new InvalidDataException("the image could not be decoded: " + result);
        }

        var turned = codec.EncodedOrigin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (width, height) = turned ? (decoded.Height, decoded.Width) : (decoded.Width, decoded.Height);
        var fit = Math.Min(1f, (float)o.MaxEdge / Math.Max(width, height));
        var target = new SKImageInfo(Math.Max(1, (int)Math.Round(width * fit)), Math.Max(1, (int)Math.Round(height * fit)), SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(target) ?? throw new InvalidOperationException("no drawing surface");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale(fit);
        canvas.SetMatrix(canvas.TotalMatrix.PreConcat(Orientation(codec.EncodedOrigin, decoded.Width, decoded.Height)));
        using (var image = SKImage.FromBitmap(decoded))
        {
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }

        canvas.Flush();
        using var snapshot = surface.Snapshot();
        using var jpeg = snapshot.Encode(SKEncodedImageFormat.Jpeg, JpegQuality) ?? throw new InvalidOperationException("JPEG encoding failed");
        return new PreviewPicture(jpeg.ToArray(), target.Width, target.Height);
    }

    /// <summary>The matrix that turns a decoded image of this size upright (EXIF orientation).</summary>
    private static SKMatrix Orientation(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
