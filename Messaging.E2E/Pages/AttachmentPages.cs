using Microsoft.Playwright;

namespace Messaging.E2E.Infrastructure;

/// <summary>The reply form's file picker and the files under messages.</summary>
public sealed class AttachmentPicker(IPage page)
{
    public ILocator Chips => page.GetByTestId("reply-form").GetByTestId("attach-chip");

    public ILocator Thumbnails => page.GetByTestId("reply-form").GetByTestId("attach-thumbnail");

    /// <summary>Clicks "Attach files" and answers the browser's file chooser with the files.</summary>
    public async Task AttachThroughTheChooserAsync(params FilePayload[] files)
    {
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.GetByTestId("reply-form").GetByLabel("Attach files").ClickAsync());
        Assert.True(chooser.IsMultiple);
        await chooser.SetFilesAsync(files);
    }

    public static ILocator LinksIn(ILocator message) => message.GetByTestId("attachment-link");
}
