namespace Idp.Build.Components.Descriptor;

/// <summary>
/// One thing wrong in a service descriptor: where (file, 1-based line and column, and the YAML path such as
/// <c>environments.dev.replicas</c>), what is wrong and what would be valid.
/// </summary>
/// <param name="File">The descriptor's path as given to the reader.</param>
/// <param name="Line">1-based line; 0 when the problem concerns the file as a whole (e.g. it is missing).</param>
/// <param name="Column">1-based column; 0 with <paramref name="Line"/> 0.</param>
/// <param name="Path">The YAML path of the offending node; empty for the document itself.</param>
/// <param name="Message">What is wrong and what would be valid.</param>
public sealed record DescriptorProblem(string File, int Line, int Column, string Path, string Message)
{
    /// <summary><c>file:line:column: path: message</c>, the form editors and CI logs link to.</summary>
    public override string ToString()
    {
        var location = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        return Path.Length > 0 ? $"{location}: {Path}: {Message}" : $"{location}: {Message}";
    }
}
