using k8s.Models;

namespace Idp.Build.Components.Deploy.Kubernetes;

/// <summary>
/// The objects of one deploy as the cluster holds them (or, after a dry run, would hold them): defaults filled,
/// <c>managedFields</c> and status included. A member is null when the object does not exist or was not applied.
/// </summary>
/// <param name="Namespace">The namespace the objects live in.</param>
/// <param name="Secret">The materialised Secret.</param>
/// <param name="Deployment">The Deployment.</param>
/// <param name="Service">The Service.</param>
/// <param name="Route">The OpenShift Route, with the host and the routers' status the cluster filled in.</param>
public sealed record ClusterObjects(string Namespace, V1Secret? Secret, V1Deployment? Deployment, V1Service? Service, OpenShiftRoute? Route);
