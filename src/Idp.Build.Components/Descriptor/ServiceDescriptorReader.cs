namespace Idp.Build.Components.Descriptor;

/// <summary>
/// Reads <c>idp.yaml</c>: parses it, validates all of it, applies the defaults of optional parts, and either
/// returns the <see cref="ServiceDescriptor"/> or throws one <see cref="ServiceDescriptorException"/> listing every
/// problem with its file, line, column and YAML path. The format is documented in <c>docs/idp-yaml.md</c>.
/// </summary>
public static partial class ServiceDescriptorReader
{
    /// <summary>The descriptor's usual file name, at the root of a service repository.</summary>
    public const string DefaultFileName = "idp.yaml";

    private const string MinimalExample = "apiVersion: idp.build/v1 / service: { name: hello-service, team: payments } / environments: { local: {} }";

    private static readonly string[] RootKeys = ["apiVersion", "service", "quality", "image", "deploy", "buildSecrets", "environments"];

    /// <summary>Reads and validates the descriptor at <paramref name="path"/>.</summary>
    /// <exception cref="ServiceDescriptorException">The file is missing, is not YAML, or is invalid; the exception lists every problem.</exception>
    public static ServiceDescriptor Read(string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
            return Parse(File.ReadAllText(full), path);
        var problem = Directory.Exists(full)
            ? $"{full} is a directory; give the descriptor file itself, e.g. {Path.Combine(full, DefaultFileName)}."
            : $"No service descriptor at {full}. Every service repository has an {DefaultFileName} at its root, next to build.sh. " +
              $"Create one there (the smallest valid one is {MinimalExample}; docs/idp-yaml.md has a full example), " +
              "or point the build at yours with --service-descriptor-file <path>.";
        throw new ServiceDescriptorException(path, [new DescriptorProblem(path, 0, 0, "", problem)]);
    }

    /// <summary>
    /// Validates a descriptor given as text; <paramref name="fileName"/> is named in problems and is the base of
    /// the relative paths in it (the <c>service.project</c> file must exist relative to its directory).
    /// </summary>
    /// <exception cref="ServiceDescriptorException">The text is not YAML or is invalid; the exception lists every problem.</exception>
    public static ServiceDescriptor Parse(string text, string fileName)
    {
        var problems = new DescriptorProblems(fileName);
        var root = YamlTreeLoader.Load(text, problems);
        problems.ThrowIfAny();
        if (root is null or YamlTreeScalar { Kind: ScalarKind.Null })
        {
            problems.Add(1, 1, "", $"The file is empty. The smallest valid descriptor is {MinimalExample}; docs/idp-yaml.md has a full example.");
            problems.ThrowIfAny();
        }
        var context = new ReadContext(problems, AbsolutePath.Create(fileName));
        var descriptor = MappingReader.Open(root!, root!, "", problems, RootKeys) is { } reader ? ReadRoot(reader, context) : null;
        problems.ThrowIfAny();
        return descriptor!;
    }

    private static ServiceDescriptor ReadRoot(MappingReader root, ReadContext context)
    {
        var apiVersion = root.Text("apiVersion", CheckApiVersion, $"apiVersion: {ServiceDescriptor.CurrentApiVersion}");
        var service = ReadService(root, context);
        var quality = ReadQuality(root);
        var image = ReadImage(root, service);
        var deploy = root.Section("deploy", ["timeout"]) is { } section
            ? new DeploySettings(section.Duration("timeout") ?? DeploySettings.Default.Timeout)
            : DeploySettings.Default;
        var buildSecrets = ReadBuildSecrets(root);
        var environments = ReadEnvironments(root, service);
        return new ServiceDescriptor(apiVersion ?? "", service, quality, image, deploy, buildSecrets, environments, context.SourceFile);
    }

    private static string? CheckApiVersion(string value) =>
        value == ServiceDescriptor.CurrentApiVersion ? null :
        $"'{value}' is not a descriptor version this build understands: use '{ServiceDescriptor.CurrentApiVersion}'.";

    private sealed record ReadContext(DescriptorProblems Problems, AbsolutePath SourceFile);
}
