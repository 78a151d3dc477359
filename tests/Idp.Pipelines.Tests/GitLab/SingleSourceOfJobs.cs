using System.Diagnostics;
using System.Text.Json.Nodes;
using Idp.Pipelines.Tests.GitLab.Support;

namespace Idp.Pipelines.Tests.GitLab;

/// <summary>The component's jobs are generated from the include template, so the two cannot drift.</summary>
public class SingleSourceOfJobs
{
    [Fact]
    public void Committed_component_is_what_the_generator_writes()
    {
        var script = Path.Combine(RepositoryLayout.GitLabTemplates, "generate-component.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("--check");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();

        process.ExitCode.ShouldBe(0, output);
    }

    [Fact]
    public void Component_sets_the_same_variables_the_include_template_documents()
    {
        var include = (JsonObject)YamlToJson.Documents(File.ReadAllText(RepositoryLayout.IncludeTemplate))[0]!;
        var component = (JsonObject)ComponentFile.Read(RepositoryLayout.Component).Body!;

        var componentVariables = ((JsonObject)component["variables"]!).Select(p => p.Key).Order();
        componentVariables.ShouldBe(((JsonObject)include["variables"]!).Select(p => p.Key).Order());
    }

    [Fact]
    public void Both_files_define_the_same_jobs()
    {
        var include = (JsonObject)YamlToJson.Documents(File.ReadAllText(RepositoryLayout.IncludeTemplate))[0]!;
        var component = (JsonObject)ComponentFile.Read(RepositoryLayout.Component).Body!;

        component.Where(p => p.Key != "variables").Select(p => p.Key)
            .ShouldBe(include.Where(p => p.Key != "variables").Select(p => p.Key));
    }
}
