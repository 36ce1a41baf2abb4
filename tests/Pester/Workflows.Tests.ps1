# The user workflows, end to end against the simulator: connect, list, suspend and wait, remove -Force, DCS stop, -WhatIf.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../src/HuaweiMigration.Simulator/HuaweiMigration.Simulator.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../out/HuaweiMigration/HuaweiMigration.psd1') -Force
    $script:sim = Start-HuaweiSimulator -SmsTasks 30 -DcsTasks 0
    Set-SimTiming $sim @{ stopToAbort = 0.2; deleteToGone = 0.1; dcsStopToTerminated = 0.2 }
    $script:cred = [pscredential]::new('sim-user', (ConvertTo-SecureString 'Sim-Passw0rd!' -AsPlainText -Force))
    $script:context = Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $sim.Url -Credential $cred -DomainName sim-domain
}

AfterAll {
    Disconnect-HuaweiCloud
    if ($script:sim) { Stop-HuaweiSimulator $script:sim }
}

Describe 'Connect-HuaweiCloud' {
    It 'returns a context with the project resolved and no secret' {
        $context.Region | Should -Be 'ap-southeast-1'
        $context.ProjectId | Should -Match '^[0-9a-f]{32}$'
        $context.AuthType | Should -Be 'Password'
        ($context | Format-List * | Out-String) | Should -Not -Match 'Sim-Passw0rd!'
        Get-HuaweiCloudContext | Should -Be $context
    }
}

Describe 'Get-SmsTask' {
    It 'lists every task as a typed object' {
        $tasks = Get-SmsTask
        $tasks.Count | Should -Be 30
        $tasks[0] | Should -BeOfType ([HuaweiMigration.Models.SmsTask])
    }

    It 'filters by state and by wildcard name' {
        Get-SmsTask -State RUNNING, SYNCING | ForEach-Object { $_.State | Should -BeIn 'RUNNING', 'SYNCING' }
        (Get-SmsTask -Name 'mig-task-001*').Name | Should -Be (10..19 | ForEach-Object { 'mig-task-{0:0000}' -f $_ }) -Because 'wildcards are matched by the module'
    }

    It 'reports an unknown id as ObjectNotFound and goes on' {
        $id = (Get-SmsTask -First 1).Id
        $found = @('no-such-task', $id) | Get-SmsTask -ErrorVariable err -ErrorAction SilentlyContinue
        $found.Id | Should -Be $id
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be 'no-such-task'
    }
}

Describe 'Suspend-SmsTask -Wait' {
    It 'pauses running tasks and returns them in ABORT' {
        $ids = 1..3 | ForEach-Object { Add-SimSmsTask $sim -Name "pause-$_" -State RUNNING }
        $result = $ids | Suspend-SmsTask -Wait -PollInterval 0.1
        $result.Count | Should -Be 3
        $result.State | Should -Be @('ABORT', 'ABORT', 'ABORT')
    }
}

Describe 'Remove-SmsTask' {
    It 'refuses a running task without -Force' {
        $id = Add-SimSmsTask $sim -Name 'keep-running' -State RUNNING
        { Remove-SmsTask -Id $id -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'SmsTaskNotRemovable*'
    }

    It 'pauses, then deletes a running task with -Force' {
        $id = Add-SimSmsTask $sim -Name 'remove-me' -State RUNNING
        Clear-SimRequest $sim
        Remove-SmsTask -Id $id -Force -Wait -PollInterval 0.1
        $log = Get-SimRequest $sim
        $stop = $log | Where-Object { $_.method -eq 'POST' -and $_.path -eq "/v3/tasks/$id/action" }
        $delete = $log | Where-Object { $_.method -eq 'DELETE' -and $_.path -eq "/v3/tasks/$id" }
        $stop.body | Should -Be '{"operation":"stop"}'
        $delete.sequence | Should -BeGreaterThan $stop.sequence
        { Get-SmsTask -Id $id -ErrorAction Stop } | Should -Throw
    }
}

Describe '-WhatIf' {
    It 'sends no action and no delete' {
        $id = Add-SimSmsTask $sim -Name 'what-if' -State RUNNING
        Clear-SimRequest $sim
        Get-SmsTask -Id $id | Suspend-SmsTask -WhatIf
        Get-SmsTask -Id $id | Remove-SmsTask -Force -WhatIf
        $log = Get-SimRequest $sim
        $log | Should -Not -BeNullOrEmpty -Because 'the reads by id were recorded'
        $log.method | Should -Not -Contain 'POST'
        @($log | Where-Object method -ne 'GET').Count | Should -Be 0 -Because 'only the reads were sent'
        $log | Where-Object method -in 'POST', 'DELETE' | Should -BeNullOrEmpty
    }
}

Describe 'Stop-DcsMigrationTask' {
    It 'stops piped tasks and waits until they are TERMINATED' {
        1..3 | ForEach-Object { $null = Add-SimDcsTask $sim -Name "redis-$_" }
        $result = Get-DcsMigrationTask -Name 'redis-*' | Stop-DcsMigrationTask -Wait -PollInterval 0.1
        $result.Count | Should -Be 3
        $result.Status | Should -Be @('TERMINATED', 'TERMINATED', 'TERMINATED')
        ($result | Format-Table | Out-String) | Should -Not -Match 'redis-SECRET'
    }
}
