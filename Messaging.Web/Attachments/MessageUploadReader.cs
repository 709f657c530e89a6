using Messaging.Core.Access;
using Messaging.Core.Attachments;
using Messaging.Core.Common;
using Messaging.Web.Infrastructure;
using Messaging.Web.Messages;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Messaging.Web.Attachments;

/// <summary>
/// What a multipart message post carried: its text fields and the files already streamed into the blob
/// store, or why it was refused. Disposing it removes every blob no attachment row references, so a refused,
/// failed or repeated send leaves no file behind whatever path the handler took.
/// </summary>
public sealed class MessageUpload(UploadBatch? batch, DiscardUnusedUploads? discard) : IAsyncDisposable
{
    /// <summary>Not a multipart post: the fields were bound as usual and there are no files.</summary>
    public static MessageUpload NotMultipart { get; } = new(null, null);

    public bool IsMultipart { get; private init; }

    /// <summary>The member may not see the conversation: answer 404 (nothing was read or stored).</summary>
    public bool NotFound { get; private init; }

    /// <summary>The request was larger than the HTTP limit for a message: answer 413.</summary>
    public bool TooLarge { get; private init; }

    /// <summary>The blob store's disk is full: answer 507 with <see cref="Core.Attachments.StoreFull.Message"/> (the batch's blobs are discarded).</summary>
    public bool StoreFull => batch?.StoreFull == true;

    /// <summary>Why a file was refused (count, type, content, size, quota), for the form; null when none was.</summary>
    public string? Refusal { get; private init; }

    public IReadOnlyDictionary<string, string> Fields { get; private init; } = new Dictionary<string, string>();

    public IReadOnlyList<StoredFile> Files => batch?.Files ?? [];

    internal static MessageUpload Missing() => new(null, null) { IsMultipart = true, NotFound = true };

    internal static MessageUpload Read(UploadBatch batch, DiscardUnusedUploads discard, Dictionary<string, string> fields, string? refusal, bool tooLarge) =>
        new(batch, discard) { IsMultipart = true, Fields = fields, Refusal = refusal, TooLarge = tooLarge };

    /// <summary>The files' refusal as a send result (the form shows it under the files), or null when they were accepted.</summary>
    public Result<long>? Refused =>
        TooLarge ? Result<long>.Invalid(AttachmentFields.Files, $"These files are larger than the {FileSize.Format(batch!.Policy.Settings.MaxMessageBytes)} a message may carry. Remove some and try again.")
        : Refusal is not null ? Result<long>.Invalid(AttachmentFields.Files, Refusal)
        : null;

    /// <summary>A multipart post's text fields go where model binding would have put them.</summary>
    public void CopyFieldsTo(ComposeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (IsMultipart)
        {
            input.Body = Fields.GetValueOrDefault("Input.Body");
            input.IdempotencyKey = Guid.TryParse(Fields.GetValueOrDefault("Input.IdempotencyKey"), out var key) ? key : null;
            input.ReplyToId = long.TryParse(Fields.GetValueOrDefault("Input.ReplyToId"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var replyTo) ? replyTo : null;
            input.Urgent = string.Equals(Fields.GetValueOrDefault("Input.Urgent"), "true", StringComparison.OrdinalIgnoreCase);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (discard is not null)
        {
            await discard.HandleAsync(batch, CancellationToken.None);
        }
    }
}

/// <summary>
/// Reads a multipart message post section by section with <see cref="MultipartReader"/> and hands each file
/// to <see cref="StoreUploadedFile"/>, which streams it to the blob store: the body is never buffered. The
/// conversation is checked before the first byte is read. After a refused file the rest of the body is still
/// read (and thrown away, up to the HTTP limit) so the browser gets the answer instead of a reset connection.
/// A form posted without JavaScript carries its antiforgery token in the body, which antiforgery has then
/// already read into ASP.NET Core's form (files buffered on disk, not in memory); its files are taken from there.
/// </summary>
public sealed class MessageUploadReader(GetUploadPolicy policies, GetNewConversationUploadPolicy newConversationPolicies, StoreUploadedFile storeFile, DiscardUnusedUploads discard)
{
    private const int MaxFieldChars = 64 * 1024;

    public static bool IsMultipart(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;
    }

    public async Task<MessageUpload> ReadAsync(CurrentMember me, long conversationId, HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsMultipart(request))
        {
            return MessageUpload.NotMultipart;
        }

        return await ReadAsync(await policies.HandleAsync(me, conversationId, ct), request, ct);
    }

    /// <summary>The files of a conversation being started (the form is a plain post, so ASP.NET Core has read it already).</summary>
    public async Task<MessageUpload> ReadForNewConversationAsync(CurrentMember me, HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return IsMultipart(request) ? await ReadAsync(await newConversationPolicies.HandleAsync(me, ct), request, ct) : MessageUpload.NotMultipart;
    }

    private async Task<MessageUpload> ReadAsync(UploadPolicy? policy, HttpRequest request, CancellationToken ct)
    {
        if (policy is null)
        {
            return MessageUpload.Missing();
        }

        var batch = new UploadBatch(policy);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        string? refusal = null;
        async Task TakeFileAsync(string? name, Stream content)
        {
            if (refusal is null && policy.CanSend && !string.IsNullOrEmpty(name))
            {
                InputGuardMiddleware.RequireStorable(name);
                var stored = await storeFile.HandleAsync(batch, name, content, ct);
                refusal = stored.Succeeded ? null : stored.Error;
            }
        }

        try
        {
            if (request.HttpContext.Features.Get<IFormFeature>()?.Form is { } form)
            {
                foreach (var (name, value) in form)
                {
                    fields[name] = value.ToString();
                }

                foreach (var file in form.Files)
                {
                    await using var content = file.OpenReadStream();
                    await TakeFileAsync(file.FileName, content);
                }
            }
            else
            {
                var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(request.ContentType).Boundary).Value
                    ?? throw new InvalidDataException("Multipart post without a boundary.");
                var reader = new MultipartReader(boundary, new LimitedReadStream(request.Body, UploadLimits.LimitFor(policy.Settings)));
                for (var section = await reader.ReadNextSectionAsync(ct); section is not null; section = await reader.ReadNextSectionAsync(ct))
                {
                    if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                        || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                    {
                        continue; // the reader skips what was not read when it moves on
                    }

                    if (disposition.IsFileDisposition())
                    {
                        await TakeFileAsync(disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value, section.Body);
                    }
                    else if (HeaderUtilities.RemoveQuotes(disposition.Name).Value is { Length: > 0 } name)
                    {
                        fields[name] = InputGuardMiddleware.RequireStorable(await ReadFieldAsync(section.Body, ct));
                    }
                }
            }
        }
        catch (Exception ex) when (IsOverHttpLimit(ex))
        {
            return MessageUpload.Read(batch, discard, fields, refusal, tooLarge: true);
        }
        catch
        {
            // Client gone, malformed body...: nothing of this batch may stay.
            await discard.HandleAsync(batch, CancellationToken.None);
            throw;
        }

        return MessageUpload.Read(batch, discard, fields, refusal, tooLarge: false);
    }

    private static bool IsOverHttpLimit(Exception ex) =>
        ex is UploadTooLargeException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge };

    private static async Task<string> ReadFieldAsync(Stream body, CancellationToken ct)
    {
        using var reader = new StreamReader(body, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
        var buffer = new char[MaxFieldChars];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
        return new string(buffer, 0, read);
    }
}

/// <summary>The request body went past the HTTP limit for a message (where the server does not enforce it itself, e.g. in tests).</summary>
public sealed class UploadTooLargeException : IOException
{
    public UploadTooLargeException()
        : base("The request body is larger than allowed.")
    {
    }

    public UploadTooLargeException(string message)
        : base(message)
    {
    }

    public UploadTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Reads through to the request body and throws <see cref="UploadTooLargeException"/> once more than the limit has come.</summary>
internal sealed class LimitedReadStream(Stream inner, long limit) : Stream
{
    private long total;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => total; set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        total += read;
        return total > limit ? throw new UploadTooLargeException() : read;
    }
}
