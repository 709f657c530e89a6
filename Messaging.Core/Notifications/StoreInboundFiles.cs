using Messaging.Core.Attachments;

namespace Messaging.Core.Notifications;

/// <summary>
/// The files of an inbound mail into the blob store, through the uploads' own <see cref="StoreUploadedFile"/>: the
/// same count, type, content, size and quota checks as a file attached in the portal. A refused file is left out
/// (the text and the other files are still posted) and its reason returned, to tell the sender's member.
/// </summary>
public sealed class StoreInboundFiles(StoreUploadedFile store)
{
    public async Task<IReadOnlyList<string>> HandleAsync(UploadBatch batch, IReadOnlyList<InboundFile> files, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(files);
        var refused = new List<string>();
        foreach (var file in files)
        {
            await using var content = file.Open();
            var result = await store.HandleAsync(batch, file.FileName, content, ct);
            if (!result.Succeeded)
            {
                refused.Add(result.Error ?? $"“{file.FileName}” was not added.");
            }
        }

        return refused;
    }
}
