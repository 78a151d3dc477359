using System.Security.Cryptography;

namespace Idp.Adopt.Tests.Support;

/// <summary>A throwaway Git repository in a temporary folder: the service repository a test adopts.</summary>
public sealed class Repository : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    public Repository(string name = "service-repo")
    {
        Root = Path.Combine(Directory.CreateTempSubdirectory("idp-adopt-").FullName, name);
        Directory.CreateDirectory(Root);
        Git("init", "-q", "-b", "main");
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public bool Exists(string relative) => File.Exists(PathOf(relative));

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public void Write(string relative, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
        File.WriteAllText(PathOf(relative), content);
    }

    /// <summary>Runs dotnet (e.g. dotnet new webapi) in the repository; fails the test when it fails.</summary>
    public void Dotnet(params string[] arguments) => Succeed(Command.Run("dotnet", arguments, Root, Limit));

    public void Git(params string[] arguments) =>
        Succeed(Command.Run("git", ["-c", "user.name=Test", "-c", "user.email=test@example.internal", .. arguments], Root, Limit));

    public void CommitAll(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "--allow-empty", "-m", message);
    }

    /// <summary>Every file outside .git with a hash of its content and its modification time: equal snapshots mean nothing was written.</summary>
    public IReadOnlyDictionary<string, string> Snapshot() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(".git/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToDictionary(f => f, f => $"{Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(PathOf(f))))} {File.GetLastWriteTimeUtc(PathOf(f)).Ticks}");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(Root)!, recursive: true);

    private static void Succeed(CommandResult result) => result.ExitCode.ShouldBe(0, result.ToString());
}
