using System.Text.RegularExpressions;

namespace Idp.Adopt.Detection;

/// <summary>What kind of Dockerfile the repository already has.</summary>
public static partial class DockerfileInspector
{
    /// <summary>The kinds the adoption tells apart.</summary>
    public enum Kind
    {
        /// <summary>No Dockerfile at the root.</summary>
        None,

        /// <summary>It packages what was built outside the image: kept and used.</summary>
        Packages,

        /// <summary>It runs dotnet restore/build/publish inside the image, which needs the NuGet feeds from inside the build.</summary>
        RestoresInImage,
    }

    /// <summary>The Dockerfile's kind, how many stages it has, and its path (null when none).</summary>
    public sealed record Result(Kind Kind, int Stages, string? Path);

    /// <summary>Reads the Dockerfile at <paramref name="root"/>, if any.</summary>
    public static Result Inspect(string root)
    {
        var path = System.IO.Path.Combine(root, "Dockerfile");
        if (!File.Exists(path))
            return new Result(Kind.None, 0, null);
        var text = File.ReadAllText(path);
        var stages = From().Matches(text).Count;
        return new Result(DotnetRun().IsMatch(text) ? Kind.RestoresInImage : Kind.Packages, stages, path);
    }

    [GeneratedRegex(@"^\s*FROM\s", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex From();

    [GeneratedRegex(@"^\s*RUN\s.*\bdotnet\s+(restore|build|publish)\b", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex DotnetRun();
}
