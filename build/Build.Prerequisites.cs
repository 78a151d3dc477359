using Idp.Build;
using Idp.Build.Repository.Prerequisites;

namespace Idp.Build.Repository;

partial class Build
{
    Target Prerequisites => _ => _
        .Description("Installs what the tests and the demo need (Debian and npm packages as root on Debian, dotnet tools)")
        .Executes(() => new PrerequisiteInstaller(Log, RootDirectory).Ensure(RequiredOnThisMachine));

    // Later capabilities add their servers and tools here.
    IReadOnlyList<Prerequisite> RequiredOnThisMachine =>
    [
        new("PowerShell 7 (dotnet tool)", "the build.ps1 bootstrapper tests",
            () => LocalToolInstalled("powershell"), InstallKind.DotNetTool, "powershell"),
        new("rsync", "gitlab-ci-local's shell isolation",
            () => OnPath("rsync"), InstallKind.Apt, "rsync"),
        new("gitlab-ci-local 4.70.1", "running the GitLab templates (4.70.1 is the last release for Node 20)",
            () => OnPath("gitlab-ci-local"), InstallKind.Npm, "gitlab-ci-local@4.70.1"),
        new("dotnet-sonarscanner (dotnet tool)", "the SonarQube scanner flow tests",
            () => LocalToolInstalled("dotnet-sonarscanner"), InstallKind.DotNetTool, "dotnet-sonarscanner"),
        new("git", "version from tags, commit ranges for DORA lead time",
            () => OnPath("git"), InstallKind.Apt, "git"),
        new("PostgreSQL 15", "Idp.Dora's storage tests on a real PostgreSQL (a private cluster per test run)",
            () => Directory.Exists("/usr/lib/postgresql") && Directory.EnumerateDirectories("/usr/lib/postgresql").Any(), InstallKind.Apt, "postgresql"),
        new("Prometheus Pushgateway", "pushing DORA gauges to a real Pushgateway",
            () => OnPath("prometheus-pushgateway"), InstallKind.Apt, "prometheus-pushgateway"),
        new("Chromium", "the DORA dashboard's screenshot test (headless)",
            () => OnPath("chromium"), InstallKind.Apt, "chromium"),
        new("Docker engine", "building and running images for real (the tests start a private dockerd)",
            () => OnPath("dockerd"), InstallKind.Apt, "docker.io"),
        new("Docker registry", "pushing to a real registry v2 (the local platform and the tests)",
            () => OnPath("docker-registry"), InstallKind.Apt, "docker-registry"),
        new("htpasswd", "the test registry's Basic auth",
            () => OnPath("htpasswd"), InstallKind.Apt, "apache2-utils"),
        new("C toolchain (gcc, zlib headers)", "linking the sample's build with Native AOT (IDP_BUILD_NATIVE=on)",
            () => OnPath("gcc") && File.Exists("/usr/include/zlib.h"), InstallKind.Apt, "gcc", "libc6-dev", "zlib1g-dev"),
        new("Groovy 2.4", "the Jenkins shared library tests (Jenkins' CPS runs Groovy 2.4)",
            () => OnPath("groovy"), InstallKind.Apt, "groovy"),
    ];

    bool LocalToolInstalled(string packageId)
    {
        var store = Path.Combine(Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"), packageId);
        return Directory.Exists(store) && Directory.EnumerateDirectories(store).Any();
    }

    static bool OnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, command)));
}
