<#
.SYNOPSIS
    Builds, tests and demonstrates the HuaweiMigration module.

.DESCRIPTION
    Tasks:
      Build  - builds the solution; the importable module is assembled in out/HuaweiMigration.
      Test   - runs the xUnit tests (dotnet test), then the Pester suites in tests/Pester when Pester 5 is installed.
      Demo   - builds, starts the local simulator, imports the module, connects, lists tasks, stops the simulator.
      Clean  - removes build output (bin, obj, out).

.EXAMPLE
    ./build.ps1 -Task Demo

.EXAMPLE
    ./build.ps1 -Task Test -Configuration Release
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Clean')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug',

    # Port of the simulator started by the Demo task (loopback only).
    [ValidateRange(1024, 65535)]
    [int] $Port = 5080,

    # Test task: run only the Pester suites (CI has already run dotnet test).
    [switch] $SkipXunit
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$root = $PSScriptRoot
$moduleManifest = Join-Path $root 'out/HuaweiMigration/HuaweiMigration.psd1'

function Invoke-Dotnet {
    param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
    Invoke-Dotnet build (Join-Path $root 'HuaweiMigration.sln') -c $Configuration --nologo
    Write-Host "Module assembled in $(Split-Path $moduleManifest)"
}

function Invoke-Test {
    if (-not $SkipXunit) {
        Invoke-Dotnet test (Join-Path $root 'HuaweiMigration.sln') -c $Configuration --nologo
    }
    elseif (-not (Test-Path $moduleManifest)) {
        Invoke-Build
    }
    $pesterDir = Join-Path $root 'tests/Pester'
    $pester = Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version -ge [version]'5.0' } | Sort-Object Version -Descending | Select-Object -First 1
    if (-not (Test-Path $pesterDir) -or -not (Get-ChildItem $pesterDir -Filter *.Tests.ps1)) {
        Write-Host 'Pester: no suites in tests/Pester.'
    }
    elseif (-not $pester) {
        Write-Warning 'Pester suites skipped: Pester 5 is not installed (Install-Module Pester -MinimumVersion 5.0).'
    }
    else {
        Import-Module $pester -Force
        $config = New-PesterConfiguration
        $config.Run.Path = $pesterDir
        $config.Run.Exit = $false
        $config.Run.PassThru = $true
        $config.Output.Verbosity = 'Detailed'
        $result = Invoke-Pester -Configuration $config
        if ($result.FailedCount -gt 0) { throw "$($result.FailedCount) Pester test(s) failed." }
    }
}

function Invoke-Demo {
    Invoke-Build
    Import-Module (Join-Path $root 'tests/Pester/Simulator.psm1') -Force
    $sim = Start-HuaweiSimulator -Port $Port -Configuration $Configuration
    try {
        Write-Host "Simulator running at $($sim.Url)" -ForegroundColor Cyan
        Import-Module $moduleManifest -Force
        # The simulator's demo identity; against Huawei Cloud use your own (Get-Credential).
        $password = ConvertTo-SecureString 'Sim-Passw0rd!' -AsPlainText -Force
        $credential = [pscredential]::new('sim-user', $password)

        Write-Host "`n> Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $($sim.Url) -Credential `$credential -DomainName sim-domain" -ForegroundColor Yellow
        Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $sim.Url -Credential $credential -DomainName sim-domain | Format-Table | Out-Host

        Write-Host '> Get-SmsTask -First 10' -ForegroundColor Yellow
        Get-SmsTask -First 10 | Format-Table | Out-Host

        Write-Host '> Get-SmsTask -State RUNNING, SYNCING | Measure-Object' -ForegroundColor Yellow
        Get-SmsTask -State RUNNING, SYNCING | Measure-Object | Select-Object Count | Out-Host

        Write-Host '> Get-SmsTask -State RUNNING -First 1 | Get-SmsTask | Format-List   # details, with sub-tasks' -ForegroundColor Yellow
        Get-SmsTask -State RUNNING -First 1 | Get-SmsTask | Format-List Name, State, Progress, SourceServer, TargetServer, SubTasks | Out-Host

        Write-Host '> Get-SmsTask -State RUNNING -First 3 | Suspend-SmsTask -Wait -PollInterval 0.2' -ForegroundColor Yellow
        Get-SmsTask -State RUNNING -First 3 | Suspend-SmsTask -Wait -PollInterval 0.2 | Format-Table | Out-Host

        Write-Host '> Get-DcsMigrationTask' -ForegroundColor Yellow
        Get-DcsMigrationTask | Format-Table | Out-Host

        Disconnect-HuaweiCloud
    }
    finally {
        Stop-HuaweiSimulator $sim
        Write-Host 'Simulator stopped.' -ForegroundColor Cyan
    }
}

function Invoke-Clean {
    foreach ($dir in @('out') + (Get-ChildItem $root -Directory -Recurse -Include bin, obj | ForEach-Object FullName)) {
        $path = if ([System.IO.Path]::IsPathRooted($dir)) { $dir } else { Join-Path $root $dir }
        if (Test-Path $path) { Remove-Item $path -Recurse -Force }
    }
}

foreach ($t in $Task) {
    Write-Host "=== $t ===" -ForegroundColor Cyan
    switch ($t) {
        'Build' { Invoke-Build }
        'Test' { Invoke-Test }
        'Demo' { Invoke-Demo }
        'Clean' { Invoke-Clean }
    }
}
