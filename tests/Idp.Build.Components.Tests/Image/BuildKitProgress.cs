using Idp.Build.Components.Image;

namespace Idp.Build.Components.Tests.Image;

/// <summary>
/// BuildKit's progress, read from build streams recorded from Docker 20.10 (Streams/*.jsonl): one log line per step
/// and state change, numbered as docker build prints them, the failing step and the engine's error.
/// </summary>
public sealed class BuildKitProgress
{
    private readonly StringWriter _output = new();

    [Fact]
    public async Task A_failed_RUN_names_its_step_and_the_engines_error()
    {
        var progress = await ReadAsync("buildkit-failed-run.jsonl");

        progress.Error.ShouldBe("executor failed running [/bin/sh -c echo hi]: network bridge not found");
        progress.Step.ShouldBe("[1/1] RUN echo hi");
        progress.ImageId.ShouldBeNull();
        var lines = Lines();
        lines.ShouldContain("#1 [internal] load remote build context");
        lines.ShouldContain("#3 [1/1] RUN echo hi");
        lines.ShouldContain(l => l.StartsWith("#3 ERROR: ", StringComparison.Ordinal) && l.Contains("network bridge not found", StringComparison.Ordinal));
        // A step is named once, however many status messages repeat it.
        lines.Count(l => l == "#3 [1/1] RUN echo hi").ShouldBe(1);
    }

    [Fact]
    public async Task A_cached_build_reports_its_steps_as_cached_and_the_image_id()
    {
        var progress = await ReadAsync("buildkit-copy.jsonl");

        progress.Error.ShouldBeNull();
        progress.ImageId.ShouldBe("sha256:ff72aad54109405109d45d7d7cfd4d9d3bd260074db66eaf80ed26999ea13c21");
        var lines = Lines();
        lines.ShouldContain(l => l.StartsWith('#') && l.Contains("COPY . /x/", StringComparison.Ordinal));
        lines.ShouldContain(l => l.EndsWith(" CACHED", StringComparison.Ordinal));
        lines.ShouldContain("Successfully tagged bkt:3");
        lines.ShouldNotContain(l => l.Contains("moby.buildkit.trace", StringComparison.Ordinal));
    }

    [Fact]
    public void A_status_message_cut_short_is_a_format_error_not_a_crash()
    {
        var recorded = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Image", "Streams", "buildkit-failed-run.jsonl")).First();
        var aux = System.Text.Json.JsonDocument.Parse(recorded).RootElement.GetProperty("aux").GetString()!;
        var cut = Convert.ToBase64String(Convert.FromBase64String(aux)[..40]);

        Should.Throw<FormatException>(() => BuildKitStatus.Decode(cut));
    }

    private async Task<BuildProgress> ReadAsync(string recording)
    {
        var progress = new BuildProgress(new BuildLog(() => _output, Verbosity.Normal, useColor: false));
        await using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Image", "Streams", recording));
        await progress.ReadAsync(stream);
        return progress;
    }

    private List<string> Lines() => [.. _output.ToString().Split('\n').Select(l => l.TrimEnd('\r'))];
}
