namespace Idp.Build.Components.Descriptor;

/// <summary>
/// A service's <c>idp.yaml</c>, read and validated by <see cref="ServiceDescriptorReader"/>: everything the golden
/// path needs to know about the service, with the defaults of every optional part already applied.
/// </summary>
/// <param name="ApiVersion">The format version, <c>idp.build/v1</c>.</param>
/// <param name="Service">Who the service is and how it runs.</param>
/// <param name="Quality">The quality gate's thresholds.</param>
/// <param name="Image">How the container image is built and where it is pushed.</param>
/// <param name="Deploy">How a rollout is watched.</param>
/// <param name="BuildSecrets">Secrets the build itself reads from Vault, by the name the build uses for them.</param>
/// <param name="Environments">The environments, in the order the file lists them.</param>
/// <param name="SourceFile">The file the descriptor was read from; relative paths in it are relative to its directory.</param>
public sealed record ServiceDescriptor(
    string ApiVersion,
    ServiceInfo Service,
    QualitySettings Quality,
    ImageSettings Image,
    DeploySettings Deploy,
    IReadOnlyDictionary<string, VaultSecretReference> BuildSecrets,
    IReadOnlyList<EnvironmentSettings> Environments,
    AbsolutePath SourceFile)
{
    /// <summary>The only format version this reader understands.</summary>
    public const string CurrentApiVersion = "idp.build/v1";

    /// <summary>The directory holding <c>idp.yaml</c>: the base of every relative path in it.</summary>
    public AbsolutePath Directory => SourceFile.Parent ?? SourceFile;

    /// <summary>Resolves a path written in the descriptor (e.g. <see cref="ImageSettings.Dockerfile"/>) against its directory.</summary>
    public AbsolutePath Resolve(string relativePath) => Directory / relativePath;

    /// <summary>The environment named <paramref name="name"/>, or null when the descriptor has none of that name.</summary>
    public EnvironmentSettings? FindEnvironment(string name) =>
        Environments.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.Ordinal));

    /// <summary>The environment named <paramref name="name"/>; a <see cref="BuildException"/> naming the known ones when there is none.</summary>
    public EnvironmentSettings GetEnvironment(string name)
    {
        if (FindEnvironment(name) is { } environment)
            return environment;
        var known = Environments.Select(e => e.Name).ToArray();
        var hint = NameSuggestions.DidYouMean(name, known);
        throw new BuildException(
            $"{SourceFile} has no environment '{name}'.{hint} Its environments are: {string.Join(", ", known)}. " +
            $"Deploy to one of those, or add '{name}' under 'environments:' in the descriptor.");
    }
}
