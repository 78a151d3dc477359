using System.Text;

namespace Idp.Build.Server;

/// <summary>
/// Reads what build.sh sends the build server: ASCII lines ending in <c>\n</c>, and UTF-8 fields ending in a NUL byte
/// (arguments and environment entries may hold any character but NUL).
/// </summary>
internal sealed class ProtocolReader(Stream stream)
{
    private const int MaxLine = 1024;
    private const int MaxField = 1024 * 1024;

    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    /// <summary>The next line without its end, or null when the client closed the connection first.</summary>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken) =>
        await ReadUntilAsync((byte)'\n', MaxLine, cancellationToken) is { } bytes ? Encoding.ASCII.GetString(bytes) : null;

    /// <summary>The next NUL-terminated field.</summary>
    /// <exception cref="ProtocolException">The connection ended inside the request, or a field is too long.</exception>
    public async Task<string> ReadFieldAsync(CancellationToken cancellationToken) =>
        await ReadUntilAsync(0, MaxField, cancellationToken) is { } bytes
            ? Encoding.UTF8.GetString(bytes)
            : throw new ProtocolException("the request ended early");

    private async Task<byte[]?> ReadUntilAsync(byte terminator, int limit, CancellationToken cancellationToken)
    {
        using var collected = new MemoryStream();
        while (true)
        {
            var found = Array.IndexOf(_buffer, terminator, _start, _end - _start);
            var take = (found < 0 ? _end : found) - _start;
            if (collected.Length + take > limit)
                throw new ProtocolException($"a field is longer than {limit} bytes");
            collected.Write(_buffer, _start, take);
            if (found >= 0)
            {
                _start = found + 1;
                return collected.ToArray();
            }
            _start = _end = 0;
            var read = await stream.ReadAsync(_buffer, cancellationToken);
            if (read == 0)
                return null;
            _end = read;
        }
    }
}

/// <summary>A client broke the build server's protocol; the connection is closed with this message.</summary>
internal sealed class ProtocolException(string message) : Exception(message);
