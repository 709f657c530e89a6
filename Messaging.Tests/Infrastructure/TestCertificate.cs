using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Messaging.Tests.Infrastructure;

/// <summary>A self-signed certificate for 127.0.0.1 written as PEM files, for the private mail servers' TLS; its SHA-256 is what the portal pins.</summary>
public sealed class TestCertificate : IDisposable
{
    public TestCertificate()
    {
        Directory.CreateDirectory(Folder);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        File.WriteAllText(CertPath, certificate.ExportCertificatePem());
        File.WriteAllText(KeyPath, key.ExportPkcs8PrivateKeyPem());
        Sha256 = Convert.ToHexString(SHA256.HashData(certificate.RawData));
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "messaging-test-cert", Guid.NewGuid().ToString("N"));

    public string CertPath => Path.Combine(Folder, "cert.pem");

    public string KeyPath => Path.Combine(Folder, "key.pem");

    public string Sha256 { get; }

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
