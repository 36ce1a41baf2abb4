# The simulator helper's launch controls, as a runbook's own tests use them: a launch delay to watch a launch run,
# and launches set to fail, seen through the task's source server over the simulator's API.
BeforeAll {
    $script:root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    Import-Module (Join-Path $root 'src/HuaweiMigration.Simulator/HuaweiMigration.Simulator.psm1') -Force
    $script:sim = Start-HuaweiSimulator -SmsTasks 0 -DcsTasks 0
    $login = @{ auth = @{ identity = @{ methods = @('password'); password = @{ user = @{ name = 'sim-user'; password = 'Sim-Passw0rd!'; domain = @{ name = 'sim-domain' } } } } } } |
        ConvertTo-Json -Depth 8
    $answer = Invoke-WebRequest -Method Post -Uri "$($sim.Url)/v3/auth/tokens" -ContentType 'application/json' -Body $login
    $script:headers = @{ 'X-Auth-Token' = [string]$answer.Headers['X-Subject-Token'] }

    function Get-Source([string] $Id) { (Invoke-RestMethod "$($sim.Url)/v3/tasks/$Id" -Headers $headers).source_server }
    function Send-Action([string] $Id, [string] $Operation) {
        $null = Invoke-RestMethod -Method Post "$($sim.Url)/v3/tasks/$Id/action" -Headers $headers -ContentType 'application/json' -Body (@{ operation = $Operation } | ConvertTo-Json)
    }
}

AfterAll { Stop-HuaweiSimulator $sim }

Describe 'Set-SimTiming -LaunchDelay' {
    It 'holds a launch running for the delay set, and ends it at once with 0' {
        Set-SimTiming $sim -LaunchDelay 3600
        (Invoke-RestMethod "$($sim.Url)/_sim/timings").launchDelay | Should -Be '01:00:00'
        $id = Add-SimSmsTask $sim -State SYNCING
        Send-Action $id cutover
        (Get-Source $id).state | Should -Be 'cutovering'

        Set-SimTiming $sim @{ stopToAbort = 0.2 } -LaunchDelay 0
        (Invoke-RestMethod "$($sim.Url)/_sim/timings").stopToAbort | Should -Be '00:00:00.2000000'
        Send-Action $id cutover
        (Get-Source $id).state | Should -Be 'finished'
        (Get-Source $id).migration_cycle | Should -Be 'cutovered'
    }
}

Describe 'Set-SimSmsLaunchFailure and Add-SimSmsTask -FailLaunch' {
    BeforeAll { Set-SimTiming $sim -LaunchDelay 0 }

    It 'fails the launches named, every one with *, and none once cleared' {
        $id = Add-SimSmsTask $sim -State SYNCING -FailLaunch migration_test
        Send-Action $id migration_test
        (Get-Source $id).state | Should -Be 'premigfailed'

        Set-SimSmsLaunchFailure $sim -Id $id -Operation clear, test | Should -Be @('test', 'clear')
        Send-Action $id clear
        (Get-Source $id).state | Should -Be 'clearfailed'
        Send-Action $id migration_test
        (Get-Source $id).state | Should -Be 'premiged'

        Set-SimSmsLaunchFailure $sim -Id $id -Operation '*' | Should -Be '*'
        Send-Action $id cutover
        (Get-Source $id).state | Should -Be 'error'

        Set-SimSmsLaunchFailure $sim -Id $id -Operation @() | Should -BeNullOrEmpty
        Send-Action $id cutover
        (Get-Source $id).state | Should -Be 'finished'
    }

    It 'refuses an operation that is not a launch before sending anything' {
        $id = Add-SimSmsTask $sim -State SYNCING
        { Set-SimSmsLaunchFailure $sim -Id $id -Operation start -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,Set-SimSmsLaunchFailure'
        { Add-SimSmsTask $sim -FailLaunch explode -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,Add-SimSmsTask'
    }
}
