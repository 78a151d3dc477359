using Idp.Build.Tests.Support;

namespace Idp.Build.Tests.Components;

public interface ICompileComponent : IBuild
{
    Target Restore => _ => _.Executes(() => Log.Information("component restore"));

    Target Compile => _ => _
        .Description("Compiles (component)")
        .DependsOn(Restore)
        .Executes(() => Log.Information($"component compile with {CompileSettings(new CompileOptions("Debug")).Configuration}"));

    Configure<CompileOptions> CompileSettings => _ => _;
}

public interface ITestComponent : ICompileComponent
{
    Target Test => _ => _.DependsOn(Compile).Executes(() => Log.Information("component test"));
}

public sealed record CompileOptions(string Configuration);

public interface IUnrelatedTest : IBuild
{
    Target Test => _ => _.Executes(() => { });
}

/// <summary>Uses the components as they are.</summary>
public sealed class PlainBuild : IdpBuild, ITestComponent;

/// <summary>Overrides a target, keeping the component's definition, and a settings hook.</summary>
public sealed class OverridingBuild : IdpBuild, ITestComponent
{
    Target ITestComponent.Test => _ => _
        .Inherit<ITestComponent>()
        .Executes(() => Log.Information("contract tests"));

    Configure<CompileOptions> ICompileComponent.CompileSettings => _ => _ with { Configuration = "Release" };

    Target Smoke => _ => _
        .Inherit<ITestComponent>(x => x.Test)
        .Executes(() => Log.Information("smoke"));
}

/// <summary>Replaces a target entirely: no Inherit, so the component's dependencies are gone too.</summary>
public sealed class ReplacingBuild : IdpBuild, ITestComponent
{
    Target ITestComponent.Test => _ => _.Executes(() => Log.Information("replaced"));
}

/// <summary>Two unrelated components declare Test.</summary>
public sealed class ClashingBuild : IdpBuild, ITestComponent, IUnrelatedTest;

public class Components
{
    [Fact]
    public void Default_members_of_components_are_targets_of_the_build()
    {
        using var root = new TempDirectory();

        var result = InProcess.Run<PlainBuild>(root, ["Test"]);

        result.ExitCode.ShouldBe(0, result.All);
        result.Output.ShouldContain("component restore");
        result.Output.ShouldContain("component compile with Debug");
        result.Output.ShouldContain("component test");
    }

    [Fact]
    public void Inherit_keeps_the_component_definition_and_adds_to_it()
    {
        using var root = new TempDirectory();

        var result = InProcess.Run<OverridingBuild>(root, ["Test"]);

        result.ExitCode.ShouldBe(0, result.All);
        var output = result.Output;
        output.IndexOf("component compile", StringComparison.Ordinal).ShouldBeLessThan(output.IndexOf("component test", StringComparison.Ordinal));
        output.IndexOf("component test", StringComparison.Ordinal).ShouldBeLessThan(output.IndexOf("contract tests", StringComparison.Ordinal));
    }

    [Fact]
    public void A_settings_hook_override_changes_the_component_settings()
    {
        using var root = new TempDirectory();

        InProcess.Run<OverridingBuild>(root, ["Compile"]).Output.ShouldContain("component compile with Release");
    }

    [Fact]
    public void Inherit_of_another_target_replays_that_definition()
    {
        using var root = new TempDirectory();

        var result = InProcess.Run<OverridingBuild>(root, ["Smoke"]);

        result.ExitCode.ShouldBe(0, result.All);
        result.Output.ShouldContain("component compile");
        result.Output.ShouldContain("smoke");
    }

    [Fact]
    public void An_override_without_inherit_replaces_the_whole_definition()
    {
        using var root = new TempDirectory();

        var result = InProcess.Run<ReplacingBuild>(root, ["Test"]);

        result.Output.ShouldContain("replaced");
        result.Output.ShouldNotContain("component compile");
    }

    [Fact]
    public void Unrelated_components_declaring_the_same_target_is_an_error_that_says_how_to_fix_it()
    {
        using var root = new TempDirectory();

        var result = InProcess.Run<ClashingBuild>(root, ["Test"]);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("Target 'Test' is declared by");
        result.Error.ShouldContain("Implement it once in ClashingBuild");
    }

    [Fact]
    public void Help_lists_component_targets_with_descriptions_and_dependencies()
    {
        using var root = new TempDirectory();

        var help = InProcess.Run<PlainBuild>(root, ["--help"]).Output;

        help.ShouldContain("Compile");
        help.ShouldContain("Compiles (component)  ← Restore");
    }

    [Fact]
    public void StatusOf_reports_what_happened_to_a_target()
    {
        using var root = new TempDirectory();
        var build = new StatusBuild();

        var output = new StringWriter();
        Idp.Build.Execution.BuildRunner.Run(build,
            new Idp.Build.Execution.RunEnvironment(["Check"], new Dictionary<string, string>(), root.Path, root.Path, output, output, false), []);

        build.Seen.ShouldBe("Restore:Succeeded Check:Running Other:None");
    }

    public sealed class StatusBuild : IdpBuild
    {
        public string? Seen { get; private set; }
        Target Restore => _ => _.Executes(() => { });
        Target Other => _ => _.Executes(() => { });
        Target Check => _ => _.DependsOn(Restore).Executes(() => Seen = $"Restore:{StatusOf(Restore)} Check:{StatusOf(Check)} Other:{StatusOf(Other)}");
    }
}
