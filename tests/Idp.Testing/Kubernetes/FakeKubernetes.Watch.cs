using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace Idp.Testing.Kubernetes;

// GET …?watch=true: a chunked stream of one JSON event per line. Without resourceVersion (or with "0") it starts with
// ADDED for every matching object; with one, it replays the changes after it. It closes after timeoutSeconds.
public sealed partial class FakeKubernetes
{
    private async Task WatchAsync(HttpContext context, KubeResource resource, string ns)
    {
        var query = context.Request.Query;
        string? labelSelector = query["labelSelector"], fieldSelector = query["fieldSelector"], fromVersion = query["resourceVersion"];
        var timeout = int.TryParse(query["timeoutSeconds"], out var seconds) ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromMinutes(30);
        bool Matches(WatchEvent e) =>
            e.Resource == resource && e.Ns == ns && Selectors.MatchesLabels(e.Object, labelSelector) && Selectors.MatchesFields(e.Object, fieldSelector);

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        bool expire;
        lock (_gate)
        {
            expire = _watchesToExpire > 0;
            if (expire)
                _watchesToExpire--;
        }
        if (expire)
        {
            var requested = long.TryParse(fromVersion, out var rv) ? rv : 0;
            await WriteEventAsync(context, "ERROR", KubeStatus.Expired(requested, _resourceVersion)).ConfigureAwait(false);
            return;
        }

        var channel = Channel.CreateUnbounded<WatchEvent>();
        List<WatchEvent> initial;
        lock (_gate)
        {
            if (string.IsNullOrEmpty(fromVersion) || fromVersion == "0")
            {
                initial = Stored(resource, ns)
                    .Select(o => new WatchEvent(long.Parse((string)o["metadata"]!["resourceVersion"]!, CultureInfo.InvariantCulture), resource, ns, "ADDED", (JsonObject)o.DeepClone()))
                    .Where(Matches)
                    .ToList();
            }
            else
            {
                var after = long.Parse(fromVersion, CultureInfo.InvariantCulture);
                initial = _history.Where(e => e.ResourceVersion > after && Matches(e)).ToList();
            }
            _watchers.Add(channel);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        stop.CancelAfter(timeout);
        try
        {
            await context.Response.StartAsync(stop.Token).ConfigureAwait(false);
            foreach (var change in initial)
                await WriteEventAsync(context, change.Type, change.Object, GarbleWatchEvents).ConfigureAwait(false);
            await foreach (var change in channel.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
                if (Matches(change))
                    await WriteEventAsync(context, change.Type, change.Object, GarbleWatchEvents).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // timeoutSeconds passed, the client went away or the fake is stopping: the stream simply ends.
        }
        finally
        {
            lock (_gate)
                _watchers.Remove(channel);
        }
    }

    private static async Task WriteEventAsync(HttpContext context, string type, JsonObject obj, bool garbled = false)
    {
        var json = new JsonObject { ["type"] = type, ["object"] = obj.DeepClone() }.ToJsonString();
        // A proxy that mangles the stream, or a client that cannot read the model, sees a line that is not the event.
        var line = (garbled ? json[..(json.Length / 2)] : json) + "\n";
        await context.Response.WriteAsync(line).ConfigureAwait(false);
        await context.Response.Body.FlushAsync().ConfigureAwait(false);
    }
}
