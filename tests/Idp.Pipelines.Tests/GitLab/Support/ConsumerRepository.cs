using System.Diagnostics;

namespace Idp.Pipelines.Tests.GitLab.Support;

/// <summary>
/// A throwaway git repository of a service that consumes the templates: the template files copied under
/// <c>.idp/</c> and included locally, and a stub <c>build.sh</c> (the golden-path targets need servers that do not
/// run here) that logs each call to <c>build-calls.log</c> and writes the artifacts each target declares.
/// </summary>
internal sealed class ConsumerRepository : IDisposable
{
    private const string StubBuild = """
        #!/usr/bin/env bash
        # Stand-in for the service's build.sh: records the call, writes what the target would.
        set -euo pipefail
        echo "$CI_JOB_NAME: $*" >> "__CALLS_LOG__"
        echo "stub build.sh $* digest=${IMAGE_DIGEST:-none} environment=${CI_ENVIRONMENT_NAME:-none}"
        # The compiled build and the NuGet packages: taken from the job's cache when there, else made by this job.
        if [[ -f build/bin/_build.sources.cksum ]]; then
          echo "build: from the cache ($(< build/bin/_build.sources.cksum))"
        else
          mkdir -p build/bin && echo "$CI_JOB_NAME on $CI_COMMIT_REF_NAME" > build/bin/_build.sources.cksum
          echo "build: compiled"
        fi
        packages=${NUGET_PACKAGES:?set by the before_script of the template}
        if [[ -f "$packages/restored-by" ]]; then
          echo "packages: from the cache ($(< "$packages/restored-by"))"
        else
          mkdir -p "$packages" && echo "$CI_JOB_NAME on $CI_COMMIT_REF_NAME" > "$packages/restored-by"
          echo "packages: restored"
        fi
        mkdir -p artifacts/test-results artifacts/coverage
        case "$1" in
          Test)
            echo '<testsuites><testsuite name="stub" tests="3" failures="0"/></testsuites>' > artifacts/test-results/stub.xml
            echo '<coverage line-rate="0.875"/>' > artifacts/coverage/stub.cobertura.xml
            echo "Tests: 3 passed, 0 failed, coverage 87.5%" ;;
          SonarGate) echo '[]' > artifacts/gl-code-quality-report.json ;;
          DockerBuild) echo "IMAGE_DIGEST=sha256:0123456789abcdef" > artifacts/image.env ;;
          Deploy) echo "DEPLOY_URL=https://svc-$3.apps.example" > artifacts/deploy.env ;;
        esac
        """;

    public ConsumerRepository(string gitlabCiYml, string serviceDirectory = ".", string branch = "main")
    {
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "idp-gitlab-tests"));
        Root = Path.Combine(Path.GetTempPath(), "idp-gitlab-tests", Guid.NewGuid().ToString("n"));
        // gitlab-ci-local copies the repository per job (--shell-isolation); the log of build calls lives beside
        // the repository so that every job's copy appends to the same file.
        Directory.CreateDirectory(Repository);
        CopyDirectory(RepositoryLayout.GitLabTemplates, Path.Combine(Repository, ".idp"));
        File.WriteAllText(Path.Combine(Repository, ".gitlab-ci.yml"), gitlabCiYml);
        var service = Path.Combine(Repository, serviceDirectory);
        Directory.CreateDirectory(service);
        var stub = Path.Combine(service, "build.sh");
        File.WriteAllText(stub, StubBuild.Replace("__CALLS_LOG__", Path.Combine(Root, "build-calls.log"), StringComparison.Ordinal) + "\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(stub, File.GetUnixFileMode(stub) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        Git("init", "--quiet", "--initial-branch", branch);
        Git("remote", "add", "origin", "https://gitlab.example.internal/team/svc.git");
        Git("add", "--all");
        Git("-c", "user.name=Test", "-c", "user.email=test@example.internal", "commit", "--quiet", "--message", "consumer");
    }

    public string Root { get; }

    public string Repository => Path.Combine(Root, "repo");

    /// <summary>The <c>build.sh</c> calls in the order they ran, as <c>job: arguments</c>.</summary>
    public IReadOnlyList<string> BuildCalls
    {
        get
        {
            var log = Path.Combine(Root, "build-calls.log");
            return File.Exists(log) ? File.ReadAllLines(log) : [];
        }
    }

    /// <summary>A file from the artifacts gitlab-ci-local kept for <paramref name="job"/>, or null.</summary>
    public string? Artifact(string job, string relativePath)
    {
        var path = Path.Combine(Repository, ".gitlab-ci-local", "artifacts", job, relativePath);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    /// <summary>The configuration gitlab-ci-local ran, after includes, inputs and extends.</summary>
    public string ExpandedConfiguration => File.ReadAllText(Path.Combine(Repository, ".gitlab-ci-local", "expanded-gitlab-ci.yml"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; failing the test for it would hide the real result.
        }
    }

    private void Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Repository, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed in {Repository} ({process.ExitCode}): {error}");
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
