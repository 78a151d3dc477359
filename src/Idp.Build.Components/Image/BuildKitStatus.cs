namespace Idp.Build.Components.Image;

/// <summary>
/// One BuildKit progress message (<c>moby.buildkit.trace</c> in the engine's build stream): the vertices (build steps)
/// whose state changed and the output lines they wrote. Decoded from moby/buildkit's <c>StatusResponse</c>
/// (<c>vertexes</c> = 1, <c>logs</c> = 3; transfer statuses and warnings are not needed for the log).
/// </summary>
internal sealed record BuildKitStatus(IReadOnlyList<BuildKitVertex> Vertices, IReadOnlyList<BuildKitLog> Logs)
{
    /// <summary>Decodes the base64 <c>aux</c> value of a <c>moby.buildkit.trace</c> message.</summary>
    /// <exception cref="FormatException">The value is not base64 or not a StatusResponse.</exception>
    public static BuildKitStatus Decode(string base64)
    {
        var reader = new ProtobufReader(Convert.FromBase64String(base64));
        var (vertices, logs) = (new List<BuildKitVertex>(), new List<BuildKitLog>());
        try
        {
            while (reader.TryReadField(out var field))
            {
                switch (field)
                {
                    case 1: vertices.Add(BuildKitVertex.Decode(reader.ReadBytes())); break;
                    case 3: logs.Add(BuildKitLog.Decode(reader.ReadBytes())); break;
                    default: reader.Skip(); break;
                }
            }
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            throw new FormatException("A BuildKit status message ends inside a field.", e);
        }
        return new BuildKitStatus(vertices, logs);
    }

    // google.protobuf.Timestamp: seconds = 1, nanos = 2.
    internal static DateTimeOffset DecodeTimestamp(ReadOnlySpan<byte> message)
    {
        var reader = new ProtobufReader(message);
        var (seconds, nanos) = (0L, 0L);
        while (reader.TryReadField(out var field))
        {
            switch (field)
            {
                case 1: seconds = (long)reader.ReadVarint(); break;
                case 2: nanos = (long)reader.ReadVarint(); break;
                default: reader.Skip(); break;
            }
        }
        return DateTimeOffset.UnixEpoch.AddSeconds(seconds).AddTicks(nanos / 100);
    }
}

/// <summary>A build step as BuildKit reports it: started, completed (or cached), failed.</summary>
/// <param name="Digest">The vertex's identity; later messages about the same step carry the same digest.</param>
/// <param name="Name">What the step does, e.g. <c>[2/2] COPY artifacts/publish/ /app/</c>.</param>
/// <param name="Cached">True when the step's result came from the build cache.</param>
/// <param name="Started">When the step started; null until it has.</param>
/// <param name="Completed">When the step ended, done or failed; null until it has.</param>
/// <param name="Error">Why the step failed; null unless it has.</param>
internal sealed record BuildKitVertex(string Digest, string Name, bool Cached, DateTimeOffset? Started, DateTimeOffset? Completed, string? Error)
{
    // Vertex: digest = 1, name = 3, cached = 4, started = 5, completed = 6, error = 7.
    internal static BuildKitVertex Decode(ReadOnlySpan<byte> message)
    {
        var reader = new ProtobufReader(message);
        var (digest, name, cached, started, completed, error) = ("", "", false, (DateTimeOffset?)null, (DateTimeOffset?)null, (string?)null);
        while (reader.TryReadField(out var field))
        {
            switch (field)
            {
                case 1: digest = reader.ReadString(); break;
                case 3: name = reader.ReadString(); break;
                case 4: cached = reader.ReadVarint() != 0; break;
                case 5: started = BuildKitStatus.DecodeTimestamp(reader.ReadBytes()); break;
                case 6: completed = BuildKitStatus.DecodeTimestamp(reader.ReadBytes()); break;
                case 7: error = reader.ReadString() is { Length: > 0 } text ? text : null; break;
                default: reader.Skip(); break;
            }
        }
        return new BuildKitVertex(digest, name, cached, started, completed, error);
    }
}

/// <summary>Output a build step wrote (a <c>RUN</c> command's stdout or stderr).</summary>
internal sealed record BuildKitLog(string Vertex, string Message)
{
    // VertexLog: vertex = 1, msg = 4.
    internal static BuildKitLog Decode(ReadOnlySpan<byte> message)
    {
        var reader = new ProtobufReader(message);
        var (vertex, text) = ("", "");
        while (reader.TryReadField(out var field))
        {
            switch (field)
            {
                case 1: vertex = reader.ReadString(); break;
                case 4: text = reader.ReadString(); break;
                default: reader.Skip(); break;
            }
        }
        return new BuildKitLog(vertex, text);
    }
}
