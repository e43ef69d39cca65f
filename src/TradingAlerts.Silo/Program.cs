using TradingAlerts.Api;
using TradingAlerts.Silo.Hosting;

// The silo is a composition root: the Orleans side (Hosting/OrleansConfiguration.cs), the ingest agent with the demo
// switch (Hosting/IngestConfiguration.cs) and the HTTP edge (the TradingAlerts.Api project), all decided from one
// topology read once from the connection strings.
var builder = WebApplication.CreateBuilder(args);
var topology = GridTopology.From(builder.Configuration);

builder.UseDefaultUrl();
builder.AddGridOrleans(topology);
builder.AddGridIngest();
builder.AddGridApi(topology);

var app = builder.Build();

app.MapGridApi();
app.MapOrleansAdminDashboard();

app.Run();

/// <summary>Entry point, public so the integration tests can host the silo with WebApplicationFactory.</summary>
public partial class Program;
