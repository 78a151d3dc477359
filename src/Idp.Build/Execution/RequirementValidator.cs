using System.Collections;
using System.Reflection;
using Idp.Build.Definition;
using Idp.Build.Discovery;
using Idp.Build.Parameters;
using Idp.Build.Planning;

namespace Idp.Build.Execution;

/// <summary>
/// Checks, before the first target runs, every <c>Requires</c> of the targets that will run and every
/// <c>[Required]</c> parameter, and reports all that are missing at once. A requirement that cannot even be read
/// (<c>.Requires(() => ServiceDescriptor)</c> on a broken <c>idp.yaml</c>) stops the run with its own message.
/// </summary>
internal static class RequirementValidator
{
    public static void ThrowIfUnmet(IReadOnlyList<ExecutableTarget> plan, ParameterService parameters, object build)
    {
        var problems = new List<string>();
        var unreadable = new List<string>();
        foreach (var member in parameters.Members.Where(m => m.IsRequired).GroupBy(m => m.Name).Select(g => g.First()))
        {
            var value = member.IsComponentMember ? parameters.GetValue(member) : member.ReadFrom(build);
            if (IsEmpty(value))
                problems.Add($"the build needs {Spell(member)}");
        }
        foreach (var target in plan.Where(t => t.Status == TargetStatus.Scheduled))
        {
            foreach (var requirement in target.Requirements)
            {
                try
                {
                    switch (requirement)
                    {
                        case Requirement.Parameter p when IsEmpty(p.Member.Compile(preferInterpretation: true).DynamicInvoke()):
                            var member = MemberNames.MemberOf(p.Member);
                            problems.Add($"{target.Name} needs {(parameters.Find(member) is { } parameter ? Spell(parameter) : $"'{member.Name}' to have a value")}");
                            break;
                        case Requirement.Assertion a when !a.Condition.Evaluate():
                            problems.Add($"{target.Name} requires {a.Condition.Text}, which is false");
                            break;
                    }
                }
                catch (Exception e) when (Unwrapped(e) is BuildException { Message: var message })
                {
                    if (!unreadable.Contains(message))
                        unreadable.Add(message);
                }
            }
        }
        if (unreadable.Count > 0)
            throw new BuildException($"Cannot start: {string.Join("\n", unreadable)}\nNothing was run.");
        if (problems.Count > 0)
        {
            throw new BuildException(
                $"Cannot start: {string.Join("; ", problems)}. Nothing was run. Set the missing values on the command line, " +
                "in the environment or in .nuke/parameters.json, or skip the targets that need them.");
        }
    }

    private static Exception Unwrapped(Exception e) => e is TargetInvocationException { InnerException: { } inner } ? inner : e;

    private static string Spell(ParameterMember member) =>
        $"parameter --{member.Kebab} (environment {member.EnvironmentName}, or \"{member.Name}\" in .nuke/parameters.json)";

    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => string.IsNullOrWhiteSpace(s),
        ICollection c => c.Count == 0,
        _ => false,
    };
}
