using System.Globalization;
using Microsoft.Extensions.Options;
using TradingAlerts.Api.Caching;
using TradingAlerts.Api.Endpoints;
using TradingAlerts.Api.Errors;
using TradingAlerts.Api.RateLimits;

namespace TradingAlerts.Api.Live;

/// <summary>
/// Open live streams on this silo, per caller (<see cref="CallerKey"/>: token subject, else address or IPv6 /64) and
/// in total. A stream costs one rate-limit slot when it opens and then holds a connection for as long as it lives, so
/// these caps, not the quota, bound what one caller (or all of them) can hold open.
/// </summary>
internal sealed class StreamSlots(IOptions<LiveOptions> options)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _byCaller = new(StringComparer.Ordinal);
    private readonly LiveOptions _options = options.Value;
    private int _total;

    public int Open
    {
        get
        {
            lock (_lock)
            {
                return _total;
            }
        }
    }

    /// <summary>A slot for <paramref name="caller"/>, released when disposed; null with the reason when a cap is reached.</summary>
    public IDisposable? TryTake(string caller, out string refusal)
    {
        lock (_lock)
        {
            var held = _byCaller.GetValueOrDefault(caller);
            if (held >= _options.MaxStreamsPerCaller)
            {
                refusal = string.Create(CultureInfo.InvariantCulture,
                    $"Too many live streams: at most {_options.MaxStreamsPerCaller} per caller on this server; close one first");
                return null;
            }

            if (_total >= _options.MaxStreamsPerSilo)
            {
                refusal = string.Create(CultureInfo.InvariantCulture,
                    $"Too many live streams on this server (at most {_options.MaxStreamsPerSilo}); try again later");
                return null;
            }

            _byCaller[caller] = held + 1;
            _total++;
        }

        refusal = string.Empty;
        return new Slot(this, caller);
    }

    private void Release(string caller)
    {
        lock (_lock)
        {
            _total--;
            if (--_byCaller[caller] == 0)
            {
                _byCaller.Remove(caller);
            }
        }
    }

    private sealed class Slot(StreamSlots slots, string caller) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release(caller);
            }
        }
    }
}

/// <summary>The stream endpoints' filter: a slot per open stream, 429 with the reason beyond a cap.</summary>
internal static class StreamSlotExtensions
{
    public static RouteHandlerBuilder RequireStreamSlot(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var slot = http.RequestServices.GetRequiredService<StreamSlots>().TryTake(CallerKey.Of(http), out var refusal);
            if (slot is null)
            {
                return ApiError.TooManyRequests(refusal);
            }

            // Released when the request ends, however the stream ends; at once when it fails to open (the grid retry
            // runs this filter again, and the failed attempt must not hold a slot of the caller's).
            http.Response.RegisterForDispose(slot);
            try
            {
                return await next(context);
            }
            catch
            {
                slot.Dispose();
                throw;
            }
        }).Produces<ApiErrorBody>(StatusCodes.Status429TooManyRequests);
}
