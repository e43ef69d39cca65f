using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using TradingAlerts.Silo.Api;
using TradingAlerts.Silo.Auth;
using TradingAlerts.Silo.Dashboard;
using TradingAlerts.Silo.Health;
using TradingAlerts.Silo.Hosting;
using TradingAlerts.Silo.Live;
using TradingAlerts.Silo.Observability;
using TradingAlerts.Silo.RateLimits;

var builder = WebApplication.CreateBuilder(args);

builder.UseDefaultUrl();
builder.AddGridDatabase();
builder.AddGridSilo();
builder.AddGridScaleOut();
builder.AddGridIngest();
builder.AddGridApiErrors();
builder.AddGridAuth();
builder.AddGridRateLimits();
builder.AddResponseCache();
builder.AddGridHealth();
builder.AddGridObservability();
builder.AddGridOpenApi();
builder.AddLiveStreams();
builder.Services.AddResponseCompression(options =>
{
    // Bars with indicators are megabytes of JSON; compression is by Accept-Encoding (br, gzip).
    options.EnableForHttps = true;
    options.Providers.Add<BrotliCompressionProvider>();
    options.Providers.Add<GzipCompressionProvider>();
});
builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);

var app = builder.Build();

app.UseGridApiErrors();
app.UseGridMetrics();
app.UseApiStatusEnvelope();
app.UseResponseCompression();
app.UseAuthentication();
app.UseRejectInvalidTokens();
app.UseAuthorization();
app.UseGridRateLimits();

app.MapGridHealth();
app.MapOrleansAdminDashboard();
app.MapGridOpenApi();
app.MapHealthApi();
app.MapGridApi();
app.UseDashboardPages();
app.MapDevTokenApi(app.Environment, app.Services.GetRequiredService<AuthOptions>());

app.Run();

/// <summary>Entry point, public so the integration tests can host the silo with WebApplicationFactory.</summary>
public partial class Program;
