namespace Idp.Build.Tests.Bootstrapper;

/// <summary>A change to what the build project is compiled from, or a missing build, makes the next run build again.</summary>
[Collection(BootstrapperCollection.Name)]
public class Rebuilding(BuiltRepositories repositories)
{
    [Theory]
    [InlineData(ThrowawayRepository.BashScript)]
    [InlineData(ThrowawayRepository.PowerShellScript)]
    public void Changing_a_source_file_in_build_rebuilds_and_runs_the_new_code(string script)
    {
        var repository = repositories.For(script);
        var message = "changed-" + Guid.NewGuid().ToString("N")[..8];
        repository.WriteMessage(message);

        var result = repository.Run("Echo");

        result.ExitCode.ShouldBe(0, result.All);
        result.Output.ShouldContain(ThrowawayRepository.BuildingMessage);
        result.Output.ShouldContain($"message: {message}");
    }

    [Theory]
    [InlineData(ThrowawayRepository.BashScript)]
    [InlineData(ThrowawayRepository.PowerShellScript)]
    public void Changing_a_source_file_of_the_engine_rebuilds(string script)
    {
        var repository = repositories.For(script);
        var engineFile = repository.Root / "src" / "Idp.Build" / "BuildException.cs";
        File.AppendAllText(engineFile, $"// changed by a bootstrapper test: {Guid.NewGuid():N}\n");
        var engineBuiltAt = File.GetLastWriteTimeUtc(repository.BuiltEngine);

        var result = repository.Run("Echo");

        result.ExitCode.ShouldBe(0, result.All);
        result.Output.ShouldContain(ThrowawayRepository.BuildingMessage);
        File.GetLastWriteTimeUtc(repository.BuiltEngine).ShouldBeGreaterThan(engineBuiltAt);
    }

    [Theory]
    [InlineData(ThrowawayRepository.BashScript)]
    [InlineData(ThrowawayRepository.PowerShellScript)]
    public void Changing_an_engine_file_rebuilds_when_the_build_project_references_it_by_absolute_path(string script)
    {
        var repository = repositories.For(script);
        var project = repository.Root / "build" / "_build.csproj";
        var relative = File.ReadAllText(project);
        File.WriteAllText(project, relative.Replace("\"../src/Idp.Build/", $"\"{repository.Root / "src" / "Idp.Build"}/", StringComparison.Ordinal));
        try
        {
            repository.Run("Echo").ExitCode.ShouldBe(0);
            File.AppendAllText(repository.Root / "src" / "Idp.Build" / "BuildException.cs", $"// changed by a bootstrapper test: {Guid.NewGuid():N}\n");

            var result = repository.Run("Echo");

            result.ExitCode.ShouldBe(0, result.All);
            result.Output.ShouldContain(ThrowawayRepository.BuildingMessage);
        }
        finally
        {
            File.WriteAllText(project, relative);
        }
    }

    [Theory]
    [InlineData(ThrowawayRepository.BashScript)]
    [InlineData(ThrowawayRepository.PowerShellScript)]
    public void Deleting_the_built_assembly_rebuilds_it(string script)
    {
        var repository = repositories.For(script);
        File.Delete(repository.BuiltAssembly);

        var result = repository.Run("Echo");

        result.ExitCode.ShouldBe(0, result.All);
        result.Output.ShouldContain(ThrowawayRepository.BuildingMessage);
        File.Exists(repository.BuiltAssembly).ShouldBeTrue();
    }

    [Theory]
    [InlineData(ThrowawayRepository.BashScript)]
    [InlineData(ThrowawayRepository.PowerShellScript)]
    public void Deleting_a_source_file_of_the_build_rebuilds(string script)
    {
        var repository = repositories.For(script);
        var extra = repository.Write("build/Extra.cs", "namespace BootstrapperProbe;\n\nstatic class Extra\n{\n}\n");
        repository.Run("Echo").ExitCode.ShouldBe(0);
        File.Delete(extra);

        var result = repository.Run("Echo");

        result.ExitCode.ShouldBe(0, result.All);
        result.Output.ShouldContain(ThrowawayRepository.BuildingMessage);
    }

    [Theory]
    [InlineData(ThrowawayRepository.BashScript)]
    [InlineData(ThrowawayRepository.PowerShellScript)]
    public void A_new_Directory_Build_targets_at_the_root_rebuilds(string script)
    {
        var repository = repositories.For(script);
        repository.Run("Echo").ExitCode.ShouldBe(0);
        var targets = repository.Write("Directory.Build.targets", "<Project>\n</Project>\n");
        try
        {
            var result = repository.Run("Echo");

            result.ExitCode.ShouldBe(0, result.All);
            result.Output.ShouldContain(ThrowawayRepository.BuildingMessage);
        }
        finally
        {
            File.Delete(targets);
        }
    }

    [Theory]
    [InlineData(ThrowawayRepository.BashScript)]
    [InlineData(ThrowawayRepository.PowerShellScript)]
    public void Saving_a_file_unchanged_does_not_rebuild(string script)
    {
        var repository = repositories.For(script);
        repository.Run("Echo").ExitCode.ShouldBe(0);
        var source = repository.Root / "build" / "Build.cs";
        File.SetLastWriteTimeUtc(source, DateTime.UtcNow.AddSeconds(1));

        var touched = repository.Run("Echo");
        var after = repository.Run("Echo");

        touched.ExitCode.ShouldBe(0, touched.All);
        touched.Output.ShouldNotContain(ThrowawayRepository.BuildingMessage);
        after.Output.ShouldNotContain(ThrowawayRepository.BuildingMessage);
    }
}
