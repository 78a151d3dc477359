using Idp.Build;
using Idp.Build.Components.Compile;
using Idp.Build.Components.Descriptor;
using Idp.Build.Tools;
using static Idp.Build.Tools.DotNetTasks;

namespace Idp.Build.Components.Image;

/// <summary>
/// <c>Publish</c>: <c>dotnet publish</c> of the descriptor's web project on the build machine (where the NuGet cache
/// is), framework-dependent, to <c>artifacts/publish/&lt;service&gt;/</c>. The Dockerfile copies that folder, so the
/// image needs neither an SDK stage nor a restore.
/// </summary>
public interface IPublish : ICompile, IHazServiceDescriptor
{
    /// <summary>Where the published service lands: <c>artifacts/publish/&lt;service&gt;/</c>.</summary>
    AbsolutePath PublishDirectory => ArtifactsDirectory / "publish" / ServiceDescriptor.Service.Name;

    /// <summary>The web project that is shipped: <c>service.project</c> of <c>idp.yaml</c>.</summary>
    AbsolutePath PublishProject => ServiceDescriptor.Service.Project is { } project
        ? ServiceDescriptor.Resolve(project)
        : throw new BuildException(
            $"{ServiceDescriptor.SourceFile} names no project to publish. Add 'project: src/<Name>/<Name>.csproj' under 'service:'.");

    Target Publish => _ => _
        .Description("Publishes the service (framework-dependent) to artifacts/publish/<service>/ for the image")
        // Read before the first target runs: a broken idp.yaml fails in a second, not after Compile and Test.
        .Requires(() => ServiceDescriptor)
        .DependsOn(Compile)
        .Executes(() =>
        {
            // A file removed from the project must not linger in the image.
            if (PublishDirectory.DirectoryExists())
                Directory.Delete(PublishDirectory, recursive: true);
            DotNetPublish(s => s.Apply(PublishSettingsBase).Apply(PublishSettings));
            var files = Directory.GetFiles(PublishDirectory, "*", SearchOption.AllDirectories);
            ReportSummary($"{files.Length} files, {files.Sum(f => new FileInfo(f).Length) / 1024} KiB");
        });

    sealed Configure<DotNetPublishSettings> PublishSettingsBase => _ => _
        .SetProjectFile(PublishProject)
        .SetConfiguration(Configuration)
        .SetFramework(ServiceDescriptor.Service.Framework)
        .SetOutputDirectory(PublishDirectory)
        .EnableNoRestore()
        .EnableNoBuild()
        .SetProperty("SelfContained", false)
        // The image starts the service with 'dotnet <name>.dll'; an apphost would be dead weight in the app layer.
        .SetProperty("UseAppHost", false);

    /// <summary>The team's hook: a runtime identifier, trimming settings, extra properties.</summary>
    Configure<DotNetPublishSettings> PublishSettings => _ => _;
}
