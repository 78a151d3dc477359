using System.Text;

namespace Idp.Build.Server;

/// <summary>
/// The file through which build.sh finds the build server: one line, <c>port token pid fingerprint</c>. Only its
/// owner may read it, because the token lets whoever holds it run builds as this user.
/// </summary>
internal static class ServerFile
{
    public static void Write(string path, int port, string token, string fingerprint)
    {
        var temporary = path + ".new";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(temporary, new UTF8Encoding(false), options))
            writer.Write($"{port} {token} {Environment.ProcessId} {fingerprint}\n");
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Deletes the file if it still names this server: a newer server may have replaced it.</summary>
    public static void DeleteIfOwnedBy(string path, string token)
    {
        try
        {
            if (File.ReadAllText(path).Split(' ').ElementAtOrDefault(1) == token)
                File.Delete(path);
        }
        catch (IOException)
        {
            // Already gone.
        }
    }
}
