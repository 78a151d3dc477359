using Idp.Build.Tests.Support;

namespace Idp.Build.Tests.Bootstrapper;

/// <summary>
/// Without a .NET SDK the bootstrappers say what to install and stop with 127; they download nothing. The scripts
/// run with a PATH of only the tools they need before looking for dotnet, an empty HOME and no DOTNET_ROOT.
/// </summary>
[Collection(BootstrapperCollection.Name)]
public class MissingDotNet : IDisposable
{
    private static readonly string[] ShellTools = ["bash", "find", "sort", "cat", "tr", "xargs", "cksum", "sed", "head", "dirname", "mkdir", "rm"];

    private readonly ThrowawayRepository _repository;
    private readonly TempDirectory _tools = new();
    private readonly TempDirectory _home = new();

    public MissingDotNet()
    {
        _repository = new ThrowawayRepository(ThrowawayRepository.BashScript);
        foreach (var tool in ShellTools)
        {
            var path = ThrowawayRepository.FindOnPath(tool) ?? throw new InvalidOperationException($"'{tool}' is not on PATH; this test links it into a PATH without dotnet.");
            File.CreateSymbolicLink(_tools.Path / tool, path);
        }
    }

    private Dictionary<string, string?> WithoutDotNet => new()
    {
        ["PATH"] = _tools.Path,
        ["HOME"] = _home.Path,
        ["DOTNET_ROOT"] = null,
    };

    [Fact]
    public void Build_sh_names_the_sdk_to_install_and_exits_127()
    {
        var before = Files();

        var result = _repository.Run(WithoutDotNet, ["--help"], bash: _tools.Path / "bash");

        result.ExitCode.ShouldBe(127, result.All);
        ShouldSayWhatToInstall(result.Error);
        Files().ShouldBe(before, "nothing is downloaded or built");
    }

    [Fact]
    public void Build_ps1_names_the_sdk_to_install_and_exits_127()
    {
        var repository = new ThrowawayRepository(ThrowawayRepository.PowerShellScript);
        using var _ = repository;
        repository.RestoreTools();
        var before = Files(repository);
        // dotnet starts PowerShell; it finds the tool through the real dotnet home and package folder, while the
        // script sees neither dotnet on PATH nor a ~/.dotnet.
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var environment = new Dictionary<string, string?>(WithoutDotNet)
        {
            ["DOTNET_CLI_HOME"] = Environment.GetEnvironmentVariable("DOTNET_CLI_HOME") ?? home,
            ["NUGET_PACKAGES"] = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(home, ".nuget", "packages"),
        };

        var result = repository.Run(environment, ["--help"]);

        result.ExitCode.ShouldBe(127, result.All);
        ShouldSayWhatToInstall(result.Error);
        Files(repository).ShouldBe(before, "nothing is downloaded or built");
    }

    private static void ShouldSayWhatToInstall(string error)
    {
        error.ShouldContain("error: the .NET SDK was not found");
        error.ShouldContain(".NET SDK 10.0.100 or a later 10.0 feature band (global.json)");
        error.ShouldContain("apt-get install dotnet-sdk-10.0");
        error.ShouldContain("https://learn.microsoft.com/dotnet/core/install/");
        error.ShouldContain("Nothing is downloaded by this script.");
    }

    private string[] Files(ThrowawayRepository? repository = null) =>
        [.. Directory.EnumerateFileSystemEntries(repository?.Root ?? _repository.Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        _repository.Dispose();
        _tools.Dispose();
        _home.Dispose();
    }
}
