namespace Idp.Adopt.Planning;

/// <summary>Every file the adoption looked at, in the order it writes them, and what to check by hand.</summary>
public sealed record AdoptionPlan(IReadOnlyList<PlannedFile> Files, IReadOnlyList<string> Checks)
{
    /// <summary>At least one file is written.</summary>
    public bool HasWork => Files.Any(f => f.Writes);

    /// <summary>The plan as aligned text: action, path, reason.</summary>
    public string Format()
    {
        var path = Files.Max(f => f.Path.Length);
        return string.Join(Environment.NewLine, Files.Select(f => $"  {Verb(f.Action),-12}  {f.Path.PadRight(path)}  {f.Reason}"));
    }

    private static string Verb(FileAction action) => action switch
    {
        FileAction.Create => "create",
        FileAction.Keep => "keep",
        FileAction.WriteBeside => "write beside",
        _ => "overwrite",
    };
}
