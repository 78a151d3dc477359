using Idp.Adopt.Detection;
using Idp.Adopt.Templates;

namespace Idp.Adopt.Planning;

/// <summary>Decides, from what was detected, which files are written, kept or written beside; writes nothing.</summary>
public static class AdoptionPlanner
{
    private const string GitLabCi = ".gitlab-ci.yml";
    private const string Jenkinsfile = "Jenkinsfile";

    /// <summary>The plan for the detected <paramref name="facts"/>, with build packages of <paramref name="sdkVersion"/>.</summary>
    public static AdoptionPlan Plan(RepositoryFacts facts, AdoptOptions options, string sdkVersion)
    {
        var files = new List<PlannedFile>();
        var checks = new List<string>();
        var root = facts.Root;

        void Owned(string path, string reason, Func<string> content, bool executable = false) =>
            files.Add(!Exists(root, path) ? new PlannedFile(path, FileAction.Create, reason, content(), executable)
                : options.Force ? new PlannedFile(path, FileAction.Overwrite, "exists; --force", content(), executable)
                : new PlannedFile(path, FileAction.Keep, "exists (--force replaces it)"));

        void Unless(string path, string reason, Func<string> content, string existsNote)
        {
            if (Exists(root, path))
                files.Add(new PlannedFile(path, FileAction.Keep, existsNote));
            else
                files.Add(new PlannedFile(path, FileAction.Create, reason, content()));
        }

        if (facts.Solution.IsNew)
            files.Add(new PlannedFile(facts.Solution.Path, FileAction.Create, "no solution: the golden path builds one", AdoptedFiles.Solution(facts.Solution.Projects)));
        Owned("build/Build.cs", "the build: class Build : IdpBuild, IGoldenPath", () => AdoptedFiles.Verbatim("build/Build.cs"));
        Owned("build/_build.csproj", $"references Idp.Build.Components {sdkVersion}", () => AdoptedFiles.BuildProject(facts, sdkVersion));
        Owned("build.sh", "runs the build", () => AdoptedFiles.Verbatim("build.sh"), executable: true);
        Owned("build.ps1", "runs the build on Windows", () => AdoptedFiles.Verbatim("build.ps1"));
        Owned(".nuke/parameters.json", facts.Solution.Others.Count > 0 ? $"Solution: {facts.Solution.Path}" : "build parameters", () => AdoptedFiles.Parameters(facts));
        Owned(".nuke/build.schema.json", "editor completion of the parameters", () => AdoptedFiles.Verbatim(".nuke/build.schema.json"));
        Owned("idp.yaml", "the service descriptor", () => AdoptedDescriptor.Write(facts, facts.Dockerfile.Kind == DockerfileInspector.Kind.RestoresInImage ? "Dockerfile.idp" : null));

        if (Exists(root, "nuget.config") || Exists(root, "NuGet.Config"))
        {
            files.Add(new PlannedFile(Exists(root, "nuget.config") ? "nuget.config" : "NuGet.Config", FileAction.Keep, "exists: it must reach the Idp.* packages"));
            checks.Add($"nuget.config exists, so it was not changed: the build project needs the Idp.* packages from {options.Feed}. Add that feed (and, if the file maps package sources, map Idp.* to it).");
        }
        else
        {
            files.Add(new PlannedFile("nuget.config", FileAction.Create, "Idp.* from the platform feed", AdoptedFiles.NuGetConfig(options.Feed)));
        }
        Unless(".gitignore", "ignores bin/, bin-native/, obj/, artifacts/, .nuke/temp/", () => AdoptedFiles.Verbatim(".gitignore"), "exists");
        if (Exists(root, ".gitignore") && !File.ReadAllText(Path.Combine(root, ".gitignore")).Contains("artifacts", StringComparison.Ordinal))
            checks.Add(".gitignore exists and was not changed: add 'artifacts/' and '**/.nuke/temp/' to it (build outputs).");

        PlanDockerfile(facts, options, files, checks);
        PlanCi(facts, options, files, checks);
        ChecksOfDetection(facts, checks);
        return new AdoptionPlan(files, checks);
    }

    private static void PlanDockerfile(RepositoryFacts facts, AdoptOptions options, List<PlannedFile> files, List<string> checks)
    {
        var root = facts.Root;
        switch (facts.Dockerfile.Kind)
        {
            case DockerfileInspector.Kind.None:
                files.Add(new PlannedFile("Dockerfile", FileAction.Create, "packages artifacts/publish/ on the platform's base image", AdoptedFiles.Dockerfile(facts)));
                if (!Exists(root, ".dockerignore"))
                    files.Add(new PlannedFile(".dockerignore", FileAction.Create, "sends only the published service to the engine", AdoptedFiles.Verbatim(".dockerignore")));
                break;
            case DockerfileInspector.Kind.Packages:
                files.Add(new PlannedFile("Dockerfile", FileAction.Keep, "exists: kept and used"));
                checks.Add($"The Dockerfile is kept: check that it copies artifacts/publish/{facts.ServiceName.Value}/ (what ./build.sh Publish writes) and starts {facts.Projects.Web.AssemblyName}.dll.");
                break;
            default:
                files.Add(new PlannedFile("Dockerfile", FileAction.Keep, "exists: never overwritten"));
                files.Add(Beside(root, "Dockerfile.idp", "Dockerfile restores inside the image", AdoptedFiles.Dockerfile(facts), options.Force));
                checks.Add(
                    "The Dockerfile restores NuGet packages inside the image (RUN dotnet restore/publish), which needs the feeds from inside docker build: it cannot run where the build has no registry access. " +
                    "The golden path restores and publishes on the build machine and packages the output: Dockerfile.idp, named by image.dockerfile in idp.yaml. Delete the old Dockerfile (and the dockerfile line) once you are happy.");
                break;
        }
    }

    private static void PlanCi(RepositoryFacts facts, AdoptOptions options, List<PlannedFile> files, List<string> checks)
    {
        var choice = facts.Ci.Choose(options.Ci);
        if (choice is CiChoice.GitLab or CiChoice.Both)
            PlanCiFile(facts, options, GitLabCi, ".gitlab-ci.idp.yml", "golden-path@", files, checks);
        if (choice is CiChoice.Jenkins or CiChoice.Both)
            PlanCiFile(facts, options, Jenkinsfile, "Jenkinsfile.idp", "idpPipeline(", files, checks);
    }

    private static void PlanCiFile(RepositoryFacts facts, AdoptOptions options, string file, string beside, string goldenPathMark, List<PlannedFile> files, List<string> checks)
    {
        var root = facts.Root;
        if (!Exists(root, file))
        {
            files.Add(new PlannedFile(file, FileAction.Create, "thin CI file: ./build.sh on the golden path", AdoptedFiles.Ci(file, facts)));
            return;
        }
        if (File.ReadAllText(Path.Combine(root, file)).Contains(goldenPathMark, StringComparison.Ordinal))
        {
            files.Add(new PlannedFile(file, FileAction.Keep, "exists: already on the golden path"));
            return;
        }
        files.Add(new PlannedFile(file, FileAction.Keep, "exists: never overwritten"));
        files.Add(Beside(root, beside, $"{file} exists", AdoptedFiles.Ci(file, facts), options.Force));
        checks.Add($"{file} exists and was not changed; the golden-path version is {beside}. To switch: compare them, move what only the old one does into build/Build.cs, then 'git mv -f {beside} {file}'.");
    }

    private static PlannedFile Beside(string root, string path, string reason, string content, bool force) =>
        !Exists(root, path) ? new PlannedFile(path, FileAction.WriteBeside, reason, content)
        : force ? new PlannedFile(path, FileAction.Overwrite, "exists; --force", content)
        : new PlannedFile(path, FileAction.Keep, "exists (--force replaces it)");

    private static void ChecksOfDetection(RepositoryFacts facts, List<string> checks)
    {
        if (facts.Port.IsDefault)
            checks.Add($"Port {facts.Port.Value} is the golden path's default: nothing in the repository names one. The Dockerfile sets ASPNETCORE_HTTP_PORTS to it; check idp.yaml's service.port.");
        if (facts.Health.Health.IsDefault)
            checks.Add("No health endpoint was found, so idp.yaml names /health, which the service does not answer yet: add builder.Services.AddHealthChecks() and app.MapHealthChecks(\"/health\") before deploying.");
        else if (facts.Health.IsStandIn)
            checks.Add($"No health endpoint was found; {facts.Health.Health.Value} answers while the service runs and is probed instead. Add app.MapHealthChecks(\"/health\") and set healthPath in idp.yaml.");
        if (facts.Projects.Tests.Count == 0)
            checks.Add("No test projects: idp.yaml sets quality.coverage to 0 so the quality gate passes; raise it when tests exist.");
        if (!facts.Framework.Value.StartsWith("net10", StringComparison.Ordinal))
            checks.Add($"The service targets {facts.Framework.Value}; the platform's base image runs .NET 10. Move the project to net10.0, or point the Dockerfile's BASE_IMAGE at a runtime of {facts.Framework.Value}.");
    }

    private static bool Exists(string root, string path) => File.Exists(Path.Combine(root, path));
}
