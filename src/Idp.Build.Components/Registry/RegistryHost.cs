namespace Idp.Build.Components.Registry;

/// <summary>
/// A registry's name in image references (host[:port]) and the base address of its HTTP API. Loopback registries
/// are plain HTTP (as the Docker engine treats them); every other registry is HTTPS unless written with <c>http://</c>.
/// </summary>
public sealed record RegistryHost(string Name, Uri ApiBase)
{
    /// <summary>Reads <c>nexus:8082</c>, <c>https://nexus:8082</c> or <c>http://127.0.0.1:5001</c>.</summary>
    public static RegistryHost Of(string address)
    {
        var text = address.Trim().TrimEnd('/');
        string? scheme = null;
        foreach (var prefix in new[] { "http://", "https://" })
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                scheme = prefix[..^3];
                text = text[prefix.Length..];
            }
        }
        var host = text.Split(':')[0];
        scheme ??= host is "127.0.0.1" or "localhost" or "::1" ? "http" : "https";
        return new RegistryHost(text, new Uri($"{scheme}://{text}/"));
    }
}
