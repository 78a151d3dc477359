using System.Formats.Tar;
using Idp.Build.Components.Image;

namespace Idp.Build.Components.Tests.Image;

/// <summary>
/// The context DockerBuild sends: for BuildKit, the service's files as .dockerignore leaves them, plus the Dockerfile
/// BuildKit reads; for the classic builder also the labelled Dockerfile under its own name and a .dockerignore that
/// makes the engine drop it (and a .dockerignore the service does not send) after reading it.
/// </summary>
public sealed class LabelledBuildContext : IDisposable
{
    private readonly AbsolutePath _directory = AbsolutePath.Create(Directory.CreateTempSubdirectory("idp-context-").FullName);

    [Fact]
    public void The_service_files_go_in_as_they_are_and_the_labelled_copy_is_listed_for_the_engine_to_drop()
    {
        WriteServiceWithAnIgnoredLog();

        var entries = Write(new Dictionary<string, string> { ["io.idp.team"] = "platform" });

        entries.Keys.ShouldBe([".dockerignore", ".idp-labelled.Dockerfile", "Dockerfile", "app.txt"], ignoreOrder: true);
        entries["Dockerfile"].ShouldBe("FROM base\nCOPY . /app/\n");
        entries[".idp-labelled.Dockerfile"].ShouldBe("FROM base\nCOPY . /app/\nLABEL \"io.idp.team\"=\"platform\"\n");
        entries[".dockerignore"].ShouldBe("*.log\n.idp-labelled.Dockerfile\n");
    }

    [Fact]
    public void Without_a_dockerignore_of_its_own_the_one_sent_lists_itself_too()
    {
        File.WriteAllText(_directory / "Dockerfile", "FROM base\n");

        var entries = Write(new Dictionary<string, string> { ["a"] = "b" });

        entries[".dockerignore"].Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe([".idp-labelled.Dockerfile", ".dockerignore"]);
    }

    [Fact]
    public void For_BuildKit_the_files_go_in_as_dockerignore_leaves_them_with_no_labelled_copy()
    {
        WriteServiceWithAnIgnoredLog();

        var entries = Write(labels: null);

        entries.Keys.ShouldBe([".dockerignore", "Dockerfile", "app.txt"], ignoreOrder: true);
        entries[".dockerignore"].ShouldBe("*.log\n");
    }

    [Fact]
    public void For_BuildKit_a_Dockerfile_that_dockerignore_excludes_is_still_sent()
    {
        File.WriteAllText(_directory / "Dockerfile", "FROM base\n");
        File.WriteAllText(_directory / ".dockerignore", "*\n!app.txt\n");
        File.WriteAllText(_directory / "app.txt", "app");

        var entries = Write(labels: null);

        entries.Keys.ShouldBe(["Dockerfile", "app.txt"], ignoreOrder: true);
    }

    [Fact]
    public void The_first_entry_is_a_plain_header_BuildKit_recognises_as_a_tar()
    {
        File.WriteAllText(_directory / "Dockerfile", "FROM base\n");

        using var tar = new MemoryStream();
        DockerBuildContext.Write(tar, _directory, "Dockerfile", target: null, labels: null, DateTimeOffset.UnixEpoch);

        // BuildKit reads 1,024 bytes to tell a tar from a Dockerfile: the first header must be a file or directory, not
        // an extended (PAX 'x' or GNU long name 'L') header whose entry would lie beyond them.
        var first = tar.ToArray();
        ((char)first[156]).ShouldBe('0');
        System.Text.Encoding.ASCII.GetString(first, 0, 10).ShouldBe("Dockerfile");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private void WriteServiceWithAnIgnoredLog()
    {
        File.WriteAllText(_directory / "Dockerfile", "FROM base\nCOPY . /app/\n");
        File.WriteAllText(_directory / ".dockerignore", "*.log\n");
        File.WriteAllText(_directory / "app.txt", "app");
        File.WriteAllText(_directory / "debug.log", "log");
    }

    private Dictionary<string, string> Write(Dictionary<string, string>? labels)
    {
        using var tar = new MemoryStream();
        DockerBuildContext.Write(tar, _directory, "Dockerfile", target: null, labels, DateTimeOffset.UnixEpoch);
        tar.Position = 0;
        using var reader = new TarReader(tar);
        var entries = new Dictionary<string, string>();
        while (reader.GetNextEntry() is { } entry)
            entries[entry.Name] = new StreamReader(entry.DataStream!).ReadToEnd();
        return entries;
    }
}
