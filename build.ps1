#!/usr/bin/env pwsh
# Runs this repository's build: ./build.ps1 [targets] [options]   (./build.ps1 --help lists them)
# Builds build/_build.csproj only when one of its inputs changed, then runs the built assembly directly.
# The build is compiled ahead of time (ReadyToRun) for this machine, so a build with many targets does not pay
# the JIT for them at every start; where that cannot be restored, a plain dotnet build is used instead.
# No param() block: PowerShell would bind arguments such as -v or -d to its common parameters (-Verbose, -Debug)
# instead of passing them on, so every argument is taken from $args as it was given.
$BuildArguments = @($args)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$BuildProject = Join-Path $PSScriptRoot 'build/_build.csproj'
$BuildOutput = Join-Path $PSScriptRoot 'build/bin'
$BuildAssembly = Join-Path $BuildOutput '_build.dll'
# The fingerprint of the sources the build in build/bin was compiled from: it travels with the build (a CI cache).
$BuiltFrom = Join-Path $BuildOutput '_build.sources.sha256'

$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

# What the build project is compiled from: build/, the files that configure every project, and the folders of the
# projects it references, followed from project to project (the same rule as build.sh).
function Get-BuildInputs {
    foreach ($name in 'build', 'Directory.Build.props', 'Directory.Build.targets', 'Directory.Packages.props', 'global.json', 'nuget.config', 'NuGet.Config') {
        $path = Join-Path $PSScriptRoot $name
        if (Test-Path $path) { $path }
    }
    $pending = [System.Collections.Generic.Queue[string]]::new()
    $pending.Enqueue($BuildProject)
    $seen = [System.Collections.Generic.HashSet[string]]::new()
    while ($pending.Count -gt 0) {
        $project = $pending.Dequeue()
        foreach ($reference in ([xml](Get-Content $project -Raw)).SelectNodes('//ProjectReference')) {
            $path = [System.IO.Path]::GetFullPath(($reference.Include -replace '\\', '/'), (Split-Path $project))
            if ((Test-Path $path) -and $seen.Add($path)) {
                Split-Path $path
                $pending.Enqueue($path)
            }
        }
    }
}

# The fingerprint of the contents of the build's inputs, and of the system they are compiled for. Paths count
# relative to this folder, so a checkout elsewhere (another CI runner) with the same sources has the same fingerprint.
function Get-Fingerprint {
    $files = foreach ($path in Get-BuildInputs) {
        if (Test-Path $path -PathType Leaf) { Get-Item $path }
        else {
            Get-ChildItem $path -Recurse -File -Include '*.cs', '*.csproj', '*.props', '*.targets', '*.json', '*.config' |
                Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' }
        }
    }
    $sha = [System.Security.Cryptography.SHA256]::Create()
    $text = [System.Text.StringBuilder]::new()
    [void]$text.AppendLine("$(Get-RuntimeIdentifier)")
    foreach ($file in $files | Sort-Object FullName) {
        $hash = [Convert]::ToHexString($sha.ComputeHash([System.IO.File]::ReadAllBytes($file.FullName)))
        [void]$text.AppendLine("$([System.IO.Path]::GetRelativePath($PSScriptRoot, $file.FullName)) $hash")
    }
    [Convert]::ToHexString($sha.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($text.ToString())))
}

# The runtime identifier of this machine for a ReadyToRun build, e.g. win-x64 or linux-arm64; $null when there is none.
function Get-RuntimeIdentifier {
    $os = if ($IsWindows) { 'win' }
    elseif ($IsMacOS) { 'osx' }
    elseif ($IsLinux) { if (Test-Path '/lib/ld-musl-*') { 'linux-musl' } else { 'linux' } }
    $arch = switch ([System.Runtime.InteropServices.RuntimeInformation]::OSArchitecture) {
        'X64' { 'x64' }
        'Arm64' { 'arm64' }
    }
    if ($os -and $arch) { "$os-$arch" } else { $null }
}

function Stop-CompileFailed($Output) {
    $Output | ForEach-Object { [Console]::Error.WriteLine($_) }
    [Console]::Error.WriteLine('error: the build project did not compile; fix the errors above (in build/ or the SDK sources) and run again.')
    exit 1
}

# Compiles build/_build.csproj into build/bin: ReadyToRun when it can, else a plain build. Exits on a compile error.
# Runs dotnet from this directory so that its global.json picks the SDK.
function Build-BuildProject($DotNet) {
    Push-Location $PSScriptRoot
    try {
        $rid = Get-RuntimeIdentifier
        if ($rid) {
            $output = & $DotNet publish $BuildProject -c Debug -r $rid --self-contained false -p:PublishReadyToRun=true `
                -o (Join-Path $PSScriptRoot 'build/bin') -nologo -clp:NoSummary --verbosity quiet 2>&1
            if ($LASTEXITCODE -eq 0) { return }
            # A compile error fails the plain build too: report it now rather than compile twice.
            if ($output -match ': error CS') { Stop-CompileFailed $output }
            $reason = $output | Select-String -Pattern 'error [A-Z]*[0-9]*: .*' | Select-Object -First 1 |
                ForEach-Object { $_.Matches[0].Value -replace ' \[[^\]]*\]$', '' }
            if (-not $reason) { $reason = 'dotnet publish failed' }
            [Console]::Error.WriteLine("warning: no ReadyToRun build for $rid ($reason); building without it, which starts slower.")
        }
        else {
            [Console]::Error.WriteLine("warning: no ReadyToRun build for $([System.Runtime.InteropServices.RuntimeInformation]::OSDescription) $([System.Runtime.InteropServices.RuntimeInformation]::OSArchitecture) (no known runtime identifier); building without it.")
        }
        $output = & $DotNet build $BuildProject -nologo -clp:NoSummary --verbosity quiet 2>&1
        if ($LASTEXITCODE -ne 0) { Stop-CompileFailed $output }
    }
    finally { Pop-Location }
}

function Find-DotNet {
    $candidates = @(
        (Get-Command dotnet -ErrorAction SilentlyContinue | Select-Object -First 1 -ExpandProperty Source),
        $(if ($env:DOTNET_ROOT) { Join-Path $env:DOTNET_ROOT 'dotnet' }),
        (Join-Path $HOME '.dotnet/dotnet')
    )
    foreach ($candidate in $candidates) {
        if ($candidate -and (Test-Path $candidate)) { return $candidate }
        if ($candidate -and (Test-Path "$candidate.exe")) { return "$candidate.exe" }
    }
    return $null
}

$dotnet = Find-DotNet
if (-not $dotnet) {
    $sdk = (Get-Content (Join-Path $PSScriptRoot 'global.json') -Raw | ConvertFrom-Json).sdk.version
    [Console]::Error.WriteLine(@"
error: the .NET SDK was not found (looked for 'dotnet' on PATH, in `$env:DOTNET_ROOT and in ~/.dotnet).
This build needs .NET SDK $sdk or a later 10.0 feature band (global.json). Install it, then run this again:
  Windows:        winget install Microsoft.DotNet.SDK.10
  Debian/Ubuntu:  apt-get install dotnet-sdk-10.0      (from the Microsoft package feed your organisation mirrors)
  other systems:  https://learn.microsoft.com/dotnet/core/install/
Nothing is downloaded by this script.
"@)
    exit 127
}

$current = Get-Fingerprint
$built = if (Test-Path $BuiltFrom) { (Get-Content $BuiltFrom -Raw).Trim() } else { '' }
if (-not (Test-Path $BuildAssembly) -or $built -ne $current) {
    Push-Location $PSScriptRoot
    try {
        $version = & $dotnet --version 2>&1
        if ($LASTEXITCODE -ne 0) {
            [Console]::Error.WriteLine("error: 'dotnet --version' failed in $PSScriptRoot, usually because no installed SDK matches global.json:`n$version")
            exit 127
        }
    }
    finally { Pop-Location }
    Write-Host "Building the build project (.NET SDK $version)..."
    # While the output is rewritten it matches no sources, for either bootstrapper.
    Remove-Item -Path (Join-Path $BuildOutput '_build.sources.*') -ErrorAction SilentlyContinue
    Build-BuildProject $dotnet
    Set-Content -Path $BuiltFrom -Value $current -NoNewline
}

# Started as a Process, not with the call operator: on Unix PowerShell expands * and ~ in the arguments of a native
# command, and the build must get every argument exactly as it was given.
$build = [System.Diagnostics.ProcessStartInfo]::new($dotnet)
$build.UseShellExecute = $false
$build.ArgumentList.Add($BuildAssembly)
foreach ($argument in $BuildArguments) { $build.ArgumentList.Add([string]$argument) }
$process = [System.Diagnostics.Process]::Start($build)
$process.WaitForExit()
exit $process.ExitCode
