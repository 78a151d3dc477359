using Idp.Build.Output;
using Idp.Build.Parameters;
using Idp.Build.Planning;
using Idp.Build.Secrets;

namespace Idp.Build;

/// <summary>The services of one run, owned by the runner and reached by the build through <see cref="IdpBuild"/>.</summary>
internal sealed class BuildContext(
    AbsolutePath rootDirectory,
    Host host,
    BuildLog log,
    SecretMasker masker,
    ConsoleRouter router,
    ParameterService parameters)
{
    private readonly AsyncLocal<ExecutableTarget?> _currentTarget = new();

    public AbsolutePath RootDirectory { get; } = rootDirectory;
    public AbsolutePath TemporaryDirectory { get; } = rootDirectory / ".nuke" / "temp";
    public Host Host { get; } = host;
    public BuildLog Log { get; } = log;
    public SecretMasker Masker { get; } = masker;
    public ConsoleRouter Router { get; } = router;
    public ParameterService Parameters { get; } = parameters;
    public IReadOnlyList<ExecutableTarget> Targets { get; set; } = [];
    public Func<Target, ExecutableTarget?> FindTarget { get; set; } = _ => null;
    public bool IsFailing { get; set; }

    public ExecutableTarget? CurrentTarget
    {
        get => _currentTarget.Value;
        set => _currentTarget.Value = value;
    }
}
