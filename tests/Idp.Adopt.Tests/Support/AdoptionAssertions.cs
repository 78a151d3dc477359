using System.Text.RegularExpressions;

namespace Idp.Adopt.Tests.Support;

/// <summary>Assertions on what idp-adopt printed: a row of the detection table, a line of the plan.</summary>
public static class AdoptionAssertions
{
    public static void ShouldSucceed(this CommandResult result) => result.ExitCode.ShouldBe(0, result.ToString());

    /// <summary>The detection table has the row <paramref name="what"/> with <paramref name="found"/> (and, when given, a source containing <paramref name="from"/>).</summary>
    public static void ShouldDetect(this CommandResult result, string what, string found, string? from = null) =>
        Regex.IsMatch(result.Output, $@"^  {Regex.Escape(what)} +{Regex.Escape(found)}( +[^\n]*{Regex.Escape(from ?? "")}[^\n]*)?\r?$", RegexOptions.Multiline)
            .ShouldBeTrue($"expected the detection row '{what}: {found}'{(from is null ? "" : $" from '{from}'")} in:\n{result.Output}");

    /// <summary>The plan has the line <paramref name="action"/> <paramref name="path"/>.</summary>
    public static void ShouldPlan(this CommandResult result, string action, string path) =>
        Regex.IsMatch(result.Output, $@"^  {Regex.Escape(action)} +{Regex.Escape(path)}( |\r?$)", RegexOptions.Multiline)
            .ShouldBeTrue($"expected '{action} {path}' in the plan:\n{result.Output}");
}
