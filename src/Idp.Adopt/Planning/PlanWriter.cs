namespace Idp.Adopt.Planning;

/// <summary>
/// Writes the files a plan creates, overwrites or writes beside, all or nothing: every file is first written next to
/// its place, then all are moved in; when anything fails, what was moved in is moved back, the files written so far
/// are removed and the folders created for them too, and the repository is as it was.
/// </summary>
public static class PlanWriter
{
    private const string NewSuffix = ".idp-adopt-new";
    private const string OldSuffix = ".idp-adopt-old";

    /// <summary>Writes the plan under <paramref name="root"/> and returns the paths written; an <see cref="AdoptionProblem"/> naming the file when one cannot be written.</summary>
    public static IReadOnlyList<string> Write(string root, AdoptionPlan plan)
    {
        var files = plan.Files.Where(f => f.Writes).Select(f => (f.Path, Full: Path.Combine(root, f.Path), f.Content, f.Executable)).ToList();
        var createdDirectories = new List<string>();
        var staged = new List<string>();
        var placed = new List<(string Full, bool HadOld)>();
        var current = "";
        try
        {
            foreach (var file in files)
            {
                current = file.Path;
                CreateDirectories(Path.GetDirectoryName(file.Full)!, createdDirectories);
                staged.Add(file.Full + NewSuffix);
                File.WriteAllText(file.Full + NewSuffix, file.Content);
                if (file.Executable && !OperatingSystem.IsWindows())
                    File.SetUnixFileMode(file.Full + NewSuffix, File.GetUnixFileMode(file.Full + NewSuffix) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }
            foreach (var file in files)
            {
                current = file.Path;
                var hadOld = File.Exists(file.Full);
                if (hadOld)
                    File.Move(file.Full, file.Full + OldSuffix, overwrite: true);
                placed.Add((file.Full, hadOld));
                File.Move(file.Full + NewSuffix, file.Full);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Undo(placed, staged, createdDirectories);
            throw new AdoptionProblem($"{current} could not be written ({e.Message}). Nothing was written: fix that path (a folder or a read-only file in the way?) and run again.");
        }
        foreach (var (full, hadOld) in placed.Where(p => p.HadOld))
            File.Delete(full + OldSuffix);
        return [.. files.Select(f => f.Path)];
    }

    private static void CreateDirectories(string directory, List<string> created)
    {
        if (Directory.Exists(directory))
            return;
        CreateDirectories(Path.GetDirectoryName(directory)!, created);
        Directory.CreateDirectory(directory);
        created.Add(directory);
    }

    private static void Undo(List<(string Full, bool HadOld)> placed, List<string> staged, List<string> createdDirectories)
    {
        foreach (var (full, hadOld) in Enumerable.Reverse(placed))
        {
            if (File.Exists(full))
                File.Delete(full);
            if (hadOld)
                File.Move(full + OldSuffix, full);
        }
        foreach (var file in staged.Where(File.Exists))
            File.Delete(file);
        foreach (var directory in Enumerable.Reverse(createdDirectories).Where(d => Directory.Exists(d) && !Directory.EnumerateFileSystemEntries(d).Any()))
            Directory.Delete(directory);
    }
}
