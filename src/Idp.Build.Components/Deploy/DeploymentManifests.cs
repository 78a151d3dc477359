using k8s.Models;

namespace Idp.Build.Components.Deploy;

/// <summary>
/// Everything one deploy applies to one namespace, in apply order: the Secret (only when the environment
/// materialises Vault values), the Deployment, the Service and the OpenShift Route (when the environment has one).
/// </summary>
/// <param name="Namespace">The namespace every object lives in.</param>
/// <param name="Deployment">The Deployment, its container image pinned by digest.</param>
/// <param name="Service">The Service in front of the pods.</param>
/// <param name="Route">The Route (<c>route.openshift.io/v1</c>); null when the environment has no route.</param>
/// <param name="Secret">The materialised Secret (secrets mode <c>kubernetes</c>); null with the Vault Agent Injector.</param>
public sealed record DeploymentManifests(
    string Namespace,
    V1Deployment Deployment,
    V1Service Service,
    OpenShiftRoute? Route,
    V1Secret? Secret);
