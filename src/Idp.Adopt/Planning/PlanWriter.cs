namespace Idp.Adopt.Planning;

/// <summary>Writes the files a plan creates, overwrites or writes beside; the plan was fully computed (and checked) before.</summary>
public static class PlanWriter
{
    /// <summary>Writes the plan under <paramref name="root"/> and returns the paths written.</summary>
    public static IReadOnlyList<string> Write(string root, AdoptionPlan plan)
    {
        var written = new List<string>();
        foreach (var file in plan.Files.Where(f => f.Writes))
        {
            var path = Path.Combine(root, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Content);
            if (file.Executable && !OperatingSystem.IsWindows())
                File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            written.Add(file.Path);
        }
        return written;
    }
}
