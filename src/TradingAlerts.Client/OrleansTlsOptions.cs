namespace TradingAlerts.Client;

/// <summary>
/// Mutual TLS on Orleans' connections (section "Orleans:Tls", read by silos and clients alike): silo to silo and
/// client to gateway. Every member presents its own certificate, and accepts only certificates issued by the
/// cluster's CA. Off unless enabled (the embedded run needs none).
/// </summary>
public sealed class OrleansTlsOptions
{
    public const string Section = "Orleans:Tls";

    public bool Enabled { get; set; }

    /// <summary>This member's certificate: PEM (with <see cref="KeyPath"/>) or PKCS#12 (.pfx/.p12, with <see cref="CertificatePassword"/>).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>PEM private key of a PEM certificate (unencrypted, or encrypted with <see cref="CertificatePassword"/>).</summary>
    public string? KeyPath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>PEM certificate of the CA that issues every member's certificate: the only trust anchor.</summary>
    public string? CaPath { get; set; }
}
