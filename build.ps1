<#
.SYNOPSIS
    Builds, tests and demonstrates the HuaweiMigration module.

.DESCRIPTION
    Tasks (./build.ps1 -Task Help lists them):
      Build    - Builds the solution; the importable module is assembled in out/HuaweiMigration.
      Test     - Runs dotnet test: the xUnit tests and the Pester suites (tests/Pester) in the repository's own pwsh.
      Package  - Builds in Release and writes out/package/HuaweiMigration/<version> (ready for Publish-Module) and a .nupkg.
      Demo     - Builds, starts the simulator, imports the module, connects, lists and pauses tasks, stops the simulator.
      ReportImage - Builds, seeds a small wave in the simulator, exports its HTML report and screenshots it with headless
                 Chromium into docs/images/wave-report.png (the README's picture).
      Clean    - Removes build output (bin, obj, out).

.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 -Task Demo
    On a machine with only the .NET SDK: the repository's own PowerShell 7.6.9 (.config/dotnet-tools.json) runs the demo.

.EXAMPLE
    ./build.ps1 -Task Test -Configuration Release

.EXAMPLE
    ./build.ps1 -Task Package
    Publish-Module -Path ./out/package/HuaweiMigration/0.1.0 -Repository MyGallery
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Demo', 'ReportImage', 'Clean', 'Help')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug',

    # Port of the simulator started by the Demo task (loopback only); 0, the default, takes a free port.
    [ValidateRange(0, 65535)]
    [int] $Port = 0,

    # Test task: run only the Pester suites (tests/Pester/Invoke-PesterSuites.ps1), not the whole dotnet test.
    [switch] $PesterOnly,

    # Demo, Test and Package: use the module and simulator as last built (a test runs the demo under a running dotnet test).
    [switch] $NoBuild
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$root = $PSScriptRoot
# Package builds Release unless a configuration is named (a test packages the Debug build it already has, -NoBuild).
$packageConfiguration = if ($PSBoundParameters.ContainsKey('Configuration')) { $Configuration } else { 'Release' }
$synopsis = [ordered]@{
    Build   = 'Builds the solution; the importable module is assembled in out/HuaweiMigration.'
    Test    = 'Runs dotnet test: the xUnit tests and the Pester suites (tests/Pester) in the repository''s own pwsh.'
    Package = 'Builds (Release unless -Configuration) and writes out/package/HuaweiMigration/<version> (ready for Publish-Module) and a .nupkg.'
    Demo    = 'Builds, starts the simulator, imports the module, connects, lists and pauses tasks, stops the simulator.'
    ReportImage = 'Builds, seeds a small wave in the simulator, exports its HTML report and screenshots it into docs/images/wave-report.png.'
    Clean   = 'Removes build output (bin, obj, out).'
    Help    = 'Lists these tasks.'
}
$moduleManifest = Join-Path $root 'out/HuaweiMigration/HuaweiMigration.psd1'

function Invoke-Dotnet {
    # A plain function: its arguments go to dotnet untouched (an advanced one would take -o for -OutVariable).
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
    Invoke-Dotnet build (Join-Path $root 'HuaweiMigration.sln') -c $Configuration --nologo
    Write-Host "Module assembled in $(Split-Path $moduleManifest)"
}

function Invoke-Test {
    if (-not $PesterOnly) {
        # The README's test command: the xUnit tests, and the Pester suites run by one of them in `dotnet pwsh`.
        Invoke-Dotnet test (Join-Path $root 'HuaweiMigration.sln') -c $Configuration --nologo
        return
    }
    if (-not $NoBuild) { Invoke-Build }
    & (Join-Path $root 'tests/Pester/Invoke-PesterSuites.ps1')
    if ($LASTEXITCODE -ne 0) { throw "Pester suites failed (exit code $LASTEXITCODE)." }
}

function Invoke-Demo {
    if (-not $NoBuild) { Invoke-Build }
    Import-Module (Join-Path $root 'src/HuaweiMigration.Simulator/HuaweiMigration.Simulator.psm1') -Force
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

function Invoke-ReportImage {
    if (-not $NoBuild) { Invoke-Build }
    Import-Module (Join-Path $root 'src/HuaweiMigration.Simulator/HuaweiMigration.Simulator.psm1') -Force
    Import-Module (Join-Path $root 'tools/HeadlessChromium.psm1') -Force
    $chromium = Install-HeadlessChromium
    if (-not $chromium) { throw 'ReportImage needs chromium (Debian: apt-get install chromium).' }
    $sim = Start-HuaweiSimulator -SmsTasks 0 -DcsTasks 0 -Port $Port -Configuration $Configuration
    try {
        Import-Module $moduleManifest -Force
        $credential = [pscredential]::new('sim-user', (ConvertTo-SecureString 'Sim-Passw0rd!' -AsPlainText -Force))
        $null = Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $sim.Url -Credential $credential -DomainName sim-domain

        # A small wave: servers in several states (one failed with its error), a Redis in full migration and one done.
        $failed = Add-SimSmsTask $sim -Name 'wave1-file-01' -State MIGRATE_FAIL -SourceServerName 'file-01' -SourceIp '10.20.0.31'
        $null = Add-SimSmsTask $sim -Name 'wave1-erp-app-01' -State RUNNING -Progress 35 -SourceServerName 'erp-app-01' -SourceIp '10.20.0.11'
        $null = Add-SimSmsTask $sim -Name 'wave1-erp-db-01' -State RUNNING -Progress 65 -SourceServerName 'erp-db-01' -SourceIp '10.20.0.12'
        $null = Add-SimSmsTask $sim -Name 'wave1-web-01' -State MIGRATE_SUCCESS -SourceServerName 'web-01' -SourceIp '10.20.0.21'
        $null = Add-SimSmsTask $sim -Name 'wave1-web-02' -State MIGRATE_SUCCESS -SourceServerName 'web-02' -SourceIp '10.20.0.22'
        $null = Add-SimSmsTask $sim -Name 'wave1-mail-01' -State READY -SourceServerName 'mail-01' -SourceIp '10.20.0.41'
        $null = Add-SimDcsTask $sim -Name 'wave1-redis-sessions' -Status FULLMIGRATING
        $null = Add-SimDcsTask $sim -Name 'wave1-redis-cache' -Status SUCCESS
        Start-Sleep -Seconds 6   # the Redis full migration moves on for a few seconds, as a live one would have
        $result = [HuaweiMigration.Models.MigrationPlanResult]@{
            Row = 1; Name = 'wave1-file-01'; Kind = 'Server'; Stage = 'Replicate'; Outcome = 'Failed'; TaskId = $failed; State = 'MIGRATE_FAIL'
            Message = 'Replication failed (SMS.6509); fix the source server, then run the stage again.'
        }

        $html = Join-Path $root 'out/wave-report.html'
        $png = Join-Path $root 'docs/images/wave-report.png'
        $null = New-Item -ItemType Directory -Path (Split-Path $png) -Force
        @(Get-SmsTask -Name 'wave1-*') + @(Get-DcsMigrationTask -Name 'wave1-*') + $result |
            Export-HuaweiMigrationReport -Path $html -Title 'Wave 1 - migration report' -Force
        $null = Invoke-HeadlessChromium -Chromium $chromium.Source -Path $html -ScreenshotPath $png -WindowSize '1280,900'
        if (-not (Test-Path $png)) { throw "Chromium wrote no screenshot to $png." }
        Write-Host "Report: $html"
        Write-Host "Image:  $png"
        Disconnect-HuaweiCloud
    }
    finally {
        Stop-HuaweiSimulator $sim
    }
}

function Invoke-Package {
    if (-not $NoBuild) { Invoke-Dotnet build (Join-Path $root 'HuaweiMigration.sln') -c $packageConfiguration --nologo }
    $manifest = Import-PowerShellDataFile (Join-Path $root 'HuaweiMigration.psd1')
    $version = $manifest.ModuleVersion
    $packageRoot = Join-Path $root 'out/package'
    $moduleDir = Join-Path $packageRoot "HuaweiMigration/$version"
    if (Test-Path $packageRoot) { Remove-Item $packageRoot -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $moduleDir -Force
    Copy-Item -Path (Join-Path $root 'out/HuaweiMigration/*') -Destination $moduleDir -Recurse

    # The simulator ships with the module, so users can point their own Pester tests at it.
    $simulatorDir = Join-Path $moduleDir 'Simulator'
    Invoke-Dotnet publish (Join-Path $root 'src/HuaweiMigration.Simulator') --configuration $packageConfiguration --nologo --no-build --output $simulatorDir
    Copy-Item (Join-Path $root 'src/HuaweiMigration.Simulator/HuaweiMigration.Simulator.psm1') $simulatorDir
    Get-ChildItem $simulatorDir -Filter *.pdb | Remove-Item

    $info = Test-ModuleManifest -Path (Join-Path $moduleDir 'HuaweiMigration.psd1') -ErrorAction Stop
    if ($info.Version -ne [version]$version) { throw "The packaged manifest says $($info.Version), expected $version." }
    if (-not (Test-Path (Join-Path $moduleDir 'en-US/HuaweiMigration.dll-Help.xml'))) { throw 'The package has no help file.' }

    # A .nupkg laid out as Publish-Module lays it out (module files at the package root), built by dotnet pack.
    $psData = $manifest.PrivateData.PSData
    $nuspec = Join-Path $packageRoot 'HuaweiMigration.nuspec'
    $escape = { param($text) [System.Security.SecurityElement]::Escape([string]$text) }
    @"
<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://schemas.microsoft.com/packaging/2011/08/nuspec.xsd">
  <metadata>
    <id>HuaweiMigration</id>
    <version>$version</version>
    <authors>$(& $escape $manifest.Author)</authors>
    <owners>$(& $escape $manifest.CompanyName)</owners>
    <description>$(& $escape $manifest.Description)</description>
    <releaseNotes>$(& $escape $psData.ReleaseNotes)</releaseNotes>
    <copyright>$(& $escape $manifest.Copyright)</copyright>
    <tags>$(($psData.Tags + 'PSModule' + ($manifest.CmdletsToExport | ForEach-Object { "PSCmdlet_$_" })) -join ' ')</tags>
  </metadata>
  <files>
    <file src="**" target="" />
  </files>
</package>
"@ | Set-Content -Path $nuspec -Encoding utf8
    Invoke-Dotnet pack (Join-Path $root 'src/HuaweiMigration/HuaweiMigration.csproj') --configuration $packageConfiguration --nologo --no-build `
        "-p:NuspecFile=$nuspec" "-p:NuspecBasePath=$moduleDir" "-p:NoDefaultExcludes=true" "-p:NoWarn=NU5100" --output $packageRoot
    Remove-Item $nuspec
    $nupkg = Join-Path $packageRoot "HuaweiMigration.$version.nupkg"
    if (-not (Test-Path $nupkg)) { throw "dotnet pack did not write $nupkg." }
    Write-Host "Module folder: $moduleDir"
    Write-Host "Package:       $nupkg"
}

function Invoke-Clean {
    foreach ($dir in @('out') + (Get-ChildItem $root -Directory -Recurse -Include bin, obj | ForEach-Object FullName)) {
        $path = if ([System.IO.Path]::IsPathRooted($dir)) { $dir } else { Join-Path $root $dir }
        if (Test-Path $path) { Remove-Item $path -Recurse -Force }
    }
}

foreach ($t in $Task) {
    Write-Host "=== $t - $($synopsis[$t]) ===" -ForegroundColor Cyan
    switch ($t) {
        'Build' { Invoke-Build }
        'Test' { Invoke-Test }
        'Package' { Invoke-Package }
        'Demo' { Invoke-Demo }
        'ReportImage' { Invoke-ReportImage }
        'Clean' { Invoke-Clean }
        'Help' { $synopsis.GetEnumerator() | ForEach-Object { '{0,-11} {1}' -f $_.Key, $_.Value } }
    }
}
