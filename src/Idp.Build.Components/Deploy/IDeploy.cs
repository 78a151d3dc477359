using Idp.Build;
using Idp.Build.Components.Descriptor;
using Idp.Build.Components.Dora;
using Idp.Build.Components.Quality;
using Idp.Build.Components.Registry;
using Idp.Build.Components.Secrets;
using Idp.Build.Components.Test;

namespace Idp.Build.Components.Deploy;

/// <summary>
/// <c>Deploy</c>: runs the image Push recorded (by digest, never a tag) in an environment of <c>idp.yaml</c>. On
/// OpenShift: manifests rendered to <c>artifacts/manifests/&lt;env&gt;/</c>, applied server-side, the rollout watched as
/// <c>kubectl rollout status</c> does, and rolled back with a diagnosis when it fails. The <c>local</c> environment is
/// this machine's Docker engine: the new container must answer its health endpoint before it replaces the serving
/// one, and the serving one keeps serving when it does not. Every outcome — deployed, failed, rolled back — is
/// recorded as a DORA event that <c>EmitDora</c> delivers.
/// </summary>
public partial interface IDeploy : IPush, IVaultSecrets, IHazCluster, IEmitDora
{
    [Parameter("The environment of idp.yaml to deploy to (default: local, this machine's Docker engine)", Name = "Environment")]
    string? EnvironmentParameter => TryGetValue(() => EnvironmentParameter);

    /// <summary>The environment's name, <c>local</c> unless given.</summary>
    string DeployEnvironmentName => EnvironmentParameter ?? EnvironmentSettings.LocalName;

    [Parameter("Port on 127.0.0.1 where the local environment serves the service (default: service.port of idp.yaml)")]
    int? LocalPort => TryGetValue(() => LocalPort);

    /// <summary>The environment of <c>idp.yaml</c> being deployed to.</summary>
    EnvironmentSettings DeployEnvironment => ServiceDescriptor.GetEnvironment(DeployEnvironmentName);

    Target Deploy => _ => _
        .Description("Deploys the pushed image by digest to --environment (default local) and waits until it is healthy; rolls back when not")
        .Requires(() => ServiceDescriptor)
        .DependsOn(Push, LocalPlatform)
        // Asked for together, the checks come first: nothing is deployed before its tests and gate have passed.
        .TryAfter<ITest>(x => x.Test)
        .TryAfter<ISonarGate>(x => x.SonarGate)
        .Triggers(EmitDora)
        .Executes(async () =>
        {
            var image = PushedImage;
            var environment = DeployEnvironment;
            if (environment.IsLocal)
                await DeployLocallyAsync(environment, image);
            else
                await DeployToClusterAsync(environment, image);
        });
}
