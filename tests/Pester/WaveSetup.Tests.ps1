# A wave's first half, exactly as the README shows it ("Set a wave up"): the README's own code blocks are run against
# the simulator, twice, and the second run must make nothing new.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../src/HuaweiMigration.Simulator/HuaweiMigration.Simulator.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../out/HuaweiMigration/HuaweiMigration.psd1') -Force
    $script:sim = Start-HuaweiSimulator -SmsTasks 0 -DcsTasks 0
    Set-SimTiming $sim @{ stopToAbort = 0.2; deleteToGone = 0.1 }
    $cred = [pscredential]::new('sim-user', (ConvertTo-SecureString 'Sim-Passw0rd!' -AsPlainText -Force))
    $null = Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $sim.Url -Credential $cred -DomainName sim-domain

    # The README's blocks marked <!-- wave-setup:N -->, as script blocks run in this scope.
    $readme = Get-Content -Raw (Join-Path $PSScriptRoot '../../README.md')
    $script:steps = @{}
    foreach ($m in [regex]::Matches($readme, '<!-- wave-setup:(\d) -->\s*```powershell\r?\n(.*?)```', 'Singleline')) {
        $script:steps[[int]$m.Groups[1].Value] = [scriptblock]::Create($m.Groups[2].Value)
    }

    function script:Writes([object[]] $Log, [string] $Method, [string] $Pattern) {
        @($Log | Where-Object { $_.method -eq $Method -and $_.path -match $Pattern })
    }
}

AfterAll {
    Disconnect-HuaweiCloud
    if ($script:sim) { Stop-HuaweiSimulator $script:sim }
}

Describe 'Set a wave up, as the README shows it' {
    It 'the README has the three steps' {
        $steps.Keys | Sort-Object | Should -Be 1, 2, 3
    }

    It 'step 1 makes the project (the default now) and the template' {
        . $steps[1]
        $script:project = $project; $script:template = $template   # as in one script: the later steps use them
        $project.Name | Should -Be 'wave-3'
        $project.IsDefault | Should -BeTrue
        $template.Name | Should -Be 'wave-3-web'
        (Get-SmsMigrationProject -Id $project.Id).IsDefault | Should -BeTrue
    }

    It 'step 2 gives each of 40 registered servers a started task' {
        # The agents start: 40 servers register into the default project (the wave's), two more elsewhere or offline.
        $other = New-SmsMigrationProject -Name 'not-this-wave' -Region ap-southeast-1
        1..40 | ForEach-Object { $null = Add-SimSmsSourceServer $sim -Name ('web-{0:00}' -f $_) -DataDiskGB 100 }
        $null = Add-SimSmsSourceServer $sim -Name 'elsewhere-01' -MigrationProjectId $other.Id
        $null = Add-SimSmsSourceServer $sim -Name 'legacy-db' -State error -MigrationProjectId $other.Id
        $null = Add-SimSmsSourceServer $sim -Name 'offline-01' -Disconnected
        Clear-SimRequest $sim

        . $steps[2]

        $tasks.Count | Should -Be 40
        $tasks | ForEach-Object { $_ | Should -BeOfType ([HuaweiMigration.Models.SmsTask]) }
        ($tasks.Name | Sort-Object) | Should -Be (1..40 | ForEach-Object { 'web-{0:00}' -f $_ })
        $tasks.State | Where-Object { $_ -notin 'RUNNING', 'MIGRATE_SUCCESS' } | Should -BeNullOrEmpty
        $log = Get-SimRequest $sim
        @(Writes $log 'POST' '^/v3/tasks$').Count | Should -Be 40
        @(Writes $log 'POST' '^/v3/tasks/[^/]+/action$').Count | Should -Be 40
        (Get-SmsSourceServer -Name 'elsewhere-01' | Get-SmsTask) | Should -BeNullOrEmpty
    }

    It 'step 3 renames one server, removes another with its task, reads the overview and the errors' {
        $removed = Get-SmsSourceServer -Name 'web-08'
        $removedTask = $removed | Get-SmsTask
        Clear-SimRequest $sim

        $out = . $steps[3] 6>&1 | Out-String

        Get-SmsSourceServer -Name 'web-07-legacy' | Should -Not -BeNullOrEmpty
        Get-SmsSourceServer -Name 'web-07' | Should -BeNullOrEmpty
        Get-SmsSourceServer -Name 'web-08' | Should -BeNullOrEmpty
        { Get-SmsTask -Id $removedTask.Id -ErrorAction Stop } | Should -Throw
        $log = Get-SimRequest $sim
        @(Writes $log 'DELETE' "^/v3/tasks/$($removedTask.Id)$").Count + @(Writes $log 'POST' '^/v3/tasks/delete$').Count | Should -Be 1
        @(Writes $log 'GET' '^/v3/sources/overview$').Count | Should -Be 1
        @(Writes $log 'GET' '^/v3/errors$').Count | Should -BeGreaterThan 0
        $out | Should -Match 'legacy-db' -Because 'the server in error is listed with its error'
        (Get-SmsOverview).Total | Should -Be @(Get-SmsSourceServer).Count
        (Get-SmsOverview).Total | Should -Be 42 -Because '40 wave servers and 3 others, less the removed one'
    }

    It 'run again, it makes nothing new and starts nothing twice' {
        Clear-SimRequest $sim
        . $steps[1]
        . $steps[2]
        $tasks.Count | Should -Be 39 -Because 'web-08 is gone; the other 39 keep their tasks'
        $log = Get-SimRequest $sim
        @(Writes $log 'POST' '^/v3/(tasks|migprojects|vm/templates)$').Count | Should -Be 0
        @(Writes $log 'POST' '^/v3/tasks/[^/]+/action$').Count | Should -Be 0
        @(Writes $log 'PUT' '^/v3/migprojects/').Count | Should -Be 0
    }
}
