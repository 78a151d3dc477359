using Idp.Build.Components.GitLab;
using Idp.Testing.GitLab;

namespace Idp.Build.Components.Tests.GitLab;

/// <summary>The build keeps one note per topic on the merge request and edits it instead of adding more.</summary>
public class MergeRequestNotes : FakeGitLabScope
{
    private const string GateTable = "| metric | value |\n|---|---|\n| coverage | 87.5% |";

    [Fact]
    public async Task First_publication_creates_a_note_with_a_hidden_marker()
    {
        using var reporter = Reporter();

        await reporter.PublishMergeRequestNoteAsync("quality-gate", GateTable);

        var note = Project.MergeRequests[MergeRequestIid].ShouldHaveSingleItem();
        note.Body.ShouldBe("<!-- idp:quality-gate -->\n" + GateTable);
    }

    [Fact]
    public async Task Republishing_in_the_same_run_updates_the_note()
    {
        using var reporter = Reporter();

        await reporter.PublishMergeRequestNoteAsync("quality-gate", "first");
        await reporter.PublishMergeRequestNoteAsync("quality-gate", "second");

        Project.MergeRequests[MergeRequestIid].ShouldHaveSingleItem().Body.ShouldEndWith("second");
    }

    [Fact]
    public async Task A_later_pipeline_finds_the_note_among_many_pages_and_updates_it()
    {
        var notes = Project.MergeRequests[MergeRequestIid];
        for (var i = 0; i < 150; i++)
            notes.Add(new FakeNote { Id = 5000 + i, Body = $"review comment {i}", System = i % 10 == 0 });
        notes.Add(new FakeNote { Id = 9000, Body = "<!-- idp:quality-gate -->\nold table" });
        using var reporter = Reporter();

        await reporter.PublishMergeRequestNoteAsync("quality-gate", GateTable);

        notes.Count.ShouldBe(151);
        notes.Single(n => n.Id == 9000).Body.ShouldEndWith(GateTable);
    }

    [Fact]
    public async Task Unchanged_body_is_not_written_again()
    {
        Project.MergeRequests[MergeRequestIid].Add(new FakeNote { Id = 9000, Body = "<!-- idp:deploy-diagnosis -->\nsame" });
        using var reporter = Reporter();

        await reporter.PublishMergeRequestNoteAsync("deploy-diagnosis", "same");

        GitLab.Requests.ShouldAllBe(r => r.StartsWith("GET", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Topics_keep_separate_notes()
    {
        using var reporter = Reporter();

        await reporter.PublishMergeRequestNoteAsync("quality-gate", GateTable);
        await reporter.PublishMergeRequestNoteAsync("deploy-diagnosis", "Rollout timed out: 0/2 pods ready.");

        Project.MergeRequests[MergeRequestIid].Select(n => n.Body.Split('\n')[0]).ShouldBe(["<!-- idp:quality-gate -->", "<!-- idp:deploy-diagnosis -->"]);
    }

    [Fact]
    public async Task Outside_a_merge_request_nothing_is_sent()
    {
        using var reporter = Reporter(Settings(mergeRequest: null));

        await reporter.PublishMergeRequestNoteAsync("quality-gate", GateTable);

        GitLab.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Topic_that_cannot_be_a_marker_is_rejected()
    {
        using var reporter = Reporter();

        var error = await Should.ThrowAsync<ArgumentException>(() => reporter.PublishMergeRequestNoteAsync("quality gate -->", "x"));

        error.Message.ShouldContain("letters, digits and dashes");
    }
}
