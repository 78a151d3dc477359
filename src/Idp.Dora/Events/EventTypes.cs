using System.Text.RegularExpressions;

namespace Idp.Dora.Events;

/// <summary>
/// The CDEvents types the endpoint accepts. Types are matched on <c>dev.cdevents.&lt;subject&gt;.&lt;predicate&gt;</c>
/// with the type versions of spec 0.4.x (<c>0.2.x</c>) and 0.5.x (<c>0.3.x</c>).
/// </summary>
public static partial class EventTypes
{
    /// <summary>The subject.predicate pairs accepted, as they appear in the type.</summary>
    public static readonly IReadOnlyList<string> Accepted =
    [
        "service.deployed", "service.upgraded", "service.rolledback",
        "pipelinerun.queued", "pipelinerun.started", "pipelinerun.finished",
        "incident.detected", "incident.reported", "incident.resolved",
    ];

    /// <summary>Returns <c>subject.predicate</c> of <paramref name="type"/>, or null when it is not accepted.</summary>
    public static string? Kind(string type)
    {
        var match = TypePattern().Match(type);
        if (!match.Success)
            return null;
        var kind = match.Groups["kind"].Value;
        return Accepted.Contains(kind) ? kind : null;
    }

    /// <summary>Whether <paramref name="specVersion"/> is a spec version whose event shapes the endpoint reads.</summary>
    public static bool IsSupportedSpecVersion(string specVersion) => SpecVersionPattern().IsMatch(specVersion);

    [GeneratedRegex(@"^dev\.cdevents\.(?<kind>[a-z]+\.[a-z]+)\.0\.[23]\.[0-9]+(-[0-9A-Za-z.]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TypePattern();

    [GeneratedRegex(@"^0\.[45]\.[0-9]+(-[0-9A-Za-z.]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SpecVersionPattern();
}
