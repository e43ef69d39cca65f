using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace TradingAlerts.Api.Live;

/// <summary>
/// The SSE <c>id:</c> of a stream: the resume position of the whole connection. It holds a hash of the connection's
/// selection (so an id of another selection is recognized as foreign), the time it was issued (so an old one is
/// recognized as expired) and, per pair of the selection in its order, the change position sent up to that event, as
/// varints; all base64url. Positions are no secret and select nothing: what a resumed stream serves is still only
/// the selection the caller's request names and its tier allows.
/// </summary>
internal static class StreamCursor
{
    private const byte Format = 1;
    private const int HashLength = 8;

    /// <summary>The id of an event after which the client holds <paramref name="positions"/> (one per pair of the selection).</summary>
    public static string Encode(StreamSelection selection, ReadOnlySpan<long> positions, DateTimeOffset issued)
    {
        var buffer = new byte[1 + HashLength + 10 + 10 + (positions.Length * 10)];
        buffer[0] = Format;
        selection.Hash.CopyTo(buffer.AsSpan(1));
        var at = 1 + HashLength;
        at += WriteVarint(buffer.AsSpan(at), (ulong)Math.Max(0, issued.ToUnixTimeSeconds()));
        at += WriteVarint(buffer.AsSpan(at), (ulong)positions.Length);
        foreach (var position in positions)
        {
            at += WriteVarint(buffer.AsSpan(at), (ulong)(position + 1)); // -1 (nothing sent yet) is 0
        }

        return Base64Url.EncodeToString(buffer.AsSpan(0, at));
    }

    /// <summary>
    /// The positions of <paramref name="id"/> when it is an id of this <paramref name="selection"/> issued within
    /// <paramref name="maxAge"/> of <paramref name="now"/>; otherwise null with why (a reset is then due).
    /// </summary>
    public static long[]? TryDecode(string id, StreamSelection selection, DateTimeOffset now, TimeSpan maxAge, out string why)
    {
        if (id.Length > 5000)
        {
            why = "malformed";
            return null;
        }

        Span<byte> bytes = stackalloc byte[Base64Url.GetMaxDecodedLength(id.Length) + 3];
        // The status form: whatever a client sends, it never throws.
        if (Base64Url.DecodeFromChars(id, bytes, out _, out var length) != System.Buffers.OperationStatus.Done
            || length < 1 + HashLength || bytes[0] != Format)
        {
            why = "malformed";
            return null;
        }

        var data = bytes[..length];
        if (!data.Slice(1, HashLength).SequenceEqual(selection.Hash))
        {
            why = "another selection's";
            return null;
        }

        var at = 1 + HashLength;
        if (!TryReadVarint(data, ref at, out var issuedSeconds) || !TryReadVarint(data, ref at, out var count) || count != (ulong)selection.Pairs.Count)
        {
            why = "malformed";
            return null;
        }

        var issued = DateTimeOffset.FromUnixTimeSeconds((long)Math.Min(issuedSeconds, (ulong)DateTimeOffset.MaxValue.ToUnixTimeSeconds()));
        if (now - issued > maxAge || issued - now > TimeSpan.FromMinutes(5))
        {
            why = "expired";
            return null;
        }

        var positions = new long[count];
        for (var i = 0; i < positions.Length; i++)
        {
            if (!TryReadVarint(data, ref at, out var value) || value > long.MaxValue)
            {
                why = "malformed";
                return null;
            }

            positions[i] = (long)value - 1;
        }

        if (at != data.Length)
        {
            why = "malformed";
            return null;
        }

        why = string.Empty;
        return positions;
    }

    /// <summary>The first bytes of SHA-256 over the selection's canonical text: equal selections, equal hash.</summary>
    public static byte[] HashOf(string canonical) => SHA256.HashData(Encoding.UTF8.GetBytes(canonical))[..HashLength];

    private static int WriteVarint(Span<byte> into, ulong value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            into[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        into[i++] = (byte)value;
        return i;
    }

    private static bool TryReadVarint(ReadOnlySpan<byte> data, ref int at, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64 && at < data.Length; shift += 7)
        {
            var b = data[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return true;
            }
        }

        return false;
    }
}
