using Idp.Build.Paths;

namespace Idp.Build;

public sealed partial class AbsolutePath
{
    /// <summary>Files below this directory matching a glob (<c>*</c>, <c>?</c>, <c>**</c> for any depth), sorted by path.</summary>
    public IReadOnlyList<AbsolutePath> GlobFiles(string pattern) =>
        Glob.Files(_path, pattern).Select(p => new AbsolutePath(p)).ToArray();
}
