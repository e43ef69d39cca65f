using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace TradingAlerts.Client;

/// <summary>
/// At most <c>capacity</c> items, added without blocking (observer callbacks must never hold up a grain). A full inbox
/// refuses the item and says so: the feed then makes it good from the grain instead of dropping it silently.
/// </summary>
internal sealed class BoundedInbox<T>(int capacity)
{
    private readonly ConcurrentQueue<T> _items = new();
    private int _count;

    public bool TryAdd(T item)
    {
        if (Interlocked.Increment(ref _count) <= capacity)
        {
            _items.Enqueue(item);
            return true;
        }

        Interlocked.Decrement(ref _count);
        return false;
    }

    public bool TryTake([MaybeNullWhen(false)] out T item)
    {
        if (!_items.TryDequeue(out item))
        {
            return false;
        }

        Interlocked.Decrement(ref _count);
        return true;
    }
}
