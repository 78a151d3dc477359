using System.Linq.Expressions;
using Idp.Build.Components.Registry;
using Idp.Build.Components.Secrets;
using Idp.Build.Secrets;

namespace Idp.Build.Components.Tests.Secrets;

/// <summary>A build with the Vault and registry-credential components: parameters from a dictionary, a chosen host, the engine's masker.</summary>
internal sealed class VaultBuild(string root, Host host, SecretMasker masker, Dictionary<string, string> parameters) : IVaultSecrets, IHazRegistryCredentials
{
    public AbsolutePath RootDirectory { get; } = AbsolutePath.Create(root);

    public AbsolutePath TemporaryDirectory => RootDirectory / ".nuke" / "temp";

    public Host Host { get; } = host;

    public bool IsLocalBuild => !Host.IsServerBuild;

    public bool IsServerBuild => Host.IsServerBuild;

    public BuildLog Log => throw new NotSupportedException();

    public bool IsFailing => false;

    public T? TryGetValue<T>(Expression<Func<T?>> parameter) where T : class
    {
        var name = ((MemberExpression)parameter.Body).Member.Name;
        if (!parameters.TryGetValue(name, out var value))
            return null;
        return typeof(T) == typeof(AbsolutePath) ? (T)(object)AbsolutePath.Create(value) : (T)(object)value;
    }

    public T? TryGetValue<T>(Expression<Func<T?>> parameter) where T : struct => null;

    public void RegisterSecret(string? value) => masker.Register(value);

    public string Masked(string text) => masker.Apply(text);

    public void ReportSummary(string note)
    {
    }

    public TargetStatus StatusOf(Target target) => TargetStatus.None;

    public static Host GitLab() => new GitLabCi(new Dictionary<string, string> { ["GITLAB_CI"] = "true" });

    public static Host Jenkins() => new Jenkins(new Dictionary<string, string> { ["JENKINS_URL"] = "https://jenkins.example.internal/" });

    public static Host Terminal() => new Terminal(new Dictionary<string, string>());
}
