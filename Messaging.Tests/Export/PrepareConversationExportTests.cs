using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Export;
using Messaging.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Tests.Export;

/// <summary>The export page's use case: a conversation the member may not see is not found whatever else is asked; dates out of the calendar are refused.</summary>
public sealed class PrepareConversationExportTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AStartAfterTheEndOnAConversationTheMemberMayNotSeeIsNotFound()
    {
        var others = await factory.Database.ConversationIdAsync("Launch timeline");

        var backwards = await HandleAsync(Demo.Client, new(others, new DateOnly(2025, 3, 31), new DateOnly(2025, 3, 1), false, "csv"));
        var unreadable = await HandleAsync(Demo.Client, new(others, null, null, false, "csv", DatesReadable: false));

        Assert.Equal(FailureKind.NotFound, backwards.Failure);
        Assert.Equal(FailureKind.NotFound, unreadable.Failure);
    }

    [Fact]
    public async Task TheLastDayOfTheCalendarIsRefusedWithTheWholeConversationForTheForm()
    {
        var own = await factory.Database.ConversationIdAsync("Moodboard feedback");

        var result = await HandleAsync(Demo.Client, new(own, null, DateOnly.MaxValue, false, "csv"));

        Assert.True(result.Succeeded);
        Assert.Null(result.Value!.Deliver);
        Assert.Equal("The end date (9999-12-31) is out of range. Choose a date between 0001-01-02 and 9999-12-30.", result.Value.Error);
        Assert.Equal(DateOnly.MaxValue, result.Value.Asked.To);
        Assert.Null(result.Value.Plan.ToUtcExclusive);
        Assert.Equal(own, result.Value.Plan.Conversations.Single().Id);
    }

    [Fact]
    public async Task TheFirstAndLastDaysAnExportMayNameAreAcceptedInEveryDirection()
    {
        var own = await factory.Database.ConversationIdAsync("Moodboard feedback");

        var result = await HandleAsync(Demo.Client, new(own, ExportRange.FirstDay, ExportRange.LastDay, false, "pdf"));

        Assert.Equal(ExportFormat.Pdf, result.Value!.Deliver);
        Assert.NotNull(result.Value.Plan.FromUtc);
        Assert.NotNull(result.Value.Plan.ToUtcExclusive);
    }

    [Fact]
    public async Task AnUnknownFormatIsRefusedAndNoFormatOnlyShowsTheForm()
    {
        var own = await factory.Database.ConversationIdAsync("Moodboard feedback");

        var unknown = await HandleAsync(Demo.Client, new(own, null, null, false, "docx"));
        var none = await HandleAsync(Demo.Client, new(own, null, null, false, null));

        Assert.Equal(ExportRequest.NoFormat, unknown.Value!.Error);
        Assert.Null(none.Value!.Error);
        Assert.Null(none.Value.Deliver);
    }

    private async Task<Result<ConversationExport>> HandleAsync(string email, ConversationExportRequest request)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var userId = await factory.Database.ScalarAsync<Guid>($"SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"Email\" = '{email}'");
        var me = (await scope.ServiceProvider.GetRequiredService<LoadCurrentMember>().HandleAsync(userId, CancellationToken.None))!;
        return await scope.ServiceProvider.GetRequiredService<PrepareConversationExport>().HandleAsync(me, request, CancellationToken.None);
    }
}
