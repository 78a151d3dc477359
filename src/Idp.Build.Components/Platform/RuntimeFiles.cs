using System.Text.RegularExpressions;
using Idp.Build.Processes;

namespace Idp.Build.Components.Platform;

/// <summary>
/// The files the ASP.NET Core runtime of this machine needs to run in an empty (<c>FROM scratch</c>) image: the
/// <c>dotnet</c> host, hostfxr, the shared frameworks, and every shared library they load (found with <c>ldd</c>,
/// plus OpenSSL, which the runtime opens at run time and <c>ldd</c> cannot see).
/// </summary>
public sealed partial record RuntimeFiles(string DotNetRoot, string Version, IReadOnlyList<(string ImagePath, string HostPath)> Files)
{
    // Opened with dlopen by System.Security.Cryptography.Native.OpenSsl, so no ELF header names them.
    private static readonly string[] LoadedAtRunTime = ["libssl.so.3", "libcrypto.so.3", "libz.so.1"];

    /// <summary>Collects the files of the runtime this build runs on.</summary>
    public static RuntimeFiles OfThisMachine()
    {
        var netCore = SharedRuntime.Directory;
        var version = netCore.Name;
        var root = netCore.Parent!.Parent!.Parent!.FullName;
        var aspNet = Path.Combine(root, "shared", "Microsoft.AspNetCore.App", version);
        if (!Directory.Exists(aspNet))
        {
            throw new BuildException(
                $"The ASP.NET Core runtime {version} is not installed in {root} (no {aspNet}). Install aspnetcore-runtime-{string.Join('.', version.Split('.').Take(2))} next to the .NET runtime.");
        }
        var fxr = Directory.GetDirectories(Path.Combine(root, "host", "fxr")).OrderBy(d => System.Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new System.Version()).Last();

        var files = new List<(string, string)> { ("usr/share/dotnet/dotnet", Path.Combine(root, "dotnet")) };
        foreach (var directory in new[] { fxr, netCore.FullName, aspNet })
        {
            foreach (var file in Directory.GetFiles(directory, "*", SearchOption.AllDirectories))
                files.Add(("usr/share/dotnet/" + Path.GetRelativePath(root, file).Replace('\\', '/'), file));
        }

        var binaries = files.Select(f => f.Item2).Where(f => f.EndsWith(".so", StringComparison.Ordinal) || f.EndsWith("/dotnet", StringComparison.Ordinal))
            .Concat(LoadedAtRunTime.Select(FindLibrary).OfType<string>());
        foreach (var library in SharedLibraries(binaries))
            files.Add((library.TrimStart('/'), library));
        return new RuntimeFiles(root, version, files.DistinctBy(f => f.Item1).ToList());
    }

    /// <summary>Every library the binaries need (transitively: ldd resolves the whole tree), including the dynamic loader.</summary>
    private static SortedSet<string> SharedLibraries(IEnumerable<string> binaries)
    {
        var libraries = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(binaries);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var binary))
        {
            if (!seen.Add(binary))
                continue;
            var result = ProcessRunner.Run("ldd", [binary], new ProcessOptions { LogOutput = false, LogInvocation = false, AllowNonZeroExitCode = true });
            foreach (Match match in LddLine().Matches(result.StandardOutput))
            {
                var path = match.Groups["path"].Value;
                if (libraries.Add(path))
                    pending.Enqueue(path);
            }
            if (!binary.StartsWith("/usr/share/", StringComparison.Ordinal) && !binary.Contains("/dotnet/", StringComparison.Ordinal))
                libraries.Add(binary);
        }
        return libraries;
    }

    private static string? FindLibrary(string name) =>
        new[] { "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib" }
            .Select(directory => Path.Combine(directory, name)).FirstOrDefault(File.Exists);

    // "libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x…)" and "/lib64/ld-linux-x86-64.so.2 (0x…)"; "not found" lines are optional libraries (LTTng) and are left out.
    [GeneratedRegex(@"^\s*(?:\S+\s+=>\s+)?(?<path>/\S+)\s+\(0x", RegexOptions.Multiline)]
    private static partial Regex LddLine();
}
