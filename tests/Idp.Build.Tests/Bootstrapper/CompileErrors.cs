namespace Idp.Build.Tests.Bootstrapper;

/// <summary>A build project that does not compile stops the bootstrapper with the compiler's errors and a plain explanation.</summary>
[Collection(BootstrapperCollection.Name)]
public class CompileErrors(BuiltRepositories repositories)
{
    [Theory]
    [InlineData(ThrowawayRepository.BashScript)]
    [InlineData(ThrowawayRepository.PowerShellScript)]
    public void A_compile_error_in_build_is_shown_with_the_file_and_the_run_fails(string script)
    {
        var repository = repositories.For(script);
        var broken = repository.Write("build/Broken.cs", "namespace BootstrapperProbe;\n\nstatic class Broken\n{\n    static int Answer() => NotDeclaredAnywhere;\n}\n");
        try
        {
            var result = repository.Run("Echo");

            result.ExitCode.ShouldNotBe(0, result.All);
            result.Error.ShouldContain("Broken.cs");
            result.Error.ShouldContain("error CS0103");
            result.Error.ShouldContain("error: the build project did not compile; fix the errors above");
            result.Output.ShouldNotContain("arg: <Echo>", customMessage: "the old build must not run after a failed compile");
        }
        finally
        {
            File.Delete(broken);
        }
    }
}
