using System.Security.Cryptography;
using System.Text;
using Idp.Build.Components.Descriptor;

namespace Idp.Build.Components.Quality;

/// <summary>One analyzer finding: rule, level, message and where (path relative to the root, 1-based line).</summary>
public sealed record AnalyzerIssue(string RuleId, IssueSeverity Level, string Message, string File, int Line)
{
    /// <summary>Stable across unrelated edits: the line number is left out, so moving code does not make an issue "new".</summary>
    public string Fingerprint => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{RuleId}\n{File}\n{Message}")))[..32];
}
