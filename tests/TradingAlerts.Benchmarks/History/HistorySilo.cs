using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TradingAlerts.Benchmarks.Http;

namespace TradingAlerts.Benchmarks.History;

/// <summary>
/// The real silo on PostgreSQL (write-through, ADO.NET clustering) on real Kestrel, with a small in-memory window
/// (<c>Grid:BarCapacity</c>) so older bars are served from the store, and the raw-SELECT baseline mounted under
/// /bench behind the same pipeline, reading over the silo's own NpgsqlDataSource (the same connection pool).
/// </summary>
internal sealed class HistorySilo(string connectionString, int barCapacity, Func<NpgsqlDataSource, HttpContext, Task> rawSelect) : KestrelBenchSilo
{
    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Postgres", connectionString);
        builder.UseSetting("Orleans:AdvertisedIP", "127.0.0.1");
        builder.UseSetting("Grid:BarCapacity", barCapacity.ToString(CultureInfo.InvariantCulture));
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RawSelectEndpoint(rawSelect)));
    }

    /// <summary>After the silo's pipeline (compression, JWT, authorization), as the API's own requests pass it.</summary>
    private sealed class RawSelectEndpoint(Func<NpgsqlDataSource, HttpContext, Task> rawSelect) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            var pool = app.ApplicationServices.GetRequiredService<NpgsqlDataSource>();
            app.Map("/bench/raw-select", b => b.Run(context => rawSelect(pool, context)));
        };
    }
}
