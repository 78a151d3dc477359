namespace Idp.Build.Components.Test;

/// <summary>One test case as a TRX file records it.</summary>
public sealed record TestCaseResult(string Project, string ClassName, string Name, string Outcome, TimeSpan Duration, string? Message, string? StackTrace)
{
    public bool Failed => Outcome is "Failed" or "Error" or "Timeout" or "Aborted";
    public bool Skipped => Outcome is "NotExecuted" or "Inconclusive" or "Pending";
}

/// <summary>The results of one test project.</summary>
public sealed record TestRun(string Project, IReadOnlyList<TestCaseResult> Cases)
{
    public int Passed => Cases.Count(c => c.Outcome == "Passed");
    public int Failed => Cases.Count(c => c.Failed);
    public int Skipped => Cases.Count(c => c.Skipped);
}
