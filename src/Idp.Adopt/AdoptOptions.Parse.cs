namespace Idp.Adopt;

public sealed partial record AdoptOptions
{
    /// <summary>Reads the command line; an unknown option or a missing value is an <see cref="AdoptionProblem"/>.</summary>
    public static AdoptOptions Parse(IReadOnlyList<string> args)
    {
        var options = new AdoptOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                ? args[++i]
                : throw new AdoptionProblem($"{name} needs a value, e.g. {name} {Example(name)}. See idp-adopt --help.");
            options = name switch
            {
                "--dry-run" => options with { DryRun = true },
                "--force" => options with { Force = true },
                "--solution" => options with { Solution = Value() },
                "--project" => options with { Project = Value() },
                "--team" => options with { Team = Value() },
                "--ci" => options with { Ci = ParseCi(Value()) },
                "--sdk-version" => options with { SdkVersion = Value() },
                "--feed" => options with { Feed = CheckedFeed(Value()) },
                "--help" or "-h" or "-?" => options with { Help = true },
                _ => throw new AdoptionProblem($"Unknown option '{name}'. Options: --dry-run, --force, --solution, --project, --team, --ci, --sdk-version, --feed, --help."),
            };
        }
        return options;
    }

    // NuGet reads a relative folder from the adopted repository's nuget.config, not from where the tool ran.
    private static string CheckedFeed(string value) =>
        value.Contains("://", StringComparison.Ordinal) || Path.IsPathFullyQualified(value)
            ? value
            : throw new AdoptionProblem($"--feed {value}: give a URL or an absolute folder, e.g. --feed {Path.GetFullPath(value)}.");

    private static CiChoice ParseCi(string value) => value.ToLowerInvariant() switch
    {
        "gitlab" => CiChoice.GitLab,
        "jenkins" => CiChoice.Jenkins,
        "both" => CiChoice.Both,
        _ => throw new AdoptionProblem($"--ci must be gitlab, jenkins or both, not '{value}'."),
    };

    private static string Example(string option) => option switch
    {
        "--solution" => "Payments.sln",
        "--project" => "src/Payments.Api/Payments.Api.csproj",
        "--team" => "payments",
        "--ci" => "gitlab",
        "--sdk-version" => "0.1.0",
        _ => "https://nexus.example.internal/repository/nuget-idp/index.json",
    };
}
