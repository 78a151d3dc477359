using System.Text.RegularExpressions;
using Docker.DotNet;
using Docker.DotNet.Models;
using Idp.Build.Components.Image;

namespace Idp.Build.Components.Registry;

/// <summary>
/// Pushes an image that the Docker engine holds to a registry, and reports the manifest digest the registry stored.
/// </summary>
/// <remarks>
/// The push goes through the engine (<c>PushImageAsync</c>), not over the registry API from here: the engine holds the
/// layers already compressed and remembers which compressed blob it pushed for each layer, so an unchanged layer is
/// found with one HEAD and never uploaded again, and the digest is stable across pushes; it also answers Basic and
/// Bearer challenges itself. Its errors arrive inside a 200 stream (§5.5), so every <c>errorDetail</c> fails the push,
/// and the digest is confirmed afterwards with the registry's own <c>GET /v2/…/manifests/&lt;tag&gt;</c>.
/// </remarks>
public sealed partial class ImagePusher(DockerClient docker, RegistryClient registry, RegistryHost host, RegistryCredentials? credentials, BuildLog log)
{
    // One access check per repository: the tags of one image share it.
    private readonly HashSet<string> _checkedRepositories = new(StringComparer.Ordinal);

    // The manifest bytes of each image found or confirmed in the registry here, by digest: another tag is stored from them.
    private readonly Dictionary<string, (ManifestInfo Info, byte[] Body)> _confirmedManifests = new(StringComparer.Ordinal);

    /// <summary>Waits before each retry of a push that failed for a transient reason.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays { get; init; } = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)];

    /// <summary>
    /// Pushes <paramref name="repository"/>:<paramref name="tag"/> (repository without the registry host), unless the
    /// registry already holds that image under that tag. <paramref name="imageId"/> is the engine's ID of the image,
    /// when the caller has it from the build; otherwise the engine is asked.
    /// </summary>
    /// <remarks>
    /// The engine's image ID is the digest of the image config (of the manifest, with the containerd image store), so a
    /// manifest under the tag that names that config is this image: nothing to push, whichever machine pushed it.
    /// </remarks>
    public async Task<PushResult> PushAsync(string repository, string tag, string? imageId = null, CancellationToken cancellationToken = default)
    {
        var name = $"{host.Name}/{repository}";
        if (_checkedRepositories.Add(repository))
            await registry.CheckAccessAsync(repository, cancellationToken);

        imageId ??= (await docker.Images.InspectImageAsync($"{name}:{tag}", cancellationToken)).ID;
        if (await registry.FindManifestAsync(repository, tag, cancellationToken) is (var present, var body) && (present.Digest == imageId || present.ConfigDigest == imageId))
        {
            _confirmedManifests[present.Digest] = (present, body);
            return AlreadyPresent(name, tag, present);
        }

        for (var attempt = 0; ; attempt++)
        {
            var progress = new PushProgress(log);
            await docker.Images.PushImageAsync(name, new ImagePushParameters { Tag = tag }, Auth(), progress, cancellationToken);
            if (progress.Error is null)
                return await ConfirmAsync(name, repository, tag, progress, cancellationToken);
            if (!IsTransient(progress.Error) || attempt >= RetryDelays.Count)
                throw Failure(name, tag, progress.Error, attempt + 1);
            log.Warning($"Push of {name}:{tag} failed ({progress.Error}); retrying in {RetryDelays[attempt].TotalSeconds:0} s.");
            await Task.Delay(RetryDelays[attempt], cancellationToken);
        }
    }

    /// <summary>
    /// Gives the image <paramref name="pushed"/> one more tag in the registry itself: its manifest, byte for byte, stored
    /// under <paramref name="tag"/> as well. No layer moves and the engine is not asked to walk them again, which a push
    /// of the second tag through it would do; the digest cannot differ from the first tag's.
    /// </summary>
    public async Task<PushResult> TagAsync(string repository, string tag, PushResult pushed, CancellationToken cancellationToken = default)
    {
        var name = $"{host.Name}/{repository}";
        if (await registry.HeadManifestAsync(repository, tag, cancellationToken) is { } present && present.Digest == pushed.Digest)
            return AlreadyPresent(name, tag, present);
        var (manifest, body) = _confirmedManifests.TryGetValue(pushed.Digest, out var confirmed)
            ? confirmed
            : await registry.GetManifestAsync(repository, pushed.Digest, cancellationToken);
        string stored;
        try
        {
            stored = await registry.PutManifestAsync(repository, tag, manifest.MediaType, body, cancellationToken);
        }
        catch (RegistryException e) when (e is not RegistryAuthenticationException)
        {
            throw new RegistryException($"Tagging {name}@{pushed.Digest} as '{tag}' failed: {e.Message}{Hint(e.Message, name, tag)}", e.StatusCode);
        }
        if (stored != pushed.Digest)
            throw new RegistryException($"Registry {host.Name} stored the manifest of {name}@{pushed.Digest} under '{tag}' as {stored}: it rewrote the manifest.");
        log.Information($"Tagged {name}:{tag} in the registry ({stored}), the manifest of :{pushed.Tag}; no layer sent again.");
        return new PushResult(name, tag, stored, body.Length, AlreadyPresent: false, new Dictionary<string, string>());
    }

    private PushResult AlreadyPresent(string name, string tag, ManifestInfo present)
    {
        log.Information($"{name}:{tag} is already present in the registry ({present.Digest}); nothing pushed.");
        return new PushResult(name, tag, present.Digest, present.Size, AlreadyPresent: true, new Dictionary<string, string>());
    }

    // The manifest itself, not only its digest: the next tag is stored from these bytes without asking again.
    private async Task<PushResult> ConfirmAsync(string name, string repository, string tag, PushProgress progress, CancellationToken cancellationToken)
    {
        var (stored, body) = await registry.FindManifestAsync(repository, tag, cancellationToken)
            ?? throw new RegistryException($"The engine pushed {name}:{tag}, but registry {host.Name} does not list that tag. Check the registry's deployment policy and log.", 404);
        if (progress.PushedDigest is { } pushed && pushed != stored.Digest)
        {
            throw new RegistryException(
                $"The engine pushed {name}:{tag} as {pushed}, but registry {host.Name} serves {stored.Digest} under that tag: another push raced this one, or the registry rewrote the manifest.");
        }
        _confirmedManifests[stored.Digest] = (stored, body);
        return new PushResult(name, tag, stored.Digest, progress.PushedSize ?? stored.Size, AlreadyPresent: false, progress.LayerStatus);
    }

    private AuthConfig Auth() => new()
    {
        // Docker.DotNet keys auth configs by server address; it must never be null.
        ServerAddress = host.Name,
        Username = credentials?.Username,
        Password = credentials?.Password,
    };

    private RegistryException Failure(string name, string tag, string error, int attempts) =>
        new($"Push of {name}:{tag} failed{(attempts > 1 ? $" after {attempts} attempts" : "")}: {error}.{Hint(error, name, tag)}");

    private string Hint(string error, string name, string tag)
    {
        var who = credentials is null ? "anonymous access" : $"user '{credentials.Username}'";
        return error switch
        {
            _ when error.Contains("unauthorized", StringComparison.OrdinalIgnoreCase) || error.Contains("authentication required", StringComparison.OrdinalIgnoreCase)
                => $" Registry {host.Name} refused {who}: check --registry-username and --registry-password.",
            // Nexus reports a refused redeploy as "denied: Repository does not allow updating assets".
            _ when error.Contains("does not allow updating", StringComparison.OrdinalIgnoreCase) || error.Contains("redeploy", StringComparison.OrdinalIgnoreCase)
                => $" The repository has redeploy disabled and already holds tag '{tag}' with other content: tags are immutable there, so build a new commit (the tag is its SHA) or ask the Nexus admins.",
            _ when error.Contains("denied", StringComparison.OrdinalIgnoreCase)
                => $" Registry {host.Name} denied {who} push rights on {name}.",
            _ => "",
        };
    }

    private static bool IsTransient(string error) => Transient().IsMatch(error);

    [GeneratedRegex(@"\b50[234]\b|Bad Gateway|Service Unavailable|Gateway Time-?out|connection reset|connection refused|broken pipe|timeout|timed out|\bEOF\b", RegexOptions.IgnoreCase)]
    private static partial Regex Transient();
}
