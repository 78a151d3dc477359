using Docker.DotNet.Models;

namespace Idp.Build.Components.Registry;

/// <summary>
/// Reads the Docker engine's JSON message stream of a push: writes it to the build log as it arrives, remembers the
/// <c>aux</c> values (pushed digest and size) and the first error. The engine reports a failed push inside this
/// stream with HTTP 200, so Docker.DotNet does not throw: the caller checks <see cref="Error"/>. Builds have
/// <see cref="Image.BuildProgress"/>.
/// </summary>
public sealed class PushProgress(BuildLog log) : IProgress<JSONMessage>
{
    private readonly Dictionary<string, string> _layerStatus = new(StringComparer.Ordinal);

    /// <summary>The first error message in the stream, or null.</summary>
    public string? Error { get; private set; }

    /// <summary>The manifest digest of a push (<c>aux.Digest</c>).</summary>
    public string? PushedDigest { get; private set; }

    /// <summary>The manifest size of a push (<c>aux.Size</c>).</summary>
    public long? PushedSize { get; private set; }

    /// <summary>Push status per layer ID, e.g. <c>Pushed</c> or <c>Layer already exists</c>.</summary>
    public IReadOnlyDictionary<string, string> LayerStatus => _layerStatus;

    /// <inheritdoc />
    // Called on the thread that reads the stream (not through Progress<T>, which would post to the thread pool and
    // could deliver the error after the call has returned).
    public void Report(JSONMessage value)
    {
        if (value.Error?.Message is { Length: > 0 } || value.ErrorMessage is { Length: > 0 })
        {
            Error ??= value.Error?.Message is { Length: > 0 } detail ? detail : value.ErrorMessage;
            log.Error(Error ?? "");
            return;
        }
        if (value.Stream is { Length: > 0 } stream)
        {
            foreach (var line in stream.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                log.Information(line);
        }
        if (value.Status is { Length: > 0 } status)
        {
            // Per-layer progress bars repeat hundreds of times; the final state of each layer is what matters.
            if (value.ID is { Length: > 0 } id)
            {
                var changed = !_layerStatus.TryGetValue(id, out var previous) || previous != status;
                _layerStatus[id] = status;
                if (changed && value.Progress is null)
                    log.Information($"{id}: {status}");
            }
            else
            {
                log.Information(status);
            }
        }
        if (value.Aux?.ExtensionData is { } aux)
        {
            if (aux.TryGetValue("Digest", out var digest))
                PushedDigest = digest?.ToString();
            if (aux.TryGetValue("Size", out var size) && long.TryParse(size?.ToString(), out var bytes))
                PushedSize = bytes;
        }
    }
}
