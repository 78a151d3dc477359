using System.Collections;
using System.Text;
using Idp.Build.Parameters;
using Idp.Build.Planning;

namespace Idp.Build.Output;

/// <summary><c>--help</c>: what can be run, what it needs, and the parameters with their current values.</summary>
internal static class HelpWriter
{
    public static string Render(IReadOnlyList<ExecutableTarget> targets, ParameterService parameters, object build, string buildName)
    {
        var text = new StringBuilder();
        text.AppendLine($"Usage: ./build.sh [targets] [options]   (or ./build.ps1; build class {buildName})");
        text.AppendLine();
        text.AppendLine("Targets (* = default; ← runs after):");
        var listed = targets.Where(t => t.IsListed).ToArray();
        var width = listed.Select(t => t.Name.Length).DefaultIfEmpty(0).Max() + 2;
        foreach (var target in listed)
        {
            var marker = target.IsDefault ? "*" : " ";
            var dependencies = target.ExecutionDependencies.Select(d => d.Name).ToArray();
            var line = $"  {marker}{target.Name.PadRight(width)}{target.Description}";
            if (dependencies.Length > 0)
                line += $"{(target.Description is null ? "" : "  ")}← {string.Join(", ", dependencies)}";
            text.AppendLine(line.TrimEnd());
        }

        text.AppendLine();
        text.AppendLine("Parameters (--name value, or NAME / IDP_NAME in the environment, or .nuke/parameters.json):");
        var members = parameters.Members.GroupBy(m => ParameterNames.Normalize(m.Name)).Select(g => g.First()).ToArray();
        if (members.Length == 0)
            text.AppendLine("  (none)");
        var rows = members.Select(m => (Name: $"--{m.Kebab} <{ValueConverter.Describe(m.Type)}>", Member: m)).ToArray();
        var nameWidth = rows.Select(r => r.Name.Length).DefaultIfEmpty(0).Max() + 2;
        foreach (var (name, member) in rows)
        {
            var flags = (member.IsRequired ? " [required]" : "") + (member.IsSecret ? " [secret]" : "");
            text.AppendLine($"  {name.PadRight(nameWidth)}{member.Description}{flags}  = {Current(member, parameters, build)}".TrimEnd());
        }

        text.AppendLine();
        text.AppendLine("Options:");
        foreach (var (option, meaning) in EngineHelp)
            text.AppendLine($"  {option,-22}{meaning}");
        return text.ToString();
    }

    private static readonly (string, string)[] EngineHelp =
    [
        ("--help, -h", "show this help"),
        ("--plan", "print the plan and write a Mermaid graph to .nuke/temp/plan.md; run nothing"),
        ("--skip [targets]", "skip the named targets, or every target not named on the command line"),
        ("--parallel [N]", "run independent targets at the same time, N at most (default: one per processor)"),
        ("--continue", "skip targets that succeeded in the last failed run of the same command"),
        ("--profile <names>", "also read .nuke/parameters.<name>.json (later names win)"),
        ("--root <dir>", "the root directory (default: the nearest parent holding .nuke/)"),
        ("--host <name>", "pretend to run on Terminal, GitLab or Jenkins"),
        ("--verbosity <level>", "Quiet, Normal or Verbose"),
        ("--stop-build-server", "(build.sh) stop the build server, which keeps this build running between runs at a terminal; IDP_BUILD_SERVER=on|off|auto"),
    ];

    private static string Current(ParameterMember member, ParameterService parameters, object build)
    {
        object? value;
        try
        {
            value = member.IsComponentMember ? ReadComponentMember(member, build) : member.ReadFrom(build);
        }
        catch (BuildException)
        {
            return "(invalid)";
        }
        if (member.IsSecret)
            return value is null || (value is string s && s.Length == 0) ? "(unset)" : "(set)";
        return value switch
        {
            null => parameters.RawValue(member) is null ? "(unset)" : "(empty)",
            string s => s.Length == 0 ? "\"\"" : s,
            IEnumerable items => string.Join(" ", items.Cast<object>()),
            _ => value.ToString() ?? "",
        };
    }

    // A component member is read through the build so the component's fallback (`?? default`) shows.
    private static object? ReadComponentMember(ParameterMember member, object build)
    {
        try
        {
            return ((System.Reflection.PropertyInfo)member.Member).GetValue(build);
        }
        catch (System.Reflection.TargetInvocationException e) when (e.InnerException is BuildException inner)
        {
            throw inner;
        }
    }
}
