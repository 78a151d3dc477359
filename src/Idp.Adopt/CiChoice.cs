namespace Idp.Adopt;

/// <summary>Which thin CI files the adopted repository gets.</summary>
public enum CiChoice
{
    /// <summary><c>.gitlab-ci.yml</c> including the golden-path component.</summary>
    GitLab,

    /// <summary>A <c>Jenkinsfile</c> calling the shared library.</summary>
    Jenkins,

    /// <summary>Both files.</summary>
    Both,
}
