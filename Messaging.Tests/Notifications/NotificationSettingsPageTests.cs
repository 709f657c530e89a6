using System.Net;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Notifications;

/// <summary>The settings pages: saving, showing, refusing bad fields with 422 and nothing stored, and who may open which.</summary>
public sealed class NotificationSettingsPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Portal = "/portal/settings/notifications";
    private const string Staff = "/staff/settings/notifications";

    private static Dictionary<string, string> Form(string mode = "Hourly", string zone = "Europe/Berlin", string start = "22:00", string end = "07:00") => new()
    {
        ["Input.EmailMode"] = mode,
        ["Input.BrowserEnabled"] = "true",
        ["Input.SoundEnabled"] = "true",
        ["Input.QuietStart"] = start,
        ["Input.QuietEnd"] = end,
        ["Input.TimeZone"] = zone,
    };

    private Task<long> RowsAsync(string email) =>
        factory.Database.ScalarAsync<long>($"SELECT count(*) FROM notification_settings s JOIN members m ON m.id = s.member_id JOIN \"AspNetUsers\" u ON u.\"Id\" = m.user_id WHERE u.\"Email\" = '{email}'");

    [Fact]
    public async Task AClientSavesTheirSettingsAndSeesThemOnTheirNextVisit()
    {
        using var client = await factory.SignInAsync(Demo.Client);

        var response = await client.PostFormAsync(Portal, Portal, Form());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Portal, response.Headers.Location!.OriginalString);
        var page = await client.GetPageAsync(Portal);
        Assert.Equal("Your notification settings are saved.", page.QuerySelector("[data-testid=notification-settings-saved]")!.TextContent);
        Assert.Equal("Hourly", page.QuerySelector("[data-testid=email-mode]:checked")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("[data-testid=browser-enabled]:checked"));
        Assert.NotNull(page.QuerySelector("[data-testid=sound-enabled]:checked"));
        Assert.Equal("22:00", page.QuerySelector("[data-testid=quiet-start]")!.GetAttribute("value"));
        Assert.Equal("07:00", page.QuerySelector("[data-testid=quiet-end]")!.GetAttribute("value"));
        Assert.Equal("Europe/Berlin", page.QuerySelector("[data-testid=time-zone] option:checked")!.GetAttribute("value"));
        // The browser hooks follow the saved choice on every page.
        var prefs = page.QuerySelector("[data-testid=notify-prefs]")!;
        Assert.Equal("true", prefs.GetAttribute("data-browser"));
        Assert.Equal("true", prefs.GetAttribute("data-sound"));
        Assert.Equal(1320, await factory.Database.ScalarAsync<int>("SELECT quiet_start_minute FROM notification_settings WHERE time_zone = 'Europe/Berlin' LIMIT 1"));
    }

    [Fact]
    public async Task StaffHaveTheirOwnPageAndEachAreaIsNotFoundForTheOtherKind()
    {
        using var staff = await factory.SignInAsync(Demo.Staff);
        using var client = await factory.SignInAsync(Demo.Client2);

        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(Staff, Staff, Form(mode: "Daily", zone: "UTC", start: "", end: ""))).StatusCode);
        var page = await staff.GetPageAsync(Staff);
        Assert.Equal("Daily", page.QuerySelector("[data-testid=email-mode]:checked")!.GetAttribute("value"));
        Assert.Equal(Staff, (await staff.GetPageAsync("/account/preferences")).QuerySelector("[data-testid=notification-settings-link]")!.GetAttribute("href"));

        await staff.GetPageAsync(Portal, HttpStatusCode.NotFound);
        await client.GetPageAsync(Staff, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("Hourly", "Mars/Olympus_Mons", "22:00", "07:00", "Choose your time zone from the list")]
    [InlineData("Hourly", "UTC", "22:00", "", "both a start and an end")]
    [InlineData("Hourly", "UTC", "25:99", "07:00", "Enter quiet hours as times")]
    [InlineData("Hourly", "UTC", "08:00", "08:00", "an end that differs")]
    [InlineData("Sometimes", "UTC", "", "", "Choose how you want to get emails")]
    public async Task ABadFieldIsRefusedWith422TheReasonAndTheFormAsTypedAndNothingIsStored(string mode, string zone, string start, string end, string reason)
    {
        using var client = await factory.SignInAsync(Demo.Subcontractor);

        foreach (var htmx in new[] { false, true })
        {
            var response = await client.PostFormAsync(Portal, Portal, Form(mode, zone, start, end), htmx);

            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
            Assert.Contains(reason, page.QuerySelector("[data-testid=notification-settings-error]")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(start, page.QuerySelector("[data-testid=quiet-start]")!.GetAttribute("value") ?? "");
        }

        Assert.Equal(0L, await RowsAsync(Demo.Subcontractor));
    }

    [Fact]
    public async Task ThePageTitleCarriesTheUnreadCount()
    {
        using var client = await factory.SignInAsync(Demo.Client);
        var badge = (await client.GetPageAsync("/portal/messages")).QuerySelector("[data-testid=unread-badge]")!.GetAttribute("data-count");
        var page = await client.GetPageAsync("/portal/messages");

        Assert.NotEqual("0", badge);
        Assert.StartsWith($"({badge}) Messages", page.Title, StringComparison.Ordinal);
    }
}
