using TradingAlerts.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.UseDefaultUrl();
builder.AddGridDatabase();
builder.AddGridSilo();
builder.AddGridIngest();
builder.Services.AddHealthChecks();

var app = builder.Build();

app.MapHealthChecks("/healthz");

app.Run();

/// <summary>Entry point, public so the integration tests can host the silo with WebApplicationFactory.</summary>
public partial class Program;
