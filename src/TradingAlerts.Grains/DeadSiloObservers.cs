using Orleans.Utilities;

namespace TradingAlerts.Grains;

/// <summary>
/// Drops the observers a dead silo hosted (its live topics subscribe through the silo's hosted client) as soon as the
/// membership declares the silo dead. Orleans would keep them until <c>Grid:ObserverExpiry</c> (5 min), and every
/// notification to one costs the notifying silo a placement retry and two "No activation for client" warnings: after a
/// SIGKILL that was thousands of lines a minute. Checked when the membership version changes, so a notification
/// otherwise costs one comparison.
/// </summary>
internal sealed class DeadSiloObservers(IClusterMembershipService membership)
{
    private const string HostedClientPrefix = "hosted-";
    private MembershipVersion _checked = MembershipVersion.MinValue;

    public void Prune<T>(ObserverManager<T> observers)
    {
        var snapshot = membership.CurrentSnapshot;
        if (snapshot.Version == _checked)
        {
            return;
        }

        _checked = snapshot.Version;
        foreach (var observer in observers.Observers.Keys.ToArray())
        {
            if (HostingSilo(observer.GetGrainId()) is { } silo && snapshot.GetSiloStatus(silo) == SiloStatus.Dead)
            {
                observers.Unsubscribe(observer);
            }
        }
    }

    /// <summary>
    /// The silo whose hosted client an observer lives in (<c>sys.client/hosted-{silo}+{observer}</c>), or null for an
    /// external client's observer (an alert engine's, which Orleans drops when its gateway connection goes).
    /// </summary>
    internal static SiloAddress? HostingSilo(GrainId observer)
    {
        var key = observer.Key.ToString();
        if (!key.StartsWith(HostedClientPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = key.IndexOf('+', StringComparison.Ordinal);
        var silo = end < 0 ? key[HostedClientPrefix.Length..] : key[HostedClientPrefix.Length..end];
        try
        {
            return SiloAddress.FromParsableString(silo);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
