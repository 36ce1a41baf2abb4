# The simulator helper's set-up tools: which build Start-HuaweiSimulator runs, clearing armed faults, seeding a task's
# progress and source server.
BeforeAll {
    $script:root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:helperDir = Join-Path $root 'src/HuaweiMigration.Simulator'
    $script:helper = Join-Path $helperDir 'HuaweiMigration.Simulator.psm1'
    $script:manifest = Join-Path $root 'out/HuaweiMigration/HuaweiMigration.psd1'
    $script:built = Get-ChildItem (Join-Path $helperDir 'bin/*/net10.0/HuaweiMigration.Simulator.dll') |
        Sort-Object LastWriteTimeUtc -Descending | Select-Object -First 1
    Import-Module $helper -Force
    Import-Module $manifest -Force

    # The repository's own pwsh, as `dotnet pwsh` (the local tool) runs it: a child process of this test.
    function Invoke-ChildPwsh([string] $Command) {
        $output = & dotnet pwsh -NoProfile -NonInteractive -Command $Command 2>&1 | Out-String
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = $output }
    }

    # A copy of the helper in the repository's layout, with the simulator built in the configurations given.
    function New-HelperLayout([string[]] $Configuration) {
        $dir = Join-Path $TestDrive ([guid]::NewGuid().ToString('N').Substring(0, 8))
        $null = New-Item -ItemType Directory $dir
        Copy-Item $helper $dir
        foreach ($c in $Configuration) {
            $bin = Join-Path $dir "bin/$c/net10.0"
            $null = New-Item -ItemType Directory $bin
            Copy-Item (Join-Path $built.DirectoryName '*') $bin -Recurse
        }
        $dir
    }
}

Describe 'Start-HuaweiSimulator finds the build' {
    It 'runs a Release build when only Release was built' {
        $built | Should -Not -BeNullOrEmpty -Because 'dotnet build built the simulator'
        $layout = New-HelperLayout Release
        $child = Invoke-ChildPwsh @"
`$ErrorActionPreference = 'Stop'
Import-Module '$(Join-Path $layout 'HuaweiMigration.Simulator.psm1')'
`$sim = Start-HuaweiSimulator -SmsTasks 2 -DcsTasks 0
try { 'DLL=' + `$sim.DllPath; 'PID=' + (Invoke-RestMethod "`$(`$sim.Url)/_sim/info").pid + '/' + `$sim.ProcessId }
finally { Stop-HuaweiSimulator `$sim }
"@
        $child.ExitCode | Should -Be 0 -Because $child.Output
        $child.Output | Should -Match ([regex]::Escape('DLL=' + (Join-Path $layout 'bin/Release/net10.0/HuaweiMigration.Simulator.dll')))
        $child.Output | Should -Match 'PID=(\d+)/\1'
    }

    It 'runs the newest of Debug and Release, and the one -Configuration names' {
        $layout = New-HelperLayout Debug, Release
        $debug = Join-Path $layout 'bin/Debug/net10.0/HuaweiMigration.Simulator.dll'
        $release = Join-Path $layout 'bin/Release/net10.0/HuaweiMigration.Simulator.dll'
        $module = Import-Module (Join-Path $layout 'HuaweiMigration.Simulator.psm1') -PassThru -Force -Prefix Layout
        try {
            (Get-Item $debug).LastWriteTimeUtc = [DateTime]::UtcNow.AddHours(-2)
            (Get-Item $release).LastWriteTimeUtc = [DateTime]::UtcNow.AddHours(-1)
            & $module { Resolve-SimulatorDll } | Should -Be $release
            (Get-Item $debug).LastWriteTimeUtc = [DateTime]::UtcNow
            & $module { Resolve-SimulatorDll } | Should -Be $debug
            & $module { Resolve-SimulatorDll -Configuration Release } | Should -Be $release
            # The packaged one, beside the helper, counts too when it is the newest.
            Copy-Item $release $layout
            (Get-Item (Join-Path $layout 'HuaweiMigration.Simulator.dll')).LastWriteTimeUtc = [DateTime]::UtcNow.AddMinutes(1)
            & $module { Resolve-SimulatorDll } | Should -Be (Join-Path $layout 'HuaweiMigration.Simulator.dll')
        }
        finally { Remove-Module $module -Force }
    }

    It 'says where it looked when no build exists' {
        $layout = New-HelperLayout @()
        $module = Import-Module (Join-Path $layout 'HuaweiMigration.Simulator.psm1') -PassThru -Force -Prefix Empty
        try {
            { Start-EmptyHuaweiSimulator -ErrorAction Stop } |
                Should -Throw -ErrorId 'SimulatorNotBuilt,Start-EmptyHuaweiSimulator' -ExpectedMessage '*bin/Debug/net10.0*bin/Release/net10.0*'
        }
        finally { Remove-Module $module -Force }
    }
}

Describe 'Seeding and faults' {
    BeforeAll {
        $script:sim = Start-HuaweiSimulator -SmsTasks 0 -DcsTasks 0
        $cred = [pscredential]::new('sim-user', (ConvertTo-SecureString 'Sim-Passw0rd!' -AsPlainText -Force))
        $null = Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $sim.Url -Credential $cred -DomainName sim-domain
    }
    AfterAll { Stop-HuaweiSimulator $sim }

    It 'Clear-SimFault removes the faults Add-SimFault armed' {
        $id = Add-SimSmsTask $sim -Name 'faulty'
        Add-SimFault $sim @{ kind = 'Error'; statusCode = 403; errorCode = 'SMS.9004'; pathPattern = '^/v3/tasks'; count = -1 }
        { Get-SmsTask -Id $id -ErrorAction Stop } | Should -Throw '*SMS.9004*'
        Clear-SimFault $sim
        (Get-SmsTask -Id $id -ErrorAction Stop).Name | Should -Be 'faulty'
    }

    It 'Add-SimSmsTask sets the progress' {
        $done = Add-SimSmsTask $sim -Name 'done-copying' -State RUNNING -Progress 100
        $fresh = Add-SimSmsTask $sim -Name 'just-started' -State RUNNING -Progress 0
        (Get-SmsTask -Id $done).Progress | Should -Be 100
        (Get-SmsTask -Id $fresh).Progress | Should -Be 0
        { Add-SimSmsTask $sim -Progress 101 } | Should -Throw
    }

    It 'Add-SimSmsTask sets the source server, or makes a server added on its own the source' {
        $id = Add-SimSmsTask $sim -Name 'web-01' -SourceServerName 'web-01-src' -SourceIp '10.1.2.3' -SourceServerId 'src-web-01'
        $task = Get-SmsTask -Id $id
        $task.SourceServer.Name | Should -Be 'web-01-src'
        $task.SourceServer.Ip | Should -Be '10.1.2.3'
        $task.SourceServer.Id | Should -Be 'src-web-01'

        $idle = (Invoke-RestMethod -Method Post "$($sim.Url)/_sim/sms/sources" -ContentType 'application/json' -Body '{"name": "db-07"}').ids[0]
        $adopting = Add-SimSmsTask $sim -Name 'db-07-task' -SourceServerId $idle
        (Get-SmsTask -Id $adopting).SourceServer.Name | Should -Be 'db-07'
        @(Get-SmsSourceServer -Name 'db-07').Count | Should -Be 1 -Because 'the server is listed once, as the task''s source'
        (Get-SmsSourceServer -Name 'db-07' | Get-SmsTask).Id | Should -Be $adopting
        $refused = $null
        try { Add-SimSmsTask $sim -SourceServerId $idle } catch { $refused = $_ }
        $refused.ErrorDetails.Message | Should -Match 'already the source of another task'
    }

    It 'Add-SimSmsSourceServer registers servers with data disks, an OS, a project, or without a target layout' {
        $id = Add-SimSmsSourceServer $sim -Name 'db-08' -OsType WINDOWS -DataDiskGB 100, 200
        $server = Get-SmsSourceServer -Id $id
        $server.OsType | Should -Be 'WINDOWS'
        @($server.Disks).Count | Should -Be 3
        @($server.InitTargetServer.Disks.Name) | Should -Be @($server.Disks.Name)
        @((Get-SmsSourceServer -Id (Add-SimSmsSourceServer $sim -NoInitTarget)).InitTargetServer.Disks).Count | Should -Be 0
        $offline = @(Add-SimSmsSourceServer $sim -Count 3 -Disconnected)
        $offline.Count | Should -Be 3
        (Get-SmsSourceServer -Id $offline[0]).State | Should -Be 'unavailable'
        { Add-SimSmsSourceServer $sim -MigrationProjectId 'no-such-project' } | Should -Throw
    }
}
