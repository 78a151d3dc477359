namespace Idp.Build.Components.Platform;

/// <summary>The name of the platform's .NET runtime base image in a registry.</summary>
public static class BaseImageName
{
    /// <summary>The repository of the base image, below the registry.</summary>
    public const string Repository = "idp/dotnet-aspnet";

    /// <summary>The tag: major.minor of the runtime the build itself runs on, e.g. <c>10.0</c>.</summary>
    public static string Tag => $"{Environment.Version.Major}.{Environment.Version.Minor}";

    /// <summary>
    /// The exact runtime version, e.g. <c>10.0.3</c>: pushed beside <see cref="Tag"/>, so a runtime update on the
    /// build machine is noticed and the image rebuilt.
    /// </summary>
    public static string ExactTag => SharedRuntime.Directory.Name;

    /// <summary><c>&lt;registry&gt;/idp/dotnet-aspnet:&lt;major.minor&gt;</c>, e.g. <c>127.0.0.1:5001/idp/dotnet-aspnet:10.0</c>.</summary>
    public static string For(string registry) => $"{registry}/{Repository}:{Tag}";
}
