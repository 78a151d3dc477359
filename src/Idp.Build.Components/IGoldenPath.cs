using Idp.Build.Components.Deploy;
using Idp.Build.Components.Descriptor;
using Idp.Build.Components.GitLab;
using Idp.Build.Components.Platform;
using Idp.Build.Components.Quality;
using Idp.Build.Components.Registry;

namespace Idp.Build.Components;

/// <summary>
/// The golden path: every capability a service gets by listing one interface —
/// <c>class Build : IdpBuild, IGoldenPath</c>. Restore, Compile, Test, SonarGate, Publish, DockerBuild, Push and
/// Deploy (with the embedded local platform and the base image), DORA events for every deploy, and GitLab commit
/// statuses per target when a GitLab token is given.
/// </summary>
public interface IGoldenPath : IHazServiceDescriptor, ISonarGate, IDeploy, IGitLabReporting;
