using Idp.Build.Components.Descriptor;
using Idp.Docs.Tests.Coverage;
using Idp.Docs.Tests.Markdown;

namespace Idp.Docs.Tests.Examples;

/// <summary>
/// The template commands of getting-started.md and platform-operations.md, in the page's order, in a copy of the
/// template project: pack it with a release version, install the package, scaffold Payments.Api, and refuse a bad
/// name without writing a file. The template goes into a throwaway hive (<c>--debug:custom-hive</c>), never the
/// user's.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class ScaffoldingAService : IDisposable
{
    private const string GettingStarted = "docs/getting-started.md";
    private const string Operations = "docs/platform-operations.md";
    private const string PackTemplate = "dotnet pack src/Idp.Templates --output artifacts/packages -p:Version=1.4.0";
    private const string Install = "dotnet new install artifacts/packages/Idp.Templates.*.nupkg";
    private const string Scaffold = """dotnet new idp-service -n Payments.Api --team payments --feed "$PWD/artifacts/packages" -o ../Payments.Api""";
    private const string BadName = "dotnet new idp-service -n Payments-Api --team payments";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);

    private readonly TemporaryDirectory _work = new();

    private string Checkout => _work["sdk"];

    private string Hive => $" --debug:custom-hive {_work["hive"]}";

    [Fact]
    [RunsCommand(PackTemplate, Page = Operations)]
    [RunsCommand(Install, Page = GettingStarted)]
    [RunsCommand(Scaffold, Page = GettingStarted)]
    [RunsCommand(BadName, Page = GettingStarted)]
    public void Packing_installing_and_scaffolding_work_as_the_pages_show()
    {
        CopyTemplateProject();

        Shell.Run(MarkdownCommands.Find(Operations, PackTemplate).Text, Checkout, Limit).ShouldSucceed();
        File.Exists(Path.Combine(Checkout, "artifacts", "packages", "Idp.Templates.1.4.0.nupkg")).ShouldBeTrue();

        Shell.Run(MarkdownCommands.Find(GettingStarted, Install).Text + Hive, Checkout, Limit).ShouldSucceed()
            .Output.ShouldContain("idp-service");

        Shell.Run(MarkdownCommands.Find(GettingStarted, Scaffold).Text + Hive, Checkout, Limit).ShouldSucceed();
        var service = _work["Payments.Api"];
        File.Exists(Path.Combine(service, "build.sh")).ShouldBeTrue();
        var descriptor = ServiceDescriptorReader.Read(Path.Combine(service, "idp.yaml"));
        (descriptor.Service.Name, descriptor.Service.Team).ShouldBe(("payments-api", "payments"));
        File.ReadAllText(Path.Combine(service, "nuget.config")).ShouldContain(Path.Combine(Checkout, "artifacts", "packages"));

        var refused = MarkdownCommands.Find(GettingStarted, BadName);
        var empty = Directory.CreateDirectory(_work["empty"]).FullName;
        var result = Shell.Run(refused.Text + Hive, empty, Limit);
        result.ExitCode.ShouldNotBe(0, result.ToString());
        result.ShouldShow(refused.ShownOutput);
        Directory.EnumerateFiles(empty, "*", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    public void Dispose() => _work.Dispose();

    // The page's commands run at the root of a checkout; the template project and the props it imports are all they touch.
    private void CopyTemplateProject()
    {
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
            File.Copy(RepositoryRoot.Path / file, Path.Combine(Directory.CreateDirectory(Checkout).FullName, file));
        var source = RepositoryRoot.Path / "src" / "Idp.Templates";
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                continue;
            var target = Path.Combine(Checkout, "src", "Idp.Templates", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
