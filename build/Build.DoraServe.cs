using Idp.Build;
using Idp.Build.Processes;
using Idp.Build.Tools;

namespace Idp.Build.Repository;

partial class Build
{
    // Idp.Dora reads its settings from IDP_DORA_* variables too (IDP_DORA_URLS, IDP_DORA_SQLITE, IDP_DORA_POSTGRES, …),
    // so this target needs no parameters of its own.
    Target DoraServe => _ => _
        .Description("Runs the DORA metrics endpoint (src/Idp.Dora) in the foreground on 127.0.0.1:5080 (settings: IDP_DORA_* variables); Ctrl+C stops it")
        .Executes(() => ProcessRunner.Run(DotNetTasks.DotNetPath,
            ["run", "--project", RootDirectory / "src" / "Idp.Dora" / "Idp.Dora.csproj", "--configuration", Configuration]));
}
