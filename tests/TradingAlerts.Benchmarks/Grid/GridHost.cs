using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TradingAlerts.Abstractions.Ports;
using TradingAlerts.Grains;
using TradingAlerts.Grains.Bars;

namespace TradingAlerts.Benchmarks.Grid;

/// <summary>A one-silo grid in this process (localhost clustering, memory cursor storage) over a given bar store.</summary>
internal static class GridHost
{
    public static IHost Build(IBarStore store, Action<IServiceCollection>? services = null) => Host.CreateDefaultBuilder()
        .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
        .UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreePort(), FreePort(), clusterId: $"bench-{Guid.NewGuid():N}");
            silo.AddMemoryGrainStorage(GridStorage.Name);
            silo.Services.AddSingleton(store);
            silo.Services.AddSingleton<IGridEventPublisher, NoGridEventPublisher>();
            silo.Services.AddOptions<GridOptions>();
        })
        .ConfigureServices(s => services?.Invoke(s))
        .Build();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
