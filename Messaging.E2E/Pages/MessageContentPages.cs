using Microsoft.Playwright;

namespace Messaging.E2E.Pages;

/// <summary>One message in a thread, with its reply, edit and delete controls.</summary>
public sealed class MessageItem(ILocator message)
{
    public ILocator Root => message;

    public ILocator Body => message.GetByTestId("message-body");

    public ILocator Edited => message.GetByTestId("message-edited");

    public ILocator Deleted => message.GetByTestId("message-deleted");

    public ILocator Quote => message.GetByTestId("reply-quote");

    public Task ReplyAsync() => message.GetByTestId("message-reply").ClickAsync();

    /// <summary>Opens the inline edit form, replaces the text and saves with Enter.</summary>
    public async Task EditAsync(string text)
    {
        await message.GetByTestId("message-edit").ClickAsync();
        var body = message.GetByTestId("edit-body");
        await body.FillAsync(text);
        await body.PressAsync("Enter");
    }

    /// <summary>Deletes the message, accepting the browser's confirmation.</summary>
    public async Task DeleteAsync()
    {
        var page = message.Page;
        void Accept(object? sender, IDialog dialog) => _ = dialog.AcceptAsync();
        page.Dialog += Accept;
        try
        {
            await message.GetByTestId("message-delete").ClickAsync();
            await message.Page.GetByTestId("message-deleted").First.WaitForAsync();
        }
        finally
        {
            page.Dialog -= Accept;
        }
    }
}

/// <summary>The reply form's extra tools: emoji picker, mention list, reply target, priority and the unsent notice.</summary>
public sealed class ComposeTools(IPage page)
{
    public ILocator Body => page.GetByTestId("reply-body");

    public ILocator MentionOptions => page.GetByTestId("mention-option");

    public ILocator ReplyTarget => page.GetByTestId("reply-target");

    public ILocator NotSent => page.GetByTestId("reply-status");

    public ILocator Urgent => page.GetByTestId("reply-urgent");

    public async Task PickEmojiAsync(string emoji)
    {
        await page.GetByTestId("reply-emoji").ClickAsync();
        await page.GetByTestId("emoji-panel").GetByRole(AriaRole.Button, new() { Name = $"Insert {emoji}" }).ClickAsync();
    }

    public MessageItem Message(string containing) => new(page.GetByTestId("message").Filter(new() { HasText = containing }));
}
