namespace Idp.Build.Components.Deploy.Diagnosis.Rules;

internal sealed class ImagePullRule : IDiagnosisRule
{
    private static readonly string[] PullReasons = ["ImagePullBackOff", "ErrImagePull", "InvalidImageName", "ErrImageNeverPull"];

    public DiagnosisFinding? Examine(RolloutEvidence evidence, DiagnosisContext context)
    {
        var waiting = PodEvidence.Containers(evidence).Where(c => c.Status.State?.Waiting?.Reason is { } reason && PullReasons.Contains(reason)).ToArray();
        var events = PodEvidence.EventsWith(evidence, "Failed", "Failed to pull image", "ErrImagePull")
            .Concat(PodEvidence.EventsWith(evidence, "BackOff", "Back-off pulling image"))
            .ToArray();
        if (waiting.Length == 0 && events.Length == 0)
            return null;
        var image = waiting.Select(c => c.Status.Image).FirstOrDefault(i => !string.IsNullOrEmpty(i)) ?? "the image";
        var messages = waiting.Select(c => c.Status.State?.Waiting?.Message).Concat(events.Select(e => e.Message)).OfType<string>().ToArray();
        var (cause, next) = Classify(messages, image, context);
        return new DiagnosisFinding(
            DiagnosisRules.ImagePull,
            "Image cannot be pulled",
            cause,
            next,
            waiting.Select(c => c.Describe()).Concat(events.Select(PodEvidence.Describe)).Distinct().Take(8).ToArray());
    }

    private static (string Cause, string Next) Classify(IReadOnlyList<string> messages, string image, DiagnosisContext context)
    {
        bool Says(params string[] parts) => messages.Any(m => parts.Any(p => PodEvidence.Contains(m, p)));
        if (Says("unauthorized", "authentication required", "denied", "403 Forbidden", "401"))
        {
            return ($"The registry refused the cluster's credentials for {image}.",
                $"Check the pull secret of the namespace {context.Namespace}: it must hold credentials for the registry host of the image, " +
                "and be linked to the pod's service account ('oc secrets link default <secret> --for=pull').");
        }
        if (Says("manifest unknown", "not found", "manifest for"))
        {
            return ($"The registry has no image {image}: the digest was not pushed to that repository, or was deleted.",
                "Check that Push reported this digest for this repository and registry, and that the deploy used the digest of the same run.");
        }
        if (Says("no such host", "i/o timeout", "connection refused", "x509", "certificate"))
        {
            return ($"The cluster could not reach the registry of {image} (DNS, network or TLS).",
                "Check that the registry host in the image reference is the one the cluster can reach, and that its certificate is trusted by the cluster.");
        }
        return ($"The cluster could not pull {image}.",
            $"Read the pull error in the events below; 'oc describe pod -n {context.Namespace} -l app.kubernetes.io/name={context.Service}' shows it in full.");
    }
}
