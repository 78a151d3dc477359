namespace Idp.Adopt;

/// <summary>What <c>idp-adopt --help</c> prints.</summary>
internal static class HelpText
{
    public const string Text = """
        idp-adopt: put this .NET service repository on the Idp.Build golden path.

        Run it at the root of the repository (a clean Git working tree, so that 'git diff' shows what it did):
          dotnet tool exec Idp.Adopt -- --team payments --dry-run     # see what it finds and would write
          dotnet tool exec Idp.Adopt -- --team payments               # write it
          ./build.sh Compile Test SonarGate --update-quality-baseline  # accept the findings the code already has
          ./build.sh Deploy --environment local                        # deploy it on this machine
          git add -A && git commit -m "Adopt the Idp.Build golden path"

        It detects the solution, the web project to ship, the test projects, the target framework, the port, the
        health endpoint, an existing Dockerfile and existing CI files, prints them, and writes only what is missing:
        build/Build.cs, build/_build.csproj, build.sh, build.ps1, .nuke/, idp.yaml, nuget.config, .gitignore,
        .dockerignore, a Dockerfile when there is none, and the thin .gitlab-ci.yml and/or Jenkinsfile. An existing
        file is never overwritten: an existing CI file or a Dockerfile that restores inside the image gets the
        golden-path version written beside it (.gitlab-ci.idp.yml, Jenkinsfile.idp, Dockerfile.idp). Running it again
        changes nothing.

        Options:
          --dry-run               print the detection and the plan; write nothing
          --force                 overwrite golden-path files that exist (build/, build.sh, build.ps1, .nuke/,
                                  idp.yaml and the files written beside); never an existing CI file or Dockerfile
          --team <name>           the owning team, a DNS-1123 label such as payments
                                  (default: the group of the Git remote 'origin')
          --solution <path>       the solution to build when the repository has several
          --project <path>        the web project to ship when the solution has several
          --ci gitlab|jenkins|both  the CI files to write (default: the kinds the repository has, else gitlab)
          --sdk-version <version> the Idp.Build packages' version (default: this tool's version)
          --feed <url|folder>     the NuGet feed of the Idp.* packages, for a new nuget.config
                                  (default: the platform's Nexus feed; a folder must be an absolute path)
          --help                  this text

        Exit codes: 0 adopted (or nothing to do), 1 the repository cannot be adopted as it is (nothing written),
        2 a bad option. Guide: docs/adopting.md of Idp.Build.
        """;
}
