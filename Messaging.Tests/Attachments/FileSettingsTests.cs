using System.Net;
using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Attachments;

/// <summary>The file settings section of /admin/settings: saved, audited, refused with the form kept, and in force for uploads.</summary>
public sealed class FileSettingsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> Form(int file, int message, int quota, int days, params string[] types)
    {
        var form = new Dictionary<string, string>
        {
            ["Files.MaxFileMb"] = file.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Files.MaxMessageMb"] = message.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Files.ProjectQuotaGb"] = quota.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Files.RetentionDays"] = days.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < types.Length; i++)
        {
            form[$"Files.AllowedTypes[{i}]"] = types[i];
        }

        return form;
    }

    private Task<string> StoredAsync() => factory.Database.ScalarAsync<string>(
        "SELECT max_file_bytes || ' ' || max_message_bytes || ' ' || project_quota_bytes || ' ' || file_retention_days || ' ' || allowed_file_types FROM workspaces ORDER BY id LIMIT 1");

    [Fact]
    public async Task TheDefaultsShowAndAnAdminSavesNewLimitsWhichAreAudited()
    {
        using var admin = await factory.SignInAsync(Demo.Admin);
        var page = await admin.GetPageAsync("/admin/settings");
        Assert.Equal("50", page.QuerySelector("[data-testid=file-settings-max-file]")!.GetAttribute("value"));
        Assert.Equal("100", page.QuerySelector("[data-testid=file-settings-max-message]")!.GetAttribute("value"));
        Assert.Equal("5", page.QuerySelector("[data-testid=file-settings-quota]")!.GetAttribute("value"));
        Assert.Equal("30", page.QuerySelector("[data-testid=file-settings-retention]")!.GetAttribute("value"));
        Assert.Equal(21, page.QuerySelectorAll("[data-testid=file-settings-form] input[type=checkbox][checked]").Length);

        var response = await admin.PostFormAsync("/admin/settings", "/admin/settings?handler=Files", Form(20, 40, 2, 7, "png", "pdf", "zip"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{20 * 1024 * 1024} {40 * 1024 * 1024} {2L * 1024 * 1024 * 1024} 7 png,pdf,zip", await StoredAsync());
        var detail = await factory.Database.ScalarAsync<string>("SELECT detail FROM audit_entries WHERE action = 'setting.change' ORDER BY id DESC LIMIT 1");
        Assert.Contains("per file 50 MB → 20 MB", detail, StringComparison.Ordinal);
        Assert.Contains("retention days 30 → 7", detail, StringComparison.Ordinal);
        Assert.Contains("types refused: csv", detail, StringComparison.Ordinal);
        var again = await admin.GetPageAsync("/admin/settings");
        Assert.Equal("20", again.QuerySelector("[data-testid=file-settings-max-file]")!.GetAttribute("value"));
        Assert.Null(again.QuerySelector("[data-testid=file-type-csv][checked]"));

        // The new list is in force: a CSV is refused now.
        var conversation = await factory.Database.ConversationIdAsync("Invoice question");
        using var client = await factory.SignInAsync(Demo.Client);
        var upload = await client.PostFilesAsync($"/portal/messages/{conversation}", "csv", [("numbers.csv", TestFiles.Csv)]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, upload.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/admin/settings", "/admin/settings?handler=Files",
            Form(50, 100, 5, 30, "jpg", "jpeg", "png", "gif", "webp", "heic", "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "txt", "csv", "mp4", "mov", "zip"))).StatusCode);
    }

    [Theory]
    [InlineData(0, 100, 5, 30, "between 1 and 2048 MB")]
    [InlineData(60, 50, 5, 30, "can't be smaller than the size per file")]
    [InlineData(50, 100, 0, 30, "project quota between 1 and")]
    [InlineData(50, 100, 5, 0, "retention period between 1 and 3650 days")]
    public async Task InvalidValuesAreRefusedWithTheFormKeptAndNothingChanges(int file, int message, int quota, int days, string error)
    {
        using var admin = await factory.SignInAsync(Demo.Admin);
        var before = await StoredAsync();
        var audits = await factory.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action = 'setting.change'");

        var response = await admin.PostFormAsync("/admin/settings", "/admin/settings?handler=Files", Form(file, message, quota, days, "png"));
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(error, page.QuerySelector("[data-testid=file-settings-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(file.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("[data-testid=file-settings-max-file]")!.GetAttribute("value"));
        Assert.Single(page.QuerySelectorAll("[data-testid=file-settings-form] input[type=checkbox][checked]"));
        Assert.NotNull(page.QuerySelector("[data-testid=messages-module-toggle]"));
        Assert.Equal(before, await StoredAsync());
        Assert.Equal(audits, await factory.Database.ScalarAsync<long>("SELECT count(*) FROM audit_entries WHERE action = 'setting.change'"));
    }

    [Fact]
    public async Task AnUnknownTypeOrANonNumberIsRefused()
    {
        using var admin = await factory.SignInAsync(Demo.Admin);
        var before = await StoredAsync();
        var form = Form(50, 100, 5, 30, "png", "svg");
        var withText = Form(50, 100, 5, 30, "png");
        withText["Files.MaxFileMb"] = "lots";

        var unknown = await admin.PostFormAsync("/admin/settings", "/admin/settings?handler=Files", form);
        var text = await admin.PostFormAsync("/admin/settings", "/admin/settings?handler=Files", withText);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("Unknown file type: svg", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, text.StatusCode);
        Assert.Equal(before, await StoredAsync());
    }
}
