using System.Net;
using System.Net.Sockets;

namespace TradingAlerts.Api.RateLimits;

/// <summary>
/// Who a caller is for quotas and stream caps: the token's subject when a valid token carries one, otherwise the
/// client address. An IPv4 caller is its address (an IPv4-mapped IPv6 address counts as the IPv4 one); an IPv6
/// caller is its /64, because a subscriber is typically given a whole /64 and can send from any of its 2^64
/// addresses: keyed by address it would get unbounded quotas (and limiter grains).
/// </summary>
internal static class CallerKey
{
    public static string Of(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && context.User.FindFirst("sub")?.Value is { Length: > 0 } subject
            ? $"user:{subject}"
            : OfAddress(context.Connection.RemoteIpAddress);

    public static string OfAddress(IPAddress? address)
    {
        if (address is null)
        {
            return "ip:unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return $"ip:{address}";
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"ip6:{new IPAddress(bytes)}/64";
    }
}
