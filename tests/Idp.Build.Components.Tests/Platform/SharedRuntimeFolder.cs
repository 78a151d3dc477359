using System.Runtime.InteropServices;
using Idp.Build.Components.Platform;

namespace Idp.Build.Components.Tests.Platform;

/// <summary>
/// The base image is made from the installed shared runtime. A framework-dependent build runs on it; a self-contained
/// one runs on its own copy, so for it the installed one is looked up instead.
/// </summary>
public sealed class SharedRuntimeFolder
{
    [Theory]
    [InlineData("/usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/")]
    [InlineData("/opt/dotnet/shared/Microsoft.NETCore.App/10.0.3")]
    public void A_version_folder_of_the_shared_framework_is_the_shared_runtime(string runtimeDirectory)
    {
        var shared = SharedRuntime.SharedFrameworkAt(runtimeDirectory);

        shared.ShouldNotBeNull();
        shared.FullName.TrimEnd('/').ShouldBe(runtimeDirectory.TrimEnd('/'));
    }

    [Theory]
    [InlineData("/work/service/build/bin-self-contained/")]
    [InlineData("/")]
    public void The_folder_of_a_self_contained_build_is_not(string runtimeDirectory) =>
        SharedRuntime.SharedFrameworkAt(runtimeDirectory).ShouldBeNull();

    [Fact]
    public void These_tests_run_on_the_shared_runtime_and_it_is_found()
    {
        SharedRuntime.Directory.FullName.TrimEnd('/').ShouldBe(RuntimeEnvironment.GetRuntimeDirectory().TrimEnd('/'));
        SharedRuntime.Directory.Parent!.Name.ShouldBe("Microsoft.NETCore.App");
    }
}
