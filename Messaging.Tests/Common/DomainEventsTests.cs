using Messaging.Core.Access;
using Messaging.Core.Common;
using Messaging.Core.Common.Events;
using Messaging.Core.Conversations;
using Messaging.Core.Data;
using Messaging.Core.Messages;
using Messaging.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Tests.Common;

/// <summary>What the tests' own handlers saw, in the order they ran.</summary>
public sealed class EventLog
{
    private readonly List<string> seen = [];

    /// <summary>Set to make <see cref="FailingHandler"/> throw on the next message appended.</summary>
    public bool Fail { get; set; }

    public IReadOnlyList<string> Seen
    {
        get
        {
            lock (seen)
            {
                return [.. seen];
            }
        }
    }

    public void Add(string entry)
    {
        lock (seen)
        {
            seen.Add(entry);
        }
    }

    public void Clear()
    {
        lock (seen)
        {
            seen.Clear();
        }
    }
}

/// <summary>A feature added without editing the sender: it records what it was told, and whether it ran inside the sender's transaction.</summary>
public sealed class RecordingHandler(EventLog log, MessagingDbContext db)
    : IDomainEventHandler<MessageAppended>, IDomainEventHandler<MessageEdited>, IDomainEventHandler<MessageDeleted>, IDomainEventHandler<ConversationStarted>
{
    public Task HandleAsync(MessageAppended domainEvent, CancellationToken ct)
    {
        log.Add($"appended {domainEvent.Message.Id} {domainEvent.Message.Kind} {domainEvent.AuthorKind} tx={db.Database.CurrentTransaction is not null}");
        return Task.CompletedTask;
    }

    public Task HandleAsync(MessageEdited domainEvent, CancellationToken ct)
    {
        log.Add($"edited {domainEvent.Message.Id} tx={db.Database.CurrentTransaction is not null}");
        return Task.CompletedTask;
    }

    public Task HandleAsync(MessageDeleted domainEvent, CancellationToken ct)
    {
        log.Add($"deleted {domainEvent.Message.Id} tx={db.Database.CurrentTransaction is not null}");
        return Task.CompletedTask;
    }

    public Task HandleAsync(ConversationStarted domainEvent, CancellationToken ct)
    {
        log.Add($"started {domainEvent.Conversation.Subject} tx={db.Database.CurrentTransaction is not null}");
        return Task.CompletedTask;
    }
}

/// <summary>A second handler, registered after <see cref="RecordingHandler"/>, that can be made to throw.</summary>
public sealed class FailingHandler(EventLog log) : IDomainEventHandler<MessageAppended>
{
    public Task HandleAsync(MessageAppended domainEvent, CancellationToken ct)
    {
        if (log.Fail && domainEvent.IsText)
        {
            throw new InvalidOperationException("a handler failed");
        }

        log.Add($"second {domainEvent.Message.Id}");
        return Task.CompletedTask;
    }
}

public sealed class EventsFactory : PortalFactory
{
    public EventLog Log { get; } = new();

    protected override void ConfigureSettings(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(s => s
            .AddSingleton(Log)
            .AddDomainEventHandler<MessageAppended, RecordingHandler>()
            .AddDomainEventHandler<MessageAppended, FailingHandler>()
            .AddDomainEventHandler<MessageEdited, RecordingHandler>()
            .AddDomainEventHandler<MessageDeleted, RecordingHandler>()
            .AddDomainEventHandler<ConversationStarted, RecordingHandler>());

    public async Task<CurrentMember> MemberAsync(IServiceProvider services, string email)
    {
        var userId = await Database.ScalarAsync<Guid>($"SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"Email\" = '{email}'");
        return (await services.GetRequiredService<LoadCurrentMember>().HandleAsync(userId, CancellationToken.None))!;
    }
}

/// <summary>
/// Domain events: a slice reacts to "a message was appended" (edited, deleted, a conversation started) by registering a
/// handler, without an edit to the sender; handlers run in the sender's transaction, in order, and a failing one undoes it all.
/// </summary>
public sealed class DomainEventsTests(EventsFactory factory) : IClassFixture<EventsFactory>
{
    private async Task<Result<long>> SendAsync(string email, long conversationId, string body)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var me = await factory.MemberAsync(scope.ServiceProvider, email);
        return await scope.ServiceProvider.GetRequiredService<SendMessage>()
            .HandleAsync(me, new SendMessageCommand(conversationId, body, Guid.NewGuid()), CancellationToken.None);
    }

    [Fact]
    public async Task AHandlerAddedForMessagesAppendedSeesEveryReplyWithItsIdInsideTheSendersTransaction()
    {
        var id = await factory.Database.ConversationIdAsync("Invoice question");
        factory.Log.Clear();

        var sent = await SendAsync(Demo.Client, id, "Seen by a new feature");

        Assert.True(sent.Succeeded, sent.Error);
        Assert.Contains($"appended {sent.Value} Text Client tx=True", factory.Log.Seen);
        Assert.Contains($"second {sent.Value}", factory.Log.Seen);
    }

    [Fact]
    public async Task HandlersRunInTheOrderTheyWereRegistered()
    {
        var id = await factory.Database.ConversationIdAsync("Invoice question");
        factory.Log.Clear();

        var sent = await SendAsync(Demo.Client, id, "Order of handlers");

        Assert.True(sent.Succeeded, sent.Error);
        var mine = factory.Log.Seen.Where(e => e.Contains($" {sent.Value}", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"appended {sent.Value} Text Client tx=True", $"second {sent.Value}"], mine);
    }

    [Fact]
    public async Task AHandlerThatThrowsLeavesNoMessageNoLiveEventNoEmailAndNoAuditEntry()
    {
        var id = await factory.Database.ConversationIdAsync("Invoice question");
        var counts = "SELECT (SELECT count(*) FROM messages) + (SELECT count(*) FROM live_events) + (SELECT count(*) FROM email_outbox) + (SELECT count(*) FROM audit_entries)";
        var before = await factory.Database.ScalarAsync<long>(counts);
        factory.Log.Fail = true;
        try
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => SendAsync(Demo.Client, id, "This one fails in a handler"));
        }
        finally
        {
            factory.Log.Fail = false;
        }

        Assert.Equal(before, await factory.Database.ScalarAsync<long>(counts));
        Assert.Equal(0, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM messages WHERE body = 'This one fails in a handler'"));
    }

    [Fact]
    public async Task EditAndDeletePublishTheirEventsWhichTheLiveAndAuditSlicesAnswer()
    {
        var id = await factory.Database.ConversationIdAsync("Invoice question");
        var sent = await SendAsync(Demo.Client, id, "Soon to change");
        factory.Log.Clear();

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var me = await factory.MemberAsync(scope.ServiceProvider, Demo.Client);
            var edited = await scope.ServiceProvider.GetRequiredService<EditMessage>()
                .HandleAsync(me, new EditMessageCommand(sent.Value, "Changed"), CancellationToken.None);
            Assert.True(edited.Succeeded, edited.Error);
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var me = await factory.MemberAsync(scope.ServiceProvider, Demo.Client);
            var deleted = await scope.ServiceProvider.GetRequiredService<DeleteMessage>().HandleAsync(me, sent.Value, CancellationToken.None);
            Assert.True(deleted.Succeeded, deleted.Error);
        }

        Assert.Equal([$"edited {sent.Value} tx=True", $"deleted {sent.Value} tx=True"], factory.Log.Seen);
        Assert.Equal(2, await factory.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM live_events WHERE message_id = {sent.Value} AND kind IN ('message-edited', 'message-deleted')"));
        Assert.Equal(2, await factory.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_entries WHERE object_id = '{sent.Value}' AND action IN ('message.edit', 'message.delete')"));
    }

    [Fact]
    public async Task StartingAConversationPublishesConversationStartedThenItsFirstMessage()
    {
        var teamMember = await factory.Database.MemberIdAsync(Demo.Client);
        factory.Log.Clear();

        await using var scope = factory.Services.CreateAsyncScope();
        var me = await factory.MemberAsync(scope.ServiceProvider, Demo.Staff);
        var started = await scope.ServiceProvider.GetRequiredService<StartConversation>().HandleAsync(
            me, new StartConversationCommand("Events start here", "First words", [teamMember], null, Guid.NewGuid()), CancellationToken.None);

        Assert.True(started.Succeeded, started.Error);
        Assert.Equal("started Events start here tx=True", factory.Log.Seen[0]);
        Assert.StartsWith("appended ", factory.Log.Seen[1], StringComparison.Ordinal);
    }
}
