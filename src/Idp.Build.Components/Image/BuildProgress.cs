using System.Globalization;
using System.Text.Json;

namespace Idp.Build.Components.Image;

/// <summary>
/// Reads the engine's build stream, one JSON message per line, from either builder: the classic builder's
/// "Step n/m" text and BuildKit's <c>moby.buildkit.trace</c> status messages. Writes the progress to the build log as
/// it arrives (BuildKit's steps numbered as <c>docker build</c> prints them), and remembers the image ID, the step
/// that failed and the first error. A failed build arrives inside this stream with HTTP 200, so the caller checks
/// <see cref="Error"/>.
/// </summary>
public sealed class BuildProgress(BuildLog log)
{
    private readonly Dictionary<string, (int Number, BuildKitVertex State)> _vertices = new(StringComparer.Ordinal);

    private string? _failedStep;
    private string? _lastStep;

    /// <summary>The step that failed first, or else the last one started: <c>Step 3/5 : RUN …</c> or <c>[2/2] RUN …</c>.</summary>
    public string? Step => _failedStep ?? _lastStep;

    /// <summary>The first error message in the stream, or null.</summary>
    public string? Error { get; private set; }

    /// <summary>The ID of the image built.</summary>
    public string? ImageId { get; private set; }

    /// <summary>Reads <paramref name="stream"/> to its end.</summary>
    public async Task ReadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length > 0)
                Report(line);
        }
    }

    /// <summary>Takes one message of the stream.</summary>
    public void Report(string json)
    {
        using var document = JsonDocument.Parse(json);
        var message = document.RootElement;
        if (message.TryGetProperty("errorDetail", out var detail) && detail.TryGetProperty("message", out var text) || message.TryGetProperty("error", out text))
        {
            Error ??= text.GetString();
            log.Error(text.GetString() ?? "");
            return;
        }
        var id = message.TryGetProperty("id", out var idElement) ? idElement.GetString() : null;
        if (message.TryGetProperty("aux", out var aux))
        {
            if (id == "moby.buildkit.trace" && aux.ValueKind == JsonValueKind.String)
                Trace(BuildKitStatus.Decode(aux.GetString()!));
            else if (aux.ValueKind == JsonValueKind.Object && aux.TryGetProperty("ID", out var imageId))
                ImageId = imageId.GetString();
        }
        if (message.TryGetProperty("stream", out var output))
        {
            foreach (var line in (output.GetString() ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (line.StartsWith("Step ", StringComparison.Ordinal))
                    _lastStep = line;
                log.Information(line);
            }
        }
        if (message.TryGetProperty("status", out var status) && status.GetString() is { Length: > 0 } statusText)
            log.Information(id is { Length: > 0 } ? $"{id}: {statusText}" : statusText);
    }

    // Each status message repeats a vertex whenever its state changes; the log gets one line per change that matters.
    private void Trace(BuildKitStatus status)
    {
        foreach (var vertex in status.Vertices)
        {
            var known = _vertices.TryGetValue(vertex.Digest, out var entry);
            var number = known ? entry.Number : _vertices.Count + 1;
            var before = known ? entry.State : null;
            _vertices[vertex.Digest] = (number, vertex);
            if (before is null)
            {
                log.Information($"#{number} {vertex.Name}");
                _lastStep = vertex.Name;
            }
            if (vertex.Error is { } error && before?.Error is null)
            {
                log.Information($"#{number} ERROR: {error}");
                _failedStep ??= vertex.Name;
            }
            else if (vertex.Cached)
            {
                if (before?.Cached != true)
                    log.Information($"#{number} CACHED");
            }
            else if (vertex.Completed is { } completed && before?.Completed is null && vertex.Started is { } started)
            {
                log.Information($"#{number} DONE {(completed - started).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)}s");
            }
        }
        foreach (var output in status.Logs)
        {
            var number = _vertices.TryGetValue(output.Vertex, out var entry) ? entry.Number : 0;
            foreach (var line in output.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                log.Information($"#{number} {line.TrimEnd('\r')}");
        }
    }
}
