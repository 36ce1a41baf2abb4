# The package installed the way users install it: published to a PSResourceGet repository (a local folder),
# installed by name into a fresh pwsh with its own HOME, imported by name, and run against the packaged simulator.
BeforeAll {
    $script:root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:work = Join-Path ([System.IO.Path]::GetTempPath()) ('hm-install-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $work
    # The Debug build the test run already has, packaged as build.ps1 -Task Package packages it.
    $packaging = & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $root 'build.ps1') -Task Package -Configuration Debug -NoBuild 2>&1 | Out-String
    if ($LASTEXITCODE -ne 0) { throw "Packaging failed: $packaging" }
    $script:nupkg = Get-ChildItem (Join-Path $root 'out/package') -Filter 'HuaweiMigration.*.nupkg' | Select-Object -First 1
}

AfterAll {
    if ($script:work -and (Test-Path $script:work)) { Remove-Item $script:work -Recurse -Force -ErrorAction SilentlyContinue }
}

Describe 'Installing HuaweiMigration from a repository' {
    It 'installs by name, imports by name and talks to the packaged simulator' {
        $nupkg | Should -Not -BeNullOrEmpty
        $repo = Join-Path $work 'repo'
        $null = New-Item -ItemType Directory -Path $repo
        Copy-Item $nupkg.FullName $repo
        $userHome = Join-Path $work "home"
        $null = New-Item -ItemType Directory -Path $userHome
        $script = @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name HmLocal -Uri '$repo' -Trusted
Install-PSResource -Name HuaweiMigration -Repository HmLocal -Scope CurrentUser -TrustRepository -Quiet
Import-Module HuaweiMigration
`$module = Get-Module HuaweiMigration
'VERSION ' + `$module.Version
'BASE ' + `$module.ModuleBase
'RELEASENOTES ' + [bool]`$module.PrivateData.PSData.ReleaseNotes
Import-Module (Join-Path `$module.ModuleBase 'Simulator/HuaweiMigration.Simulator.psm1')
`$sim = Start-HuaweiSimulator -SmsTasks 3 -DcsTasks 0
try {
    `$cred = [pscredential]::new('sim-user', (ConvertTo-SecureString 'Sim-Passw0rd!' -AsPlainText -Force))
    `$null = Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint `$sim.Url -Credential `$cred -DomainName sim-domain
    'TASKS ' + @(Get-SmsTask).Count
    'HELP ' + [bool](Get-Help Get-SmsTask).Synopsis
    # The folder the engine was loaded from: its ReadyToRun images on the runtime they were made for.
    'ENGINE ' + (Split-Path -Leaf (Split-Path ([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'HuaweiMigration.Client' }).Location))
    # An API error caught by its type name (the exception lives in an assembly PowerShell loads normally), while the
    # engine stays in the module's own load context.
    try { Get-SmsTask -Id 00000000-0000-0000-0000-00000000beef -ErrorAction Stop } catch [HuaweiMigration.HuaweiCloudApiException] { 'CAUGHT ' + `$_.Exception.StatusCode + ' ' + `$_.CategoryInfo.Category }
    `$client = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'HuaweiMigration.Client' }
    'CLIENTINDEFAULT ' + (@(`$client | Where-Object { [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_) -eq [System.Runtime.Loader.AssemblyLoadContext]::Default }).Count -gt 0)
} finally { Stop-HuaweiSimulator `$sim }
"@
        # A fresh HOME for the child (its PSResourceGet settings and CurrentUser modules land there); the NuGet
        # packages folder stays where it is, so `dotnet pwsh` still finds the repository's own pwsh.
        $packages = ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
        $previous = @{ HOME = $env:HOME; NUGET_PACKAGES = $env:NUGET_PACKAGES; DOTNET_CLI_HOME = $env:DOTNET_CLI_HOME }
        try {
            $env:NUGET_PACKAGES = $packages
            # Where `dotnet tool restore` recorded the local tools.
            if (-not $env:DOTNET_CLI_HOME) { $env:DOTNET_CLI_HOME = $previous.HOME }
            $env:HOME = $userHome
            $output = & dotnet pwsh -NoProfile -NonInteractive -Command $script 2>&1 | Out-String
        }
        finally {
            $env:HOME = $previous.HOME
            $env:NUGET_PACKAGES = $previous.NUGET_PACKAGES
            $env:DOTNET_CLI_HOME = $previous.DOTNET_CLI_HOME
        }
        $LASTEXITCODE | Should -Be 0 -Because $output
        $output | Should -Match 'VERSION \d+\.\d+\.\d+'
        $output | Should -Match 'RELEASENOTES True'
        $output | Should -Match 'TASKS 3'
        $output | Should -Match 'HELP True'
        $output | Should -Match 'CAUGHT 404 ObjectNotFound'
        $output | Should -Match 'CLIENTINDEFAULT False'
        $precompiled = $IsLinux -and [System.Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture -eq 'X64' -and [Environment]::Version.Major -eq 10
        $output | Should -Match $(if ($precompiled) { 'ENGINE net10\.0-linux-x64' } else { 'ENGINE \d+\.\d+\.\d+' })
        # Installed for the user of the fresh HOME, not loaded from the repository's out folder.
        $base = ([regex]::Match($output, 'BASE (.+)')).Groups[1].Value.Trim()
        $base | Should -BeLike "$userHome*"
        $base | Should -Not -BeLike "$root*"
    }
}
