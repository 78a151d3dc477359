namespace Idp.Build.Components.Descriptor;

/// <summary>
/// A service descriptor that cannot be used: missing, not YAML, or invalid. Lists every problem found, so one
/// edit can fix them all; the message's first line says how many there are and where.
/// </summary>
public sealed class ServiceDescriptorException : Exception
{
    /// <summary>Creates the exception for <paramref name="file"/> with at least one problem.</summary>
    public ServiceDescriptorException(string file, IReadOnlyList<DescriptorProblem> problems)
        : base(Describe(file, problems))
    {
        File = file;
        Problems = problems;
    }

    /// <summary>The descriptor's path as given to the reader.</summary>
    public string File { get; }

    /// <summary>Every problem found, in the order of the file.</summary>
    public IReadOnlyList<DescriptorProblem> Problems { get; }

    private static string Describe(string file, IReadOnlyList<DescriptorProblem> problems)
    {
        if (problems.Count == 0)
            throw new ArgumentException("A descriptor exception needs at least one problem.", nameof(problems));
        var count = problems.Count == 1 ? "1 problem" : $"{problems.Count} problems";
        var lines = problems.Select(p => "  " + p);
        return $"The service descriptor {file} has {count}:{Environment.NewLine}" +
            string.Join(Environment.NewLine, lines) + Environment.NewLine +
            "The format, with a full example: docs/idp-yaml.md in the Idp.Build repository.";
    }
}
