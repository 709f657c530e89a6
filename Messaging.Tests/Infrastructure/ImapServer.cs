using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Messaging.Tests.Infrastructure;

/// <summary>
/// A real IMAP server: Debian's dovecot-imapd, started privately on a free loopback port with its own
/// configuration, data folder and throwaway mailbox user (a passwd-file), in the foreground as a child of the
/// test run; the system's dovecot service is never touched. As root its processes run as the package's
/// <c>dovecot</c>/<c>dovenull</c> users (dovecot refuses mail as root); otherwise as the invoking user.
/// Offers STARTTLS with the given certificate.
/// </summary>
public sealed class ImapServer : IDisposable
{
    public const string Binary = "/usr/sbin/dovecot";

    private Process? process;

    public ImapServer(TestCertificate certificate, string user = "inbox", string password = "inbox-secret")
    {
        ArgumentNullException.ThrowIfNull(certificate);
        User = user;
        Password = password;
        Port = SmtpSink.FreePort();
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException("dovecot is not installed (install dovecot-imapd: ./test.sh does)");
        }

        var root = Environment.UserName == "root";
        Directory.CreateDirectory(Folder);
        foreach (var sub in new[] { "run", "state", "mail", "home" })
        {
            Directory.CreateDirectory(Path.Combine(Folder, sub));
        }

        var cert = Path.Combine(Folder, "cert.pem");
        var key = Path.Combine(Folder, "key.pem");
        File.Copy(certificate.CertPath, cert);
        File.Copy(certificate.KeyPath, key);
        File.WriteAllText(Path.Combine(Folder, "passwd"), $"{user}:{{PLAIN}}{password}\n");
        var internalUser = root ? "dovecot" : Environment.UserName;
        var loginUser = root ? "dovenull" : Environment.UserName;
        var group = root ? "dovecot" : Output("/usr/bin/id", "-g");
        File.WriteAllText(ConfigPath, $$"""
            base_dir = {{Folder}}/run
            state_dir = {{Folder}}/state
            log_path = {{Folder}}/dovecot.log
            protocols = imap
            listen = 127.0.0.1
            ssl = yes
            ssl_cert = <{{cert}}
            ssl_key = <{{key}}
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            default_internal_user = {{internalUser}}
            default_login_user = {{loginUser}}
            first_valid_uid = 1
            mail_location = maildir:{{Folder}}/mail/%u
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{Folder}}/passwd
            }
            userdb {
              driver = static
              args = uid={{internalUser}} gid={{group}} home={{Folder}}/home/%u
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{Port.ToString(CultureInfo.InvariantCulture)}}
              }
              inet_listener imaps {
                port = 0
              }
              chroot =
            }
            service anvil {
              chroot =
            }
            service stats {
              unix_listener stats-writer {
                mode = 0666
              }
            }
            """);
        if (root)
        {
            // The mail processes run as the package's dovecot user: it owns the mail folders and reads the key.
            Run("/bin/chmod", "755", Folder);
            Run("/bin/chown", "-R", "dovecot", Path.Combine(Folder, "mail"), Path.Combine(Folder, "home"));
        }

        Start();
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "messaging-test-imap", Guid.NewGuid().ToString("N"));

    public string ConfigPath => Path.Combine(Folder, "dovecot.conf");

    public int Port { get; }

    public string User { get; }

    public string Password { get; }

    public void Start()
    {
        var start = new ProcessStartInfo(Binary, ["-F", "-c", ConfigPath]) { RedirectStandardOutput = true, RedirectStandardError = true };
        process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dovecot");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(); // never outlive the test run
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                break;
            }

            try
            {
                using var client = new TcpClient();
                client.Connect("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        var log = Path.Combine(Folder, "dovecot.log");
        throw new InvalidOperationException("dovecot did not start: " + (process.HasExited ? process.StandardError.ReadToEnd() : "") + (File.Exists(log) ? File.ReadAllText(log) : ""));
    }

    public void Stop()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process?.Dispose();
        process = null;
    }

    public void Dispose()
    {
        Stop();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private static string Output(string file, params string[] arguments)
    {
        using var p = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true }) ?? throw new InvalidOperationException(file);
        var output = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return output;
    }

    private static void Run(string file, params string[] arguments)
    {
        using var p = Process.Start(file, arguments);
        p.WaitForExit();
    }
}
