namespace TradingAlerts.E2E.Infrastructure;

/// <summary>A silo process a browser page opens the dashboard on: the shared demo silo or a test class's own.</summary>
public interface IDashboardSilo
{
    Uri BaseAddress { get; }

    /// <summary>The silo's last lines of output, for failure messages.</summary>
    string LogTail();
}
