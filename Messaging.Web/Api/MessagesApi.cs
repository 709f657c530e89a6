using System.Globalization;
using System.Text.Json;
using Messaging.Core.Common;
using Messaging.Core.Conversations;
using Messaging.Core.Messages;
using Messaging.Web.Attachments;
using Messaging.Web.Infrastructure;

namespace Messaging.Web.Api;

/// <summary>
/// A conversation's messages, cursor by cursor; one message; sending (JSON, or multipart with files streamed to the
/// blob store as they arrive), repeated safely with the same <c>Idempotency-Key</c>.
/// </summary>
public static class MessagesApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/conversations/{id:long}/messages", ListAsync).WithName("ListMessages")
            .WithSummary("Messages oldest first: the newest page, the page before a cursor (before=id) or what came after one (after=id).");
        api.MapPost("/conversations/{id:long}/messages", SendAsync).WithName("SendMessage")
            .WithSummary("Sends a message (JSON, or multipart/form-data with files). Needs a read-write token and an Idempotency-Key header.")
            .Accepts<ApiSendMessage>("application/json", "multipart/form-data")
            .Produces<ApiMessage>(StatusCodes.Status201Created)
            .AddEndpointFilter<ApiWriteFilter>()
            .WithMetadata(new AcceptsUploadsAttribute());
        api.MapGet("/messages/{id:long}", GetAsync).WithName("GetMessage").WithSummary("One message the member may read.");
    }

    private static async Task<IResult> ListAsync(long id, long? before, long? after, CurrentMemberAccessor accessor, GetThread thread, ListNewerMessages newer, CancellationToken ct)
    {
        var me = await accessor.RequireAsync(ct);
        if (after is { } since)
        {
            return await newer.HandleAsync(me, id, since, ct) is { } later
                ? TypedResults.Ok(new ApiMessagePage(later.Select(m => ApiMessage.From(m, id)).ToList(), null, later.Count > 0 ? later[^1].Id : since))
                : ApiProblems.NotFound();
        }

        if (await thread.HandleAsync(me, id, before, ct) is not { } view)
        {
            return ApiProblems.NotFound();
        }

        var items = view.Messages.Select(m => ApiMessage.From(m, id)).ToList();
        return TypedResults.Ok(new ApiMessagePage(items, view.HasEarlier && items.Count > 0 ? items[0].Id : null, items.Count > 0 ? items[^1].Id : null));
    }

    private static async Task<IResult> GetAsync(long id, CurrentMemberAccessor accessor, GetMessage get, CancellationToken ct) =>
        await get.HandleAsync(await accessor.RequireAsync(ct), id, ct) is { } found
            ? TypedResults.Ok(ApiMessage.From(found.View, found.ConversationId))
            : ApiProblems.NotFound();

    /// <summary>
    /// The files stream in first (<see cref="MessageUploadReader"/>: the conversation is checked before a byte is read), then
    /// <see cref="SendMessage"/>. Answers 201 with the message, the same message again for a repeated key; 413 when the
    /// files are over the limit, 507 when the file store is full; nothing is stored when refused.
    /// </summary>
    private static async Task<IResult> SendAsync(long id, HttpRequest request, CurrentMemberAccessor accessor, MessageUploadReader uploads, SendMessage send, GetMessage get, CancellationToken ct)
    {
        if (!Guid.TryParse(request.Headers[IdempotencyHeader], out var key))
        {
            return ApiProblems.BadRequest($"Send an {IdempotencyHeader} header with a UUID of your choosing; repeat it to retry the same message safely.");
        }

        var me = await accessor.RequireAsync(ct);
        await using var upload = await uploads.ReadAsync(me, id, request, ct);
        if (upload.NotFound)
        {
            return ApiProblems.NotFound();
        }

        var input = upload.IsMultipart ? FromFields(upload.Fields) : await ReadJsonAsync(request, ct);
        if (input is null)
        {
            return ApiProblems.BadRequest("Send the message as JSON ({\"body\": \"…\"}) or as multipart/form-data with a body field and files.");
        }

        if (!InputGuardMiddleware.IsStorable(input.Body))
        {
            return ApiProblems.BadRequest("The body holds characters that cannot be stored (NUL or a lone surrogate).");
        }

        var command = new SendMessageCommand(id, input.Body, key, MessageVisibility.Everyone, upload.Files)
        {
            ReplyToId = input.ReplyToId,
            Priority = input.Urgent ? MessagePriority.Urgent : MessagePriority.Normal,
        };
        var result = upload.Refused ?? await send.HandleAsync(me, command, ct);
        var refusedStatus = upload.TooLarge ? StatusCodes.Status413PayloadTooLarge : upload.StoreFull ? StatusCodes.Status507InsufficientStorage : (int?)null;
        if (!result.Succeeded)
        {
            return ApiProblems.From(result, _ => Results.Empty, refusedStatus);
        }

        var sent = await get.HandleAsync(me, result.Value, ct);
        return sent is { } s
            ? TypedResults.Created(string.Create(CultureInfo.InvariantCulture, $"{ApiProblems.Base}/messages/{result.Value}"), ApiMessage.From(s.View, s.ConversationId))
            : ApiProblems.NotFound();
    }

    private static ApiSendMessage FromFields(IReadOnlyDictionary<string, string> fields) => new(
        fields.GetValueOrDefault("body"),
        long.TryParse(fields.GetValueOrDefault("replyToId"), NumberStyles.None, CultureInfo.InvariantCulture, out var replyTo) ? replyTo : null,
        string.Equals(fields.GetValueOrDefault("urgent"), "true", StringComparison.OrdinalIgnoreCase));

    private static async Task<ApiSendMessage?> ReadJsonAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasJsonContentType())
        {
            return null;
        }

        try
        {
            return await request.ReadFromJsonAsync<ApiSendMessage>(ct);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
