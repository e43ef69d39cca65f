using System.IdentityModel.Tokens.Jwt;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using TradingAlerts.Abstractions.Contracts;
using TradingAlerts.Abstractions.Grains;
using TradingAlerts.Indicators.Synthetic;
using TradingAlerts.IntegrationTests.Infrastructure;
using TradingAlerts.Api.Auth;

namespace TradingAlerts.IntegrationTests.Api;

/// <summary>The embedded silo with three days of EURUSD and GBPUSD ingested through the grains, and tokens.</summary>
public class ApiFixture : IAsyncLifetime
{
    private readonly IReadOnlyDictionary<string, string?>? _settings;

    public ApiFixture()
        : this(null)
    {
    }

    /// <summary>With extra host settings (internal: xunit wants one public constructor on a class fixture).</summary>
    internal ApiFixture(IReadOnlyDictionary<string, string?>? settings) => _settings = settings;

    /// <summary>Where the ingested history starts: 2022-01-04 00:00 UTC.</summary>
    public const long HistoryStart = 1_641_254_400;

    public SiloFactory Factory { get; private set; } = null!;

    public string ProToken { get; private set; } = string.Empty;

    public string FreeToken { get; private set; } = string.Empty;

    /// <summary>Days of history ingested per symbol.</summary>
    public virtual int Days => 3;

    /// <summary>Every log entry of the silo, for tests that check what an operator is told.</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>Host settings of the silo, decided before it starts.</summary>
    protected virtual ValueTask<IReadOnlyDictionary<string, string?>?> SettingsAsync() => ValueTask.FromResult(_settings);

    public async ValueTask InitializeAsync()
    {
        Factory = new SiloFactory(await SettingsAsync(), services => services.AddSingleton<ILoggerProvider>(Logs));
        var grains = Factory.Services.GetRequiredService<IGrainFactory>();
        foreach (var symbol in new[] { "EURUSD", "GBPUSD" })
        {
            var market = new SyntheticMarket([symbol]);
            var rows = market.History(symbol, HistoryStart, HistoryStart + (Days * 86_400L)).ToList()
                .Concat(market.Forming(symbol)) // the last bar of each timeframe is still forming
                .Select((b, i) => b.ToRecord() with { Seq = i + 1, WrittenAtMs = 1 }).ToArray();
            await grains.GetGrain<ISymbolGrain>(symbol).Ingest(new IngestBatch(symbol, "api-test", rows, rows[^1].Seq));
        }

        using var client = Factory.CreateClient();
        ProToken = await DevToken.GetAsync(client, "PRO");
        FreeToken = await DevToken.GetAsync(client, "FREE");
    }

    public HttpClient Client(string? token = null)
    {
        var client = Factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>A token signed with the silo's key, with any expiry (for expired-token cases).</summary>
    public string Token(string tier, DateTime expires, string? key = null)
    {
        var options = Factory.Services.GetRequiredService<AuthOptions>();
        var credentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key ?? options.SigningKey!)), SecurityAlgorithms.HmacSha256);
        var token = new JwtSecurityToken(options.Issuer, options.Audience, claims: [new Claim("tier", tier)],
            notBefore: expires.AddHours(-2), expires: expires, signingCredentials: credentials);
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    public virtual async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
