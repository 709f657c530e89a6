using Messaging.Core.Access;
using Messaging.Core.Data;
using Messaging.Core.Export;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Messaging.Web.Exports;

/// <summary>
/// Runs queued export jobs (every node; the claim is atomic) and writes their files under
/// <see cref="ExportOptions.JobsRoot"/> as <c>{job id}.{csv|pdf|zip}</c>, via a temporary name so a half-written
/// file is never offered. The export is re-planned as its member, now: access lost since queueing fails the job.
/// </summary>
public sealed class ExportJobRunner(IServiceScopeFactory scopes, ExportJobSignal signal, IOptions<ExportOptions> options, IHostEnvironment env, ILogger<ExportJobRunner> log)
    : BackgroundService
{
    public static string PathOf(ExportOptions options, IHostEnvironment env, long jobId, string extension)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(env);
        return Path.Combine(Path.GetFullPath(options.JobsRoot, env.ContentRootPath), $"{jobId}.{extension}");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = options.Value.JobPollSeconds;
        if (poll <= 0)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunOneAsync(stoppingToken))
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Export job runner failed; retrying at the next poll");
            }

            try
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(poll), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Runs the next queued job, if any; returns whether there was one.</summary>
    public async Task<bool> RunOneAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<RunExportJobs>();
        var job = await jobs.HandleAsync(ct);
        if (job is null)
        {
            return false;
        }

        try
        {
            var error = await RunAsync(scope.ServiceProvider, job, ct);
            if (error is not null)
            {
                await jobs.FailedAsync(job.Id, error, CancellationToken.None);
            }
        }
        catch (PdfUnavailableException e)
        {
            await jobs.FailedAsync(job.Id, e.Message, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Export job {Job} failed", job.Id);
            await jobs.FailedAsync(job.Id, "The export failed. Try again, or export a shorter date range.", CancellationToken.None);
        }

        return true;
    }

    private async Task<string?> RunAsync(IServiceProvider services, ExportJob job, CancellationToken ct)
    {
        var db = services.GetRequiredService<MessagingDbContext>();
        var userId = await db.Members.AsNoTracking().Where(m => m.Id == job.MemberId).Select(m => m.UserId).SingleAsync(ct);
        var me = await services.GetRequiredService<LoadCurrentMember>().HandleAsync(userId, ct);
        if (me is null || me.MemberId != job.MemberId)
        {
            return "Your account is no longer active in this workspace.";
        }

        var planned = await services.GetRequiredService<PrepareExport>().HandleAsync(me, job.ToRequest(), ct);
        if (!planned.Succeeded)
        {
            return "These conversations are no longer available to you.";
        }

        var plan = planned.Value!;
        var path = PathOf(options.Value, env, job.Id, ExportWriter.ExtensionOf(job.Format, plan));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".part";
        WrittenExport written;
        await using (var progressScope = scopes.CreateAsyncScope())
        await using (var file = File.Create(temporary))
        {
            var progress = progressScope.ServiceProvider.GetRequiredService<RunExportJobs>();
            written = await services.GetRequiredService<ExportWriter>().WriteAsync(
                me, plan, job.Format, file, (done, token) => progress.ProgressAsync(job.Id, done, token), ct);
        }

        File.Move(temporary, path, overwrite: true);
        await services.GetRequiredService<RunExportJobs>().DoneAsync(job.Id, written.FileName, written.FileSha256, CancellationToken.None);
        return null;
    }
}
