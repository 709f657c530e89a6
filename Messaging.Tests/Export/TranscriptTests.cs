using Bunit;
using Messaging.Core.Access;
using Messaging.Core.Export;
using Messaging.Core.Messages;
using Messaging.Web.Exports;

namespace Messaging.Tests.Export;

/// <summary>The PDF print view (<see cref="Transcript"/>), rendered by bUnit: what a transcript shows, encodes and keeps.</summary>
public sealed class TranscriptTests : BunitContext
{
    private static readonly DateTimeOffset At = new(2025, 3, 10, 9, 30, 0, TimeSpan.Zero);

    private static readonly ExportAttachment Brief = new("brief — Ωμέγα.pdf", 2048, new string('a', 64));

    private static ExportMessage Message(long id, string body, MessageVisibility visibility = MessageVisibility.Everyone, IReadOnlyList<ExportAttachment>? files = null) =>
        new(1, "Spring campaign", id, At.AddMinutes(id), "Chloe Client", MemberKind.Client, visibility, MessageKind.Text, body, null, false, false, files ?? []);

    private static TranscriptModel Model(bool notes, params ExportMessage[] messages)
    {
        var conversation = new ExportConversation(1, "Spring campaign", "Rebrand", ["Chloe Client", "Sam Staff"]);
        var plan = new ExportPlan(new ExportRequest([1], null, null, notes), [conversation], "Northwind Studio", TimeZoneInfo.Utc, null, null, notes, messages.Length);
        return new TranscriptModel(plan, conversation, messages, new string('f', 64), At, "Sam Staff");
    }

    private IRenderedComponent<Transcript> Render(TranscriptModel model) => Render<Transcript>(p => p.Add(t => t.Model, model));

    [Fact]
    public void InternalNotesAreShownAndMarkedOnlyWhenTheExportIncludesThem()
    {
        var question = Message(1, "Public question");
        var note = Message(2, "Internal margin note", MessageVisibility.StaffOnly);

        var without = Render(Model(notes: false, question, note));
        var with = Render(Model(notes: true, question, note));

        Assert.DoesNotContain("Internal margin note", without.Markup, StringComparison.Ordinal);
        Assert.Empty(without.FindAll("article.internal"));
        Assert.Contains("Public question", without.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("internal notes included", without.Markup, StringComparison.Ordinal);
        var marked = Assert.Single(with.FindAll("article.internal"));
        Assert.Contains("Internal margin note", marked.TextContent, StringComparison.Ordinal);
        Assert.Equal("Internal note", marked.QuerySelector(".label")!.TextContent);
        Assert.Contains("2, internal notes included and marked", with.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void MessageHtmlIsEncodedNotRendered()
    {
        var cut = Render(Model(notes: false, Message(1, "<script>alert('x')</script> <img src=x onerror=alert(1)> **bold**")));

        var body = cut.Find("article .body");
        Assert.Empty(body.QuerySelectorAll("script"));
        Assert.Empty(body.QuerySelectorAll("img"));
        Assert.Contains("<script>alert('x')</script>", body.TextContent, StringComparison.Ordinal);
        Assert.Equal("bold", body.QuerySelector("strong")!.TextContent);
    }

    [Fact]
    public void NonLatinTextAndEmojiAreKeptAsTyped()
    {
        const string text = "Ωμέγα Привет 你好 مرحبا 🎉";

        var cut = Render(Model(notes: false, Message(1, text)));

        Assert.Contains(text, cut.Find("article .body").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void AttachmentsAreListedWithTheirSizeAndHash()
    {
        var cut = Render(Model(notes: false, Message(1, "Scope attached", files: [Brief])));

        var file = cut.Find("ul.files li");
        Assert.Equal(Brief.FileName, file.QuerySelector(".name")!.TextContent);
        Assert.Equal(Brief.Sha256, file.QuerySelector(".sha")!.TextContent);
        Assert.Contains("2 KB", file.TextContent, StringComparison.Ordinal);
    }
}
