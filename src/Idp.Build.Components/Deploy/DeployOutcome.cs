using System.Text.Json;
using System.Text.Json.Serialization;

namespace Idp.Build.Components.Deploy;

/// <summary>What one deploy did, written to <c>artifacts/deploy.json</c> and turned into DORA events.</summary>
/// <param name="Service">The service.</param>
/// <param name="Environment">The environment deployed to.</param>
/// <param name="Image">The image deployed, by digest.</param>
/// <param name="DeploymentId">This deploy's id: the DORA deployment id.</param>
/// <param name="Commit">The commit deployed.</param>
/// <param name="Succeeded">True when the new version serves.</param>
/// <param name="RolledBack">True when it failed and the previous version serves again.</param>
/// <param name="FinishedAt">When the deploy finished.</param>
/// <param name="Url">Where the service answers, when known.</param>
/// <param name="Previous">What served before, or null for the first deploy to the environment.</param>
/// <param name="Error">Why it failed; null on success.</param>
public sealed record DeployOutcome(
    string Service,
    string Environment,
    string Image,
    string DeploymentId,
    string? Commit,
    bool Succeeded,
    bool RolledBack,
    DateTimeOffset FinishedAt,
    Uri? Url,
    PreviousDeployment? Previous,
    string? Error)
{
    /// <summary>Writes <c>deploy.json</c> to <paramref name="directory"/>.</summary>
    public void WriteTo(AbsolutePath directory)
    {
        directory.CreateDirectory();
        File.WriteAllText(directory / "deploy.json", JsonSerializer.Serialize(this, DeployJson.Default.DeployOutcome) + "\n");
    }
}

/// <summary>The deployment that served before this one, as recorded on it.</summary>
/// <param name="Image">Its image, by digest.</param>
/// <param name="Commit">Its commit, when recorded.</param>
/// <param name="DeploymentId">Its DORA deployment id, when recorded.</param>
public sealed record PreviousDeployment(string Image, string? Commit, string? DeploymentId);
