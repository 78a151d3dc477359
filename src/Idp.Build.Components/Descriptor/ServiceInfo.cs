namespace Idp.Build.Components.Descriptor;

/// <summary>The <c>service:</c> section: who the service is and how it runs.</summary>
/// <param name="Name">The service's name, a DNS-1123 label; names the Deployment, Service and Route.</param>
/// <param name="Team">The owning team, a DNS-1123 label.</param>
/// <param name="Language">The implementation language; <c>csharp</c> is the only one today.</param>
/// <param name="Framework">The target framework of the shipped project, e.g. <c>net10.0</c>.</param>
/// <param name="Project">The web project to ship, relative to the descriptor's directory; null when the build should find it.</param>
/// <param name="Port">The port the service listens on inside its container.</param>
/// <param name="HealthPath">The liveness endpoint, starting with <c>/</c>.</param>
/// <param name="ReadinessPath">The readiness endpoint; <see cref="HealthPath"/> unless given.</param>
public sealed record ServiceInfo(
    string Name,
    string Team,
    string Language,
    string Framework,
    string? Project,
    int Port,
    string HealthPath,
    string ReadinessPath)
{
    /// <summary>The language used when none is given.</summary>
    public const string DefaultLanguage = "csharp";

    /// <summary>The target framework used when none is given.</summary>
    public const string DefaultFramework = "net10.0";

    /// <summary>The port used when none is given.</summary>
    public const int DefaultPort = 8080;

    /// <summary>The health path used when none is given.</summary>
    public const string DefaultHealthPath = "/health";
}
