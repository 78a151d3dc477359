using System.Text.RegularExpressions;

namespace Idp.Adopt.Detection;

/// <summary>The service name made from the web project's name, as the idp-service template makes it: Payments.Api → payments-api.</summary>
public static partial class ServiceNames
{
    /// <summary>The service name of <paramref name="web"/>; an <see cref="AdoptionProblem"/> when it is no DNS label.</summary>
    public static Finding<string> From(ProjectFile web)
    {
        var project = Path.GetFileNameWithoutExtension(web.Path);
        var name = Words().Replace(project, "$1-$2").Replace('.', '-').Replace('_', '-').ToLowerInvariant();
        return Label().IsMatch(name)
            ? new Finding<string>(name, $"the name of {Path.GetFileName(web.Path)}")
            : throw new AdoptionProblem(
                $"The service name '{name}' made from {web.Path} is not a DNS-1123 label of at most 58 characters (lowercase letters, digits and '-', starting with a letter). Rename the project, or adopt with the idp-service template's naming in mind.");
    }

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex Words();

    [GeneratedRegex(@"^[a-z]([-a-z0-9]{0,56}[a-z0-9])?$")]
    private static partial Regex Label();
}
