using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using TradingAlerts.IntegrationTests.Infrastructure;
using TradingAlerts.Api.Auth;

namespace TradingAlerts.IntegrationTests.Api;

/// <summary>
/// The embedded silo with small quotas (FREE 3, PRO 6 per 10 s) behind real Kestrel, so anonymous
/// callers have real client addresses: each test client connects from its own 127.x.y.z.
/// </summary>
public sealed class RateLimitedSilo : IAsyncLifetime
{
    public const int FreeLimit = 3;
    public const int ProLimit = 6;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    public SiloFactory Factory { get; } = new(Settings(FreeLimit, ProLimit, Window));

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Settings that turn the limits on with the given quotas (SiloFactory turns them off).</summary>
    public static Dictionary<string, string?> Settings(int free, int pro, TimeSpan window) => new()
    {
        ["RateLimits:Enabled"] = "true",
        ["RateLimits:FreePerHour"] = free.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:ProPerHour"] = pro.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:Window"] = window.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
    };

    public async ValueTask InitializeAsync()
    {
        BaseAddress = Factory.StartOnLoopback();
        // First requests pay for JIT and the first grain activation: spend them on an address no test uses.
        using var warmUp = Client("127.0.0.254");
        (await warmUp.GetAsync(new Uri("/api/symbols", UriKind.Relative))).EnsureSuccessStatusCode();
    }

    /// <summary>A client whose connections come from <paramref name="from"/> (all of 127/8 is loopback).</summary>
    public HttpClient Client(string from, string? token = null)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(from), 0));
                    await socket.ConnectAsync(IPAddress.Parse(context.DnsEndPoint.Host), context.DnsEndPoint.Port, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var client = new HttpClient(handler) { BaseAddress = BaseAddress };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>A token of <paramref name="tier"/> whose subject is <paramref name="user"/>, signed with the silo's key.</summary>
    public static string Token(SiloFactory factory, string tier, string user)
    {
        var options = factory.Services.GetRequiredService<AuthOptions>();
        var credentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.SigningKey!)), SecurityAlgorithms.HmacSha256);
        var token = new JwtSecurityToken(options.Issuer, options.Audience, claims: [new Claim("sub", user), new Claim("tier", tier)],
            expires: DateTime.UtcNow.AddHours(1), signingCredentials: credentials);
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
