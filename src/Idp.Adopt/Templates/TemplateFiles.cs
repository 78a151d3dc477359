namespace Idp.Adopt.Templates;

/// <summary>The idp-service template's files, embedded in this assembly under <c>idp-service/&lt;path&gt;</c>.</summary>
internal static class TemplateFiles
{
    public static string Read(string path)
    {
        using var stream = typeof(TemplateFiles).Assembly.GetManifestResourceStream("idp-service/" + path)
            ?? throw new InvalidOperationException($"The template file {path} is not embedded in Idp.Adopt; add it to TemplateFile in Idp.Adopt.csproj.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Replaces <paramref name="placeholder"/>, failing loudly when the template no longer contains it.</summary>
    public static string Replace(this string text, string file, string placeholder, string value) =>
        text.Contains(placeholder, StringComparison.Ordinal)
            ? text.Replace(placeholder, value, StringComparison.Ordinal)
            : throw new InvalidOperationException($"The template's {file} no longer contains '{placeholder}'; update Idp.Adopt's derivation of it.");
}
