using TradingAlerts.Abstractions.Catalogue;

namespace TradingAlerts.Api.Live;

/// <summary>
/// What one stream follows: pairs (their bars) and symbols (their confluence), each distinct and in canonical order,
/// so that the same selection however written has the same <see cref="Hash"/> and its ids the same layout.
/// </summary>
internal sealed class StreamSelection
{
    public StreamSelection(IEnumerable<Pair> pairs, IEnumerable<string> symbols)
    {
        Pairs = [.. pairs.Distinct().OrderBy(p => p.Key, StringComparer.Ordinal)];
        Symbols = [.. symbols.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        Hash = StreamCursor.HashOf($"{string.Join(',', Pairs.Select(p => p.Key))};{string.Join(',', Symbols)}");
    }

    public IReadOnlyList<Pair> Pairs { get; }

    public IReadOnlyList<string> Symbols { get; }

    public byte[] Hash { get; }

    public int Count => Pairs.Count + Symbols.Count;
}
