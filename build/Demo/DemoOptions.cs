namespace Idp.Build.Repository.Demo;

/// <summary>Where the demo puts things and which ports its local platform uses.</summary>
/// <param name="Feed">The folder feed the SDK and template are packed into.</param>
/// <param name="Directory">The demo's own folder: template hive and scaffolded service, emptied at the start.</param>
/// <param name="ServicePort">Where the scaffolded service serves on 127.0.0.1.</param>
/// <param name="DoraPort">Where the local platform's Idp.Dora listens on 127.0.0.1.</param>
/// <param name="RegistryPort">The local registry's port; null for the platform's default.</param>
/// <param name="PlatformDirectory">The local platform's state folder; null for the platform's default (~/.idp).</param>
sealed record DemoOptions(AbsolutePath Feed, AbsolutePath Directory, int ServicePort, int DoraPort, int? RegistryPort, AbsolutePath? PlatformDirectory)
{
    /// <summary>The arguments every <c>./build.sh</c> of the scaffolded service gets, so it finds the same platform.</summary>
    public IReadOnlyList<string> PlatformArguments(AbsolutePath doraServer) =>
    [
        "--dora-server", doraServer,
        "--dora-port", DoraPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        .. RegistryPort is { } registry ? ["--registry-port", registry.ToString(System.Globalization.CultureInfo.InvariantCulture)] : Array.Empty<string>(),
        .. PlatformDirectory is { } platform ? ["--platform-directory", (string)platform] : Array.Empty<string>(),
    ];
}
