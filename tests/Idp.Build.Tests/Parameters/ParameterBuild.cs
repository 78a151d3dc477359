namespace Idp.Build.Tests.Parameters;

public enum Stage { Dev, Prod }

public interface IHazRegistry : IBuild
{
    [Parameter("The registry")]
    Uri? Registry => TryGetValue(() => Registry);

    [Parameter("Push retries")]
    int? Retries => TryGetValue(() => Retries);

    [Parameter("Registry password")]
    [Secret]
    string? RegistryPassword => TryGetValue(() => RegistryPassword);
}

/// <summary>A build whose single target prints every parameter, for precedence and conversion tests.</summary>
public sealed class ParameterBuild : IdpBuild, IHazRegistry
{
    [Parameter("A plain string")] readonly string Greeting = "default";
    [Parameter] readonly int Count;
    [Parameter] readonly bool Force;
    [Parameter] readonly Stage Stage = Stage.Dev;
    [Parameter] readonly string[] Tags = [];
    [Parameter] readonly AbsolutePath? Output;
    [Parameter] readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);
    [Parameter("The API token")][Secret] readonly string? ApiToken;

    Target Show => _ => _.Executes(() =>
    {
        var registry = (IHazRegistry)this;
        Log.Information($"Greeting={Greeting} Count={Count} Force={Force} Stage={Stage} Tags={string.Join(",", Tags)} " +
            $"Output={Output} Timeout={Timeout} Registry={registry.Registry} Retries={registry.Retries} ApiToken={ApiToken}");
    });

    Target Deploy => _ => _
        .Requires(() => ApiToken)
        .Requires(() => Count > 2)
        .Executes(() => { });
}

public sealed class RequiredBuild : IdpBuild
{
    [Parameter("Where to deploy")][Required] readonly string? Environment;

    Target Go => _ => _.Executes(() => Log.Information($"env={Environment}"));
}
