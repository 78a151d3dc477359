using System.Linq.Expressions;
using Idp.Build.Components.Descriptor;

namespace Idp.Build.Components.Tests.Descriptor;

public sealed class ProvidingTheDescriptorToABuild : IDisposable
{
    private readonly DescriptorText _text = new();

    public void Dispose() => _text.Dispose();

    [Fact]
    public void DescriptorAtTheRoot_IsReadByDefault()
    {
        File.WriteAllText(_text.FileName, DocumentationExamples.Full);
        IHazServiceDescriptor build = new FakeBuild(_text.Directory);

        build.ServiceDescriptorFile.ShouldBe((AbsolutePath)_text.FileName);
        build.ServiceDescriptor.Service.Name.ShouldBe("hello-service");
    }

    [Fact]
    public void Descriptor_IsReadOncePerBuild()
    {
        File.WriteAllText(_text.FileName, DocumentationExamples.Full);
        IHazServiceDescriptor build = new FakeBuild(_text.Directory);
        var first = build.ServiceDescriptor;

        File.Delete(_text.FileName);

        build.ServiceDescriptor.ShouldBeSameAs(first);
        Should.Throw<BuildException>(() => ((IHazServiceDescriptor)new FakeBuild(_text.Directory)).ServiceDescriptor);
    }

    [Fact]
    public void InvalidDescriptor_FailsTheBuildWithEveryProblem()
    {
        File.WriteAllText(_text.FileName, "apiVersion: idp.build/v1\nservice: { name: Hello, team: payments }\n");
        IHazServiceDescriptor build = new FakeBuild(_text.Directory);

        var error = Should.Throw<BuildException>(() => build.ServiceDescriptor);

        error.Message.ShouldStartWith($"The service descriptor {_text.FileName} has 2 problems:");
        error.Message.ShouldContain($"{_text.FileName}:2:18: service.name: 'Hello' is not a valid name");
        error.Message.ShouldContain($"{_text.FileName}:1:1: environments: 'environments' is missing");
    }

    [Fact]
    public void MissingDescriptor_FailsTheBuildSayingHowToCreateOne()
    {
        IHazServiceDescriptor build = new FakeBuild(_text.Directory);

        Should.Throw<BuildException>(() => build.ServiceDescriptor).Message
            .ShouldContain($"No service descriptor at {_text.FileName}. Every service repository has an idp.yaml at its root");
    }

    // Only what the component touches: the root directory and an unset --service-descriptor-file.
    private sealed class FakeBuild(string root) : IHazServiceDescriptor
    {
        public AbsolutePath RootDirectory { get; } = AbsolutePath.Create(root);

        public AbsolutePath TemporaryDirectory => RootDirectory / ".nuke" / "temp";

        public Host Host => throw new NotSupportedException();

        public bool IsLocalBuild => true;

        public bool IsServerBuild => false;

        public BuildLog Log => throw new NotSupportedException();

        public bool IsFailing => false;

        public T? TryGetValue<T>(Expression<Func<T?>> parameter) where T : class => null;

        public T? TryGetValue<T>(Expression<Func<T?>> parameter) where T : struct => null;

        public void RegisterSecret(string? value)
        {
        }

        public string Masked(string text) => text;

        public void ReportSummary(string note)
        {
        }

        public TargetStatus StatusOf(Target target) => TargetStatus.None;
    }
}
