using Docker.DotNet;
using Idp.Build.Components.Image;

namespace Idp.Build.Components.Platform;

/// <summary>Finds and connects to a Docker engine.</summary>
public static class DockerEngine
{
    /// <summary>The socket a system-wide engine listens on.</summary>
    public const string DefaultSocket = "/var/run/docker.sock";

    // Debian's docker.io 20.10 speaks API 1.41; a newer engine still serves it.
    private static readonly Version ApiVersion = new(1, 41);

    /// <summary>A client for <paramref name="endpoint"/> with a fixed API version (requests are prefixed with <c>/v1.41</c>).</summary>
    public static DockerClient Connect(Uri endpoint) =>
        new DockerClientConfiguration(endpoint, defaultTimeout: TimeSpan.FromMinutes(10)).CreateClient(ApiVersion);

    /// <summary>A client for <paramref name="endpoint"/> whose image builds run on <paramref name="builder"/>.</summary>
    public static DockerClient Connect(Uri endpoint, DockerBuilder builder) => builder switch
    {
        DockerBuilder.BuildKit => new DockerClientConfiguration(endpoint, new BuildKitRequests(), defaultTimeout: TimeSpan.FromMinutes(10)).CreateClient(ApiVersion),
        _ => Connect(endpoint),
    };

    /// <summary>
    /// The engine to use: <paramref name="dockerHost"/> when given; else the default socket when it answers; else the
    /// local platform's private socket (which may not run yet: <c>LocalPlatform</c> starts it).
    /// </summary>
    public static Uri Choose(string? dockerHost, LocalPlatformLayout layout)
    {
        if (!string.IsNullOrWhiteSpace(dockerHost))
            return new Uri(dockerHost);
        var system = new Uri("unix://" + DefaultSocket);
        return File.Exists(DefaultSocket) && Answers(system) ? system : new Uri("unix://" + layout.DockerSocket);
    }

    /// <summary>True when an engine at <paramref name="endpoint"/> answers <c>/_ping</c> within a few seconds.</summary>
    public static bool Answers(Uri endpoint)
    {
        if (endpoint.Scheme == "unix" && !File.Exists(endpoint.LocalPath))
            return false;
        try
        {
            using var client = new DockerClientConfiguration(endpoint, defaultTimeout: TimeSpan.FromSeconds(5)).CreateClient(ApiVersion);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            client.System.PingAsync(timeout.Token).GetAwaiter().GetResult();
            return true;
        }
        catch (Exception e) when (e is DockerApiException or HttpRequestException or IOException or OperationCanceledException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
