using Idp.Build.Tests.Support;

namespace Idp.Build.Tests.Execution;

/// <summary>
/// The skip truth table of docs/engine/skipping.md, row by row. The graph: Deploy depends on Build, Build on
/// Restore; Lint is needed by Build too; Deploy triggers Notify.
/// </summary>
public class SkipTruthTable
{
    public static TheoryData<string, string, string, string> Rows => new()
    {
        // row, invoked, setup, expected statuses
        { "1 nothing skipped", "Deploy", "", "Restore:Succeeded Lint:Succeeded Build:Succeeded Deploy:Succeeded Notify:Succeeded" },
        { "2 static false on an invoked target skips it and what only it needs", "Deploy", "static:Deploy", "Restore:Skipped Lint:Skipped Build:Skipped Deploy:Skipped Notify:Skipped" },
        { "3 WhenSkipped(Execute) keeps dependencies running", "Deploy", "static:Deploy execute:Deploy", "Restore:Succeeded Lint:Succeeded Build:Succeeded Deploy:Skipped Notify:Succeeded" },
        { "4 static false on a dependency cascades to its own dependencies", "Deploy", "static:Build", "Restore:Skipped Lint:Skipped Build:Skipped Deploy:Succeeded Notify:Succeeded" },
        { "5 a dependency still needed by another target is not skipped", "Deploy Lint2", "static:Build", "Restore:Skipped Lint:Succeeded Lint2:Succeeded Build:Skipped Deploy:Succeeded Notify:Succeeded" },
        { "6 an invoked target is never skipped by the cascade", "Deploy Restore", "static:Build", "Restore:Succeeded Lint:Skipped Build:Skipped Deploy:Succeeded Notify:Succeeded" },
        { "7 dynamic false skips only that target", "Deploy", "dynamic:Build", "Restore:Succeeded Lint:Succeeded Build:Skipped Deploy:Succeeded Notify:Succeeded" },
        { "8 --skip with names skips them and cascades", "Deploy", "skip:Build", "Restore:Skipped Lint:Skipped Build:Skipped Deploy:Succeeded Notify:Succeeded" },
        { "9 --skip alone skips everything not invoked", "Deploy", "skip:", "Restore:Skipped Lint:Skipped Build:Skipped Deploy:Succeeded Notify:Skipped" },
        { "10 --skip naming an invoked target skips it", "Deploy", "skip:Deploy", "Restore:Skipped Lint:Skipped Build:Skipped Deploy:Skipped Notify:Skipped" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Row(string row, string invoked, string setup, string expected)
    {
        var graph = new Graph().Targets("Restore", "Lint", "Lint2", "Build", "Deploy", "Notify")
            .DependsOn("Build", "Restore", "Lint").DependsOn("Deploy", "Build").DependsOn("Lint2", "Lint").Triggers("Deploy", "Notify");
        List<string>? skip = null;
        foreach (var instruction in setup.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var (kind, target) = (instruction.Split(':')[0], instruction.Split(':')[1]);
            switch (kind)
            {
                case "static": graph.OnlyWhenStatic(target, false); break;
                case "dynamic": graph.OnlyWhenDynamic(target, false); break;
                case "execute": graph.Configure(target, t => t.WhenSkipped = DependencyBehavior.Execute); break;
                case "skip": (skip ??= []).AddRange(target.Length == 0 ? [] : [target]); break;
            }
        }
        var plan = graph.Plan(invoked.Split(' '));

        Execute.Run(plan, skip);

        Execute.Statuses(plan).ShouldBe(expected, row);
    }

    [Fact]
    public void The_skip_reason_is_the_condition_text_and_the_cascade_names_its_cause()
    {
        var graph = new Graph().Targets("Restore", "Build").DependsOn("Build", "Restore")
            .OnlyWhenStatic("Build", false, "IsServerBuild").OnlyWhenStatic("Build", false, "HasChanges");
        var plan = graph.Plan("Build");

        Execute.Run(plan);

        graph["Build"].Note.ShouldBe("IsServerBuild && HasChanges");
        graph["Restore"].Note.ShouldBe("because Build is skipped");
    }

    [Fact]
    public void A_target_without_actions_is_collective()
    {
        var graph = new Graph().Targets("Restore").Configure("Restore", t => t.Actions.Clear());
        var plan = graph.Plan("Restore");

        Execute.Run(plan);

        graph["Restore"].Status.ShouldBe(TargetStatus.Collective);
    }
}
