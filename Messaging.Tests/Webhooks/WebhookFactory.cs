using Messaging.Core.Access;
using Messaging.Core.Webhooks;
using Messaging.Tests.Infrastructure;
using Messaging.Tests.Notifications;
using Messaging.Web.Webhooks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Messaging.Tests.Webhooks;

/// <summary>
/// The portal with the fake clock and SMTP server of <see cref="NotificationFactory"/>, deliveries to loopback allowed
/// (the receivers run on 127.0.0.1; private and link-local addresses stay refused), a 2-second try limit, and the
/// webhook loop off: tests run the dispatcher themselves (<see cref="DeliverAsync"/>).
/// </summary>
public sealed class WebhookFactory : NotificationFactory
{
    public const int TimeoutSeconds = 2;

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        base.ConfigureSettings(builder);
        builder.UseSetting("Messaging:Webhooks:AllowLoopback", "true");
        builder.UseSetting("Messaging:Webhooks:TimeoutSeconds", TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Messaging:Webhooks:Dispatch:Enabled", "false");
        builder.UseSetting("Messaging:Notifications:PublicBaseUrl", "https://portal.example");
    }

    /// <summary>One dispatcher pass, as the background loop runs it.</summary>
    public Task<int> DeliverAsync() => WebhookDispatcher.RunOnceAsync(Services.GetRequiredService<IServiceScopeFactory>(), CancellationToken.None);

    public async Task<CurrentMember> MemberAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var userId = await Database.ScalarAsync<Guid>($"SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"Email\" = '{email}'");
        return (await scope.ServiceProvider.GetRequiredService<LoadCurrentMember>().HandleAsync(userId, CancellationToken.None))!;
    }

    /// <summary>Registers a webhook as the demo Admin through the use case the page calls; returns its id and secret.</summary>
    public async Task<RegisteredWebhook> RegisterAsync(Uri url, bool includeInternal = false, params string[] events)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<RegisterWebhook>().HandleAsync(
            await MemberAsync(Demo.Admin), new RegisterWebhookCommand(url.ToString(), events.Length > 0 ? events : [WebhookEvents.MessageCreated], includeInternal), CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
        return result.Value!;
    }

    /// <summary>Adds a Slack or Teams channel as the demo Admin through the use case the page calls; returns its id.</summary>
    public async Task<long> AddChannelAsync(WebhookFormat format, Uri url, long? projectId = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AddChatChannel>().HandleAsync(
            await MemberAsync(Demo.Admin), new AddChatChannelCommand(format, url.ToString(), projectId), CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
        return result.Value;
    }

    public Task<long> ProjectIdAsync(string name) => Database.ScalarAsync<long>($"SELECT id FROM projects WHERE name = '{name}'");

    public Task<long> MemberIdAsync(string displayName) => Database.ScalarAsync<long>($"SELECT id FROM members WHERE display_name = '{displayName}'");

    /// <summary>Nothing left over from another test: every webhook gone (with its deliveries).</summary>
    public Task ClearWebhooksAsync() => Database.ExecuteAsync("DELETE FROM webhooks");

    public Task<string> DeliveryStatusAsync(long webhookId) =>
        Database.ScalarAsync<string>($"SELECT coalesce(string_agg(status, ',' ORDER BY id), '') FROM webhook_deliveries WHERE webhook_id = {webhookId}");
}
