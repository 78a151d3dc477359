using System.Text.RegularExpressions;

namespace Idp.Pipelines.Tests.GitLab.Support;

/// <summary>
/// Points an example consumer file at the template copies inside the throwaway repository: gitlab-ci-local cannot
/// reach a GitLab instance for <c>component:</c> or <c>project:</c> includes, and <c>local:</c> with the same inputs
/// is interpolated the same way.
/// </summary>
internal static partial class LocalInclude
{
    public static string Of(string exampleFile)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryLayout.Examples, exampleFile));
        text = Component().Replace(text, "- local: .idp/templates/golden-path/template.yml");
        text = Project().Replace(text, "- local: .idp/idp.gitlab-ci.yml");
        if (!text.Contains("- local: .idp/", StringComparison.Ordinal))
            throw new InvalidOperationException($"{exampleFile} includes neither the golden-path component nor the project template; the run tests cannot point it at the local copy.");
        return text;
    }

    [GeneratedRegex(@"- component: \S+/golden-path@\S+")]
    private static partial Regex Component();

    [GeneratedRegex(@"- project: \S+\n\s+ref: \S+\n\s+file: /pipeline-templates/gitlab/idp\.gitlab-ci\.yml")]
    private static partial Regex Project();
}
