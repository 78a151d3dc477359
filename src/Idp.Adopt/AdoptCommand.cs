using System.Reflection;
using Idp.Adopt.Detection;
using Idp.Adopt.Planning;

namespace Idp.Adopt;

/// <summary>
/// <c>idp-adopt</c>: detects, prints what it found and the plan, then writes the missing golden-path files.
/// Every check runs before the first file is written, so a failure leaves the repository as it was.
/// </summary>
public static class AdoptCommand
{
    /// <summary>Exit code: adopted, or nothing to do.</summary>
    public const int Adopted = 0;

    /// <summary>Exit code: the repository cannot be adopted as it is; nothing was written.</summary>
    public const int NotAdoptable = 1;

    /// <summary>Exit code: a bad command line; nothing was written.</summary>
    public const int BadOption = 2;

    /// <summary>Runs the command on the repository at <paramref name="root"/> and returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, string root, TextWriter output, TextWriter error)
    {
        AdoptOptions options;
        try
        {
            options = AdoptOptions.Parse(args);
        }
        catch (AdoptionProblem problem)
        {
            error.WriteLine($"error: {problem.Message}");
            return BadOption;
        }
        if (options.Help)
        {
            output.WriteLine(HelpText.Text);
            return Adopted;
        }

        var sdkVersion = options.SdkVersion ?? ToolVersion();
        output.WriteLine($"Adopting {root} onto the Idp.Build golden path (Idp.Build {sdkVersion}).");
        RepositoryFacts facts;
        AdoptionPlan plan;
        try
        {
            facts = RepositoryFacts.Detect(root, options);
            output.WriteLine();
            output.WriteLine("Detected:");
            output.WriteLine(DetectionTable.Format(DetectionTable.Rows(facts)));
            plan = AdoptionPlanner.Plan(facts, options, sdkVersion);
        }
        catch (AdoptionProblem problem)
        {
            error.WriteLine($"error: {problem.Message}");
            error.WriteLine("Nothing was written.");
            return NotAdoptable;
        }

        output.WriteLine();
        output.WriteLine("Plan:");
        output.WriteLine(plan.Format());
        if (plan.Checks.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Check by hand:");
            foreach (var check in plan.Checks)
                output.WriteLine($"  - {check}");
        }
        output.WriteLine();
        if (options.DryRun)
        {
            output.WriteLine("Dry run: nothing was written. Run again without --dry-run to write the files marked create/write beside.");
            return Adopted;
        }
        if (!plan.HasWork)
        {
            output.WriteLine("Nothing to do: every golden-path file is already there.");
            return Adopted;
        }
        IReadOnlyList<string> written;
        try
        {
            written = PlanWriter.Write(root, plan);
        }
        catch (AdoptionProblem problem)
        {
            error.WriteLine($"error: {problem.Message}");
            return NotAdoptable;
        }
        output.WriteLine($"Wrote {written.Count} files. Next:");
        output.WriteLine("  ./build.sh Compile Test SonarGate --update-quality-baseline   # once: accepts today's analyzer findings; commit .idp/quality-baseline.json");
        output.WriteLine("  ./build.sh Deploy --environment local");
        return Adopted;
    }

    private static string ToolVersion()
    {
        var version = typeof(AdoptCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.1.0";
        return version.Split('+')[0];
    }
}
