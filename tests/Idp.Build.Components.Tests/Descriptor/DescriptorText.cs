using Idp.Build.Components.Descriptor;

namespace Idp.Build.Components.Tests.Descriptor;

/// <summary>Reads descriptors in a temporary service repository and collects the problems of bad ones.</summary>
internal sealed class DescriptorText : IDisposable
{
    public DescriptorText()
    {
        Directory = Path.Combine(Path.GetTempPath(), "idp-descriptor-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "src", "HelloService"));
        File.WriteAllText(Path.Combine(Directory, "src", "HelloService", "HelloService.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk.Web\" />");
    }

    public string Directory { get; }

    public string FileName => Path.Combine(Directory, "idp.yaml");

    public ServiceDescriptor Parse(string yaml) => ServiceDescriptorReader.Parse(yaml, FileName);

    public IReadOnlyList<DescriptorProblem> Problems(string yaml) =>
        Should.Throw<ServiceDescriptorException>(() => Parse(yaml)).Problems;

    /// <summary>The one problem of <paramref name="yaml"/>, asserted to be the only one.</summary>
    public DescriptorProblem Problem(string yaml)
    {
        var problems = Problems(yaml);
        problems.Count.ShouldBe(1, string.Join(Environment.NewLine, problems));
        return problems[0];
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

internal static class DescriptorProblemAssertions
{
    public static void ShouldBeAt(this DescriptorProblem problem, int line, int column, string path, string messagePart)
    {
        (problem.Line, problem.Column, problem.Path).ShouldBe((line, column, path), problem.ToString());
        problem.Message.ShouldContain(messagePart, Case.Sensitive, problem.ToString());
    }
}
