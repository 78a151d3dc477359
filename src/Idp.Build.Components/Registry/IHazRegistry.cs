using Idp.Build;

namespace Idp.Build.Components.Registry;

/// <summary>
/// The registry images are pushed to: <c>--registry</c> (host[:port], e.g. the Nexus docker-hosted connector
/// <c>nexus.bank.internal:8082</c>), else the local platform's registry on 127.0.0.1:<c>--registry-port</c>.
/// </summary>
public interface IHazRegistry : IBuild
{
    /// <summary>The registry as given; null means the local platform's registry.</summary>
    [Parameter("The registry, host[:port] (default: the local platform's registry on 127.0.0.1)", Name = "Registry")]
    string? RegistryAddress => TryGetValue(() => RegistryAddress);

    /// <summary>The port of the local platform's registry; 5001 unless given.</summary>
    [Parameter("Port of the local platform's registry on 127.0.0.1 (default: 5001)", Name = "RegistryPort")]
    int? RegistryPortParameter => TryGetValue(() => RegistryPortParameter);

    /// <summary>The local registry's port, with its default applied.</summary>
    int LocalRegistryPort => RegistryPortParameter ?? 5001;

    /// <summary>True when no <c>--registry</c> is given and the local platform's registry is used.</summary>
    bool UsesLocalRegistry => string.IsNullOrWhiteSpace(RegistryAddress);

    /// <summary>The registry's host[:port], as it appears in image names.</summary>
    string Registry => UsesLocalRegistry ? $"127.0.0.1:{LocalRegistryPort}" : RegistryHost.Of(RegistryAddress!).Name;
}
