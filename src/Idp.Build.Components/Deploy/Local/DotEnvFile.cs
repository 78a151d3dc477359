using Idp.Build;

namespace Idp.Build.Components.Deploy.Local;

/// <summary>
/// A dotenv file (<c>KEY=value</c> per line, <c>#</c> comments, optional single or double quotes), as used for the
/// <c>local</c> environment's <c>secretsFile</c>.
/// </summary>
public static class DotEnvFile
{
    /// <summary>Reads <paramref name="file"/>; a <see cref="BuildException"/> names the file and line of anything it cannot read.</summary>
    public static IReadOnlyDictionary<string, string> Read(AbsolutePath file)
    {
        if (!file.FileExists())
            throw new BuildException($"The secrets file {file} does not exist. Create it with one KEY=value per line (keep it out of Git), or remove 'secretsFile' from the local environment.");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var raw in File.ReadLines(file))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
                continue;
            if (line.StartsWith("export ", StringComparison.Ordinal))
                line = line["export ".Length..].TrimStart();
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var key = equals > 0 ? line[..equals].Trim() : "";
            if (key.Length == 0 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
                throw new BuildException($"{file}:{number}: expected KEY=value with a key of letters, digits and '_'; the line does not have that form.");
            values[key] = Unquote(line[(equals + 1)..].Trim());
        }
        return values;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' && value[^1] == '"' || value[0] == '\'' && value[^1] == '\'') ? value[1..^1] : value;
}
