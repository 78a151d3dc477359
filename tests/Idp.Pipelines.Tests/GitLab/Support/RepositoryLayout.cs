namespace Idp.Pipelines.Tests.GitLab.Support;

/// <summary>Where the GitLab templates, their examples and the shared GitLab CI schema are, found from the repository root.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static string GitLabTemplates => Path.Combine(Root, "pipeline-templates", "gitlab");

    public static string IncludeTemplate => Path.Combine(GitLabTemplates, "idp.gitlab-ci.yml");

    public static string Component => Path.Combine(GitLabTemplates, "templates", "golden-path", "template.yml");

    public static string Examples => Path.Combine(GitLabTemplates, "examples");

    /// <summary>
    /// CI lays a read-only copy of shared/ beside the clone (../shared); on the development machines it is at
    /// /work/shared, which a clone anywhere else (a fresh one under /tmp, say) finds there.
    /// </summary>
    public static string GitLabCiSchema
    {
        get
        {
            var candidates = new[]
            {
                Path.Combine(Root, "..", "shared", "schemas", "gitlab-ci.json"),
                Path.Combine(Root, "..", "..", "shared", "schemas", "gitlab-ci.json"),
                "/work/shared/schemas/gitlab-ci.json",
            };
            return candidates.Select(Path.GetFullPath).FirstOrDefault(File.Exists) ?? throw new FileNotFoundException(
                $"GitLab's CI schema was not found at {string.Join(" or ", candidates.Select(Path.GetFullPath))}. " +
                "The tests read it from the shared/ folder laid beside the repository clone (../shared/schemas/gitlab-ci.json); put it there.");
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Idp.Build.sln")))
                return directory.FullName;
        }
        throw new DirectoryNotFoundException($"No Idp.Build.sln above {AppContext.BaseDirectory}; run the tests from inside the repository.");
    }
}
