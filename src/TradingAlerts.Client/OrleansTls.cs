using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Orleans.Connections.Security;

namespace TradingAlerts.Client;

/// <summary>
/// Orleans' TLS (Microsoft.Orleans.Connections.Security) set up from <see cref="OrleansTlsOptions"/>: this member's
/// certificate, a certificate required from the other side, and trust in the cluster's CA only. Host names are not
/// checked (silos are reached by address); the CA is what admits a member, so issue it to silos, agents and alert
/// engines only.
/// </summary>
public static class OrleansTls
{
    public static OrleansTlsOptions Read(IConfiguration configuration) =>
        configuration.GetSection(OrleansTlsOptions.Section).Get<OrleansTlsOptions>() ?? new OrleansTlsOptions();

    /// <summary>Adds TLS to a silo when enabled; a missing or unreadable file stops the start with its name.</summary>
    public static ISiloBuilder UseGridTls(this ISiloBuilder silo, OrleansTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return options.Enabled ? silo.UseTls(LoadCertificate(options), tls => Configure(tls, options)) : silo;
    }

    /// <summary>Adds TLS to a client when enabled.</summary>
    public static IClientBuilder UseGridTls(this IClientBuilder client, OrleansTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        return options.Enabled ? client.UseTls(LoadCertificate(options), tls => Configure(tls, options)) : client;
    }

    private static void Configure(TlsOptions tls, OrleansTlsOptions options)
    {
        var ca = LoadCa(options);
        tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.RemoteCertificateValidation = (certificate, _, _) => IssuedBy(certificate, ca);
    }

    /// <summary>The remote certificate chains to the cluster's CA (and only to it: the system's roots are not used).</summary>
    public static bool IssuedBy(X509Certificate2 certificate, X509Certificate2 ca)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    private static X509Certificate2 LoadCertificate(OrleansTlsOptions options)
    {
        var path = Required(options.CertificatePath, "CertificatePath");
        try
        {
            var extension = Path.GetExtension(path);
            if (extension.Equals(".pfx", StringComparison.OrdinalIgnoreCase) || extension.Equals(".p12", StringComparison.OrdinalIgnoreCase))
            {
                return X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword);
            }

            var key = Required(options.KeyPath, "KeyPath");
            using var pem = string.IsNullOrEmpty(options.CertificatePassword)
                ? X509Certificate2.CreateFromPemFile(path, key)
                : X509Certificate2.CreateFromEncryptedPemFile(path, options.CertificatePassword, key);
            // A PEM key is ephemeral; SslStream on Windows (the agent next to MT5) needs it as a PKCS#12 key.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            throw new InvalidOperationException($"Orleans:Tls: cannot load the certificate {path} (key {options.KeyPath}): {ex.Message}", ex);
        }
    }

    private static X509Certificate2 LoadCa(OrleansTlsOptions options)
    {
        var path = Required(options.CaPath, "CaPath");
        try
        {
            return X509Certificate2.CreateFromPem(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            throw new InvalidOperationException($"Orleans:Tls: cannot load the CA certificate {path}: {ex.Message}", ex);
        }
    }

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidOperationException($"Orleans:Tls:{name} must be set when Orleans:Tls:Enabled is true") : value;
}
