using System.Security.Cryptography;
using System.Text;

namespace TradingAlerts.AlertEngine.Webhooks;

/// <summary>The signature header a receiver verifies: "sha256=" and the lowercase hex HMAC-SHA256 of the exact body bytes.</summary>
public static class WebhookSignature
{
    public const string Header = "X-TradingAlerts-Signature";

    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
