using Idp.Build.Processes;

namespace Idp.Build.Repository.Prerequisites;

/// <summary>
/// Installs what is missing: dotnet tools always (they need no privileges), Debian and npm packages when running
/// as root on Debian. Anywhere else it prints the exact commands and fails, naming what is missing.
/// </summary>
sealed class PrerequisiteInstaller(BuildLog log, string rootDirectory)
{
    public void Ensure(IReadOnlyList<Prerequisite> prerequisites)
    {
        var missing = prerequisites.Where(p => !p.IsPresent()).ToList();
        foreach (var prerequisite in prerequisites.Except(missing))
            log.Debug($"present: {prerequisite.Name}");
        if (missing.Count == 0)
        {
            log.Information($"All {prerequisites.Count} prerequisites are present.");
            return;
        }

        var canInstallSystemPackages = IsRoot() && File.Exists("/etc/debian_version");
        var manual = new List<string>();
        foreach (var group in missing.GroupBy(p => p.Kind))
        {
            var packages = group.SelectMany(p => p.Packages).Distinct().ToArray();
            var commands = Commands(group.Key, packages);
            log.Information($"Missing ({group.Key}): {string.Join(", ", group.Select(p => $"{p.Name} — {p.Why}"))}");
            if (group.Key == InstallKind.DotNetTool || canInstallSystemPackages)
            {
                foreach (var command in commands)
                    ProcessRunner.Run(command[0], command.Skip(1), new ProcessOptions { WorkingDirectory = rootDirectory, Timeout = TimeSpan.FromMinutes(20) });
            }
            else
            {
                manual.AddRange(commands.Select(c => string.Join(' ', c)));
            }
        }

        if (manual.Count > 0)
        {
            throw new TargetFailedException(
                "Some prerequisites are missing and this is not a root shell on Debian, so they were not installed. Run:\n  " +
                string.Join("\n  ", manual.Select(c => "sudo " + c)));
        }
        var stillMissing = missing.Where(p => !p.IsPresent()).Select(p => p.Name).ToArray();
        if (stillMissing.Length > 0)
            throw new TargetFailedException($"Installed, but still not found: {string.Join(", ", stillMissing)}. Check the output above.");
    }

    private static List<string[]> Commands(InstallKind kind, string[] packages) => kind switch
    {
        InstallKind.Apt =>
        [
            ["apt-get", "update", "-qq"],
            ["env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq", "--no-install-recommends", .. packages],
        ],
        InstallKind.Npm => [["npm", "install", "--global", "--no-fund", "--no-audit", .. packages]],
        InstallKind.DotNetTool => [["dotnet", "tool", "restore"]],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static bool IsRoot() => Environment.UserName == "root";
}
