namespace Idp.Build.Components.Platform;

/// <summary>The name of the platform's .NET runtime base image in a registry.</summary>
public static class BaseImageName
{
    /// <summary>The repository of the base image, below the registry.</summary>
    public const string Repository = "idp/dotnet-aspnet";

    /// <summary>The moving tag: major.minor of the runtime the build itself runs on, e.g. <c>10.0</c>.</summary>
    public static string Tag => $"{Environment.Version.Major}.{Environment.Version.Minor}";

    /// <summary>
    /// The exact tag, e.g. <c>10.0.3-5f0c2e9a41b7</c>: the runtime version and the recipe's fingerprint. A runtime update
    /// on the build machine, a new recipe or other CA certificates give another tag, so the image is built again.
    /// </summary>
    public static string ExactTag(BaseImageRecipe recipe) => $"{recipe.RuntimeVersion}-{recipe.Fingerprint}";

    /// <summary><c>&lt;registry&gt;/idp/dotnet-aspnet:&lt;major.minor&gt;</c>, e.g. <c>127.0.0.1:5001/idp/dotnet-aspnet:10.0</c>.</summary>
    public static string For(string registry) => $"{registry}/{Repository}:{Tag}";

    /// <summary>The image by its exact tag, e.g. <c>127.0.0.1:5001/idp/dotnet-aspnet:10.0.3-5f0c2e9a41b7</c>.</summary>
    public static string Exact(string registry, BaseImageRecipe recipe) => $"{registry}/{Repository}:{ExactTag(recipe)}";
}
