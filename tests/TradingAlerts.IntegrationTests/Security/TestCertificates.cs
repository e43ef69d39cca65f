using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TradingAlerts.IntegrationTests.Security;

/// <summary>
/// Throwaway certificates for Orleans TLS, written as PEM files to a temporary folder: a cluster CA with member
/// certificates it issued, and a second, unrelated CA with a member of its own (what an outsider could make).
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private readonly Dictionary<string, (X509Certificate2 Certificate, RSA Key)> _authorities = [];

    public TestCertificates()
    {
        Folder = Directory.CreateTempSubdirectory("ta-orleans-tls-").FullName;
        CreateAuthority("cluster-ca");
        CreateAuthority("rogue-ca");
    }

    public string Folder { get; }

    /// <summary>The PEM certificate of a CA made by the constructor.</summary>
    public string CaPath(string authority) => Path.Combine(Folder, $"{authority}.crt");

    /// <summary>A member certificate issued by <paramref name="authority"/>; returns (certificate path, key path).</summary>
    public (string Certificate, string Key) Issue(string authority, string member)
    {
        var (issuer, issuerKey) = _authorities[authority];
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={member}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false)); // server and client authentication
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        using var certificate = request.Create(issuer.SubjectName, X509SignatureGenerator.CreateForRSA(issuerKey, RSASignaturePadding.Pkcs1),
            DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2), serial);
        var paths = (Path.Combine(Folder, $"{member}.crt"), Path.Combine(Folder, $"{member}.key"));
        File.WriteAllText(paths.Item1, certificate.ExportCertificatePem());
        File.WriteAllText(paths.Item2, key.ExportPkcs8PrivateKeyPem());
        return paths;
    }

    private void CreateAuthority(string name)
    {
        var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(3));
        _authorities[name] = (certificate, key);
        File.WriteAllText(CaPath(name), certificate.ExportCertificatePem());
    }

    public void Dispose()
    {
        foreach (var (certificate, key) in _authorities.Values)
        {
            certificate.Dispose();
            key.Dispose();
        }

        Directory.Delete(Folder, recursive: true);
    }
}
