<#
.SYNOPSIS
    Runs the Pester suites in tests/Pester with the repository's own Pester, and writes a summary.

.DESCRIPTION
    The one way the suites are run: by `dotnet test` (PesterSuiteTests starts `dotnet pwsh` with this script), by
    `build.ps1 -Task Test`, and by hand. Pester comes from out/tools/Modules, where the test project's build lays out
    the Pester package it downloads from NuGet; that folder goes first on PSModulePath, so no installed Pester (or
    none at all) matters. The exit code is the number of failed tests (1 when no test ran); the summary file, when
    asked for, holds {"passed", "failed", "skipped", "total"} for whoever prints a closing line.

.EXAMPLE
    dotnet pwsh ./tests/Pester/Invoke-PesterSuites.ps1

.EXAMPLE
    dotnet pwsh ./tests/Pester/Invoke-PesterSuites.ps1 -Path ./tests/Pester/SimulatorHelper.Tests.ps1 -Verbosity Detailed
#>
[CmdletBinding()]
param(
    # Suites to run: files or folders.
    [string[]] $Path = @(Join-Path $PSScriptRoot '*.Tests.ps1'),

    # Where to write the JSON summary (optional).
    [string] $SummaryPath,

    # Where to write the NUnit XML results (optional).
    [string] $ResultPath,

    [ValidateSet('None', 'Normal', 'Detailed', 'Diagnostic')]
    [string] $Verbosity = 'Detailed'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$toolModules = Join-Path $root 'out/tools/Modules'
$pesterManifest = Get-ChildItem (Join-Path $toolModules 'Pester') -Filter Pester.psd1 -Recurse -ErrorAction SilentlyContinue |
    Sort-Object { [version]$_.Directory.Name } -Descending | Select-Object -First 1
if (-not $pesterManifest) {
    throw "Pester is not laid out in $toolModules. Run 'dotnet build' (the test project downloads it from NuGet) first."
}
$env:PSModulePath = $toolModules + [System.IO.Path]::PathSeparator + $env:PSModulePath
Import-Module $pesterManifest.FullName -Force

$config = New-PesterConfiguration
$config.Run.Path = $Path
$config.Run.Exit = $false
$config.Run.PassThru = $true
$config.Output.Verbosity = $Verbosity
if ($ResultPath) {
    $config.TestResult.Enabled = $true
    $config.TestResult.OutputFormat = 'NUnitXml'
    $config.TestResult.OutputPath = $ResultPath
}
$result = Invoke-Pester -Configuration $config

if ($SummaryPath) {
    $null = New-Item -ItemType Directory -Path (Split-Path $SummaryPath) -Force
    [ordered]@{
        passed  = $result.PassedCount
        failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
        skipped = $result.SkippedCount
        total   = $result.TotalCount
    } | ConvertTo-Json -Compress | Set-Content -Path $SummaryPath -Encoding utf8
}
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
if ($failed -gt 0) { exit $failed }
if ($result.PassedCount -eq 0) { Write-Error 'No Pester test ran.' -ErrorAction Continue; exit 1 }
exit 0
