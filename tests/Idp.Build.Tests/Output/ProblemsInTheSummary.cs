using Idp.Build.Output;

namespace Idp.Build.Tests.Output;

/// <summary>The end of a run repeats each warning and error with enough of its message to act on.</summary>
public class ProblemsInTheSummary
{
    private readonly StringWriter _output = new();
    private readonly BuildLog _log;

    public ProblemsInTheSummary()
    {
        _log = new BuildLog(() => _output, Verbosity.Normal, useColor: false) { CurrentTarget = () => "Publish" };
    }

    [Fact]
    public void A_message_that_introduces_its_detail_is_repeated_with_it()
    {
        _log.Error("The service descriptor idp.yaml has 1 problem:\n  idp.yaml:9:9: service.port: Expected a whole number from 1 to 65535, but found the text 'eighty'.\nThe format, with a full example: docs/idp-yaml.md");

        var summary = Summary();

        summary.ShouldContain("""
              error [Publish]: The service descriptor idp.yaml has 1 problem:
                  idp.yaml:9:9: service.port: Expected a whole number from 1 to 65535, but found the text 'eighty'.
                The format, with a full example: docs/idp-yaml.md

            Build failed in
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_long_message_keeps_its_first_lines_and_points_to_the_log_for_the_rest()
    {
        _log.Warning(string.Join("\n", Enumerable.Range(1, 10).Select(i => $"line {i}")));

        var summary = Summary();

        summary.ShouldContain("  warning [Publish]: line 1\n    line 2\n    line 3\n    line 4\n    line 5\n    line 6\n    … 4 more lines in the log above\n");
        summary.ShouldNotContain("line 7");
    }

    private string Summary()
    {
        var start = _output.ToString().Length;
        SummaryWriter.Write(_log, [], TimeSpan.FromSeconds(1), succeeded: false);
        return _output.ToString()[start..].ReplaceLineEndings("\n");
    }
}
