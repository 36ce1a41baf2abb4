# A wave of 40 servers and 5 Redis caches run through every stage (Create, Replicate, Test, Cutover, Cleanup) at a real
# prompt: stopped with Ctrl+C in tmux while Replicate waits, then run again to the end. Some rows are seeded to fail in
# ways no check can see (a test launch that fails, an action the service refuses, a cutover launch that fails, a Redis
# migration that fails); the request log proves that nothing was made or sent twice over the two runs.
BeforeAll {
    $script:tmux = $null
    $script:run1Sequence = $null
    $script:run1Count = 0
    $script:promptStarted = $false
    $script:root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:helper = Join-Path $root 'src/HuaweiMigration.Simulator/HuaweiMigration.Simulator.psm1'
    $script:manifest = Join-Path $root 'out/HuaweiMigration/HuaweiMigration.psd1'
    Import-Module $helper -Force
    Import-Module $manifest -Force

    # Waits for an event; on a time-out, or as soon as the prompt shows an error, fails with what the prompt shows.
    function script:Wait-Until([scriptblock] $Condition, [double] $TimeoutSec = 30, [string] $Because) {
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
        while (-not (& $Condition)) {
            $screen = if ($script:promptStarted) { Pane } else { '' }
            if ($screen -match 'is not recognized as a name|ParserError|ParameterBindingException|Cannot bind parameter') { throw "The prompt shows an error while waiting until $($Because):`n$screen" }
            if ([DateTime]::UtcNow -gt $deadline) { throw "Timed out after $TimeoutSec s waiting until $($Because):`n$screen" }
            Start-Sleep -Milliseconds 100
        }
    }

    # The simulator runs in this process's care (its own process group): Ctrl+C at the prompt in tmux cannot reach it.
    # Replication takes 6 s from RUNNING, so Replicate is still waiting when Ctrl+C comes (about 1 s in); launches take 0.3 s.
    $script:sim = Start-HuaweiSimulator -SmsTasks 0 -DcsTasks 0
    Set-SimTiming $sim @{ startDelay = 0.1; runningToFinish = 6; launchDelay = 0.3; deleteToGone = 0.1; stopToAbort = 0.2
        dcsCreating = 0.3; dcsMigrationStep = 0.4; dcsExchangeDelay = 0.3; dcsStopToTerminated = 0.2 }
    # This process reads with the access key; the prompt signs in with a password: the log tells their requests apart.
    $ak = ConvertTo-SecureString 'SimSecretKey0000000000000000000000000001' -AsPlainText -Force
    $null = Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $sim.Url -AccessKey 'SIMAKEXAMPLE00000001' -SecretKey $ak

    # The wave: 40 registered servers with a template for their targets, with continuous sync (so that the target is
    # tested and cut over after the full replication), and 5 self-built Redis into DCS instances.
    $script:serverNames = 1..40 | ForEach-Object { 'web-{0:00}' -f $_ }
    $script:redisNames = 1..5 | ForEach-Object { 'cache-{0:00}' -f $_ }
    foreach ($name in $serverNames) { $null = Add-SimSmsSourceServer $sim -Name $name -OsType LINUX -DataDiskGB 100 }
    $null = Add-SimSmsTemplate $sim -Name 'wave-web'
    $script:plantedPassword = 'Redis-' + [guid]::NewGuid().ToString('N')
    $script:planPath = Join-Path $TestDrive 'wave.csv'
    $rows = @(foreach ($name in $serverNames) {
            [pscustomobject]@{ Kind = 'Server'; Name = $name; SourceServer = $name; Template = 'wave-web'; Syncing = 'True'; SourceAddress = ''; TargetInstanceId = ''
                Method = ''; VpcId = ''; SubnetId = ''; SecurityGroupId = '' }
        }
        for ($i = 1; $i -le 5; $i++) {
            [pscustomobject]@{ Kind = 'Redis'; Name = $redisNames[$i - 1]; SourceServer = ''; Template = ''; Syncing = ''; SourceAddress = "10.0.3.$($i):6379"
                TargetInstanceId = [guid]::NewGuid().ToString(); Method = 'Incremental'; VpcId = [guid]::NewGuid().ToString()
                SubnetId = [guid]::NewGuid().ToString(); SecurityGroupId = [guid]::NewGuid().ToString() }
        })
    $rows | Export-Csv -Path $planPath -NoTypeInformation

    # The rows seeded to fail: launches and an action refused by name of their task, once the tasks exist; the Redis
    # migration by name before it is made. The check sees none of it.
    $script:failTest = 'web-05'      # its test launch ends in error
    $script:failAction = 'web-13'    # the service refuses its next action (the test)
    $script:failCutover = 'web-21'   # its cutover launch ends in error
    $script:failRedis = 'cache-05'   # its migration fails at its first step
    $null = Set-SimDcsFailure $sim -Name $failRedis -Message 'The migration machine could not reach the source Redis.'

    $script:resultPath = Join-Path $TestDrive 'results.csv'
    $script:run2Path = Join-Path $TestDrive 'run2.xml'
    $script:doneFile = Join-Path $TestDrive 'run2.done'
    $script:afterFile = Join-Path $TestDrive 'after.txt'
    $script:errorFile = Join-Path $TestDrive 'errors.txt'

    # The prompt's session: the module, a password sign-in, the Redis passwords, and the command both runs type.
    $script:setup = Join-Path $TestDrive 'setup.ps1'
    @"
Import-Module '$manifest'
`$cred = [pscredential]::new('sim-user', (ConvertTo-SecureString 'Sim-Passw0rd!' -AsPlainText -Force))
`$null = Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint '$($sim.Url)' -Credential `$cred -DomainName sim-domain
`$redisPassword = @{}
foreach (`$i in 1..5) { `$redisPassword["10.0.3.`$(`$i):6379"] = ConvertTo-SecureString '$plantedPassword' -AsPlainText -Force }
`$wave = @{ Path = '$planPath'; Stage = 'Create', 'Replicate', 'Test', 'Cutover', 'Cleanup'; ResultPath = '$resultPath'
    RedisPassword = `$redisPassword; PollInterval = 0.3; Force = `$true }
"@ | Set-Content $setup

    # The module's traffic from the prompt (token auth), not this process's reads.
    function script:PromptRequests { @(Get-SimRequest $sim | Where-Object authKind -ne 'AkSk') }
    function script:Writes([object[]] $Log, [string] $Method, [string] $Pattern) {
        if (-not $Log) { return @() }
        @($Log | Where-Object { $_.method -eq $Method -and $_.path -match $Pattern })
    }
    function script:Operation($Request) { ($Request.body | ConvertFrom-Json).operation }
    function script:ResultLines { if (Test-Path $resultPath) { @(Import-Csv $resultPath) } else { @() } }

    if (-not (Get-Command tmux -ErrorAction SilentlyContinue) -and $IsLinux -and (Get-Command apt-get -ErrorAction SilentlyContinue) -and ((id -u) -eq '0')) {
        $env:DEBIAN_FRONTEND = 'noninteractive'
        & apt-get install -y -qq tmux *> $null
        if ($LASTEXITCODE -ne 0) { & apt-get update -qq *> $null; & apt-get install -y -qq tmux *> $null }
    }
    $script:tmux = Get-Command tmux -ErrorAction SilentlyContinue
    $script:socket = "hwm-wave-$PID"
    function script:Pane { & tmux -L $socket capture-pane -p -J -S -200 -t wave | Out-String }
}

AfterAll {
    if ($script:tmux) { & tmux -L $socket kill-server 2>$null }
    Disconnect-HuaweiCloud
    if ($script:sim) { Stop-HuaweiSimulator $script:sim }
}

Describe 'A wave of 40 servers and 5 Redis, stopped with Ctrl+C mid-Replicate and run again' {
    It 'the check finds every row Ready: the seeded failures are not visible to it' {
        $checks = @(Test-HuaweiMigrationPlan -Path $planPath)
        $checks.Count | Should -Be 45
        @($checks | Where-Object Status -ne 'Ready') | Should -BeNullOrEmpty -Because (($checks | Where-Object Status -ne 'Ready' | Out-String))
    }

    It 'stops at once on Ctrl+C while Replicate waits, and the prompt comes back' {
        $tmux | Should -Not -BeNullOrEmpty -Because 'tmux is needed to type Ctrl+C at a real terminal (install it: apt-get install tmux)'
        & tmux -L $socket new-session -d -s wave -x 200 -y 50 -c $root 'dotnet pwsh -NoProfile -NoLogo'
        $LASTEXITCODE | Should -Be 0
        $script:promptStarted = $true
        Wait-Until { (Pane) -match 'PS .*>' } -Because 'the prompt appears'
        & tmux -L $socket send-keys -t wave ". '$setup'" Enter
        Clear-SimRequest $sim
        & tmux -L $socket send-keys -t wave 'Invoke-HuaweiMigrationPlan @wave | Out-Null' Enter

        # Replicate is waiting: every task was made and started, and the list has been polled twice since.
        Wait-Until -TimeoutSec 90 -Because "Replicate started all 40 tasks and polls them together" {
            $log = PromptRequests
            $starts = @(Writes $log 'POST' '^/v3/tasks/[^/]+/action$' | Where-Object { (Operation $_) -eq 'start' })
            if ($starts.Count -lt 40) { return $false }
            $last = ($starts | Measure-Object sequence -Maximum).Maximum
            @(Writes $log 'GET' '^/v3/tasks$' | Where-Object sequence -gt $last).Count -ge 2
        }
        & tmux -L $socket send-keys -t wave C-c
        & tmux -L $socket send-keys -t wave "'back' | Set-Content '$afterFile'" Enter
        Wait-Until { Test-Path $afterFile } -TimeoutSec 15 -Because "the prompt came back after Ctrl+C and ran the next command"
        $script:run1Sequence = (PromptRequests | Measure-Object sequence -Maximum).Maximum

        $run1 = ResultLines
        $script:run1Count = $run1.Count
        @($run1 | Where-Object Stage -eq 'Create').Count | Should -Be 45 -Because 'every row got its task before Replicate'
        @($run1 | Where-Object { $_.Stage -eq 'Create' -and $_.Outcome -ne 'Done' }) | Should -BeNullOrEmpty
        @($run1 | Where-Object Stage -eq 'Replicate').Count | Should -BeLessThan 45 -Because 'Ctrl+C came while Replicate waited'
        @($run1 | Where-Object Stage -in 'Test', 'Cutover', 'Cleanup') | Should -BeNullOrEmpty
    }

    It 'runs again to the end: the same outcomes as one uninterrupted run, nothing made or sent twice' {
        $run1Sequence | Should -Not -BeNullOrEmpty -Because 'the interrupted run came first'
        # Failures seeded now that the tasks exist (launches and actions only happen in this run).
        $ids = @{}
        foreach ($t in Get-SmsTask) { $ids[$t.Name] = $t.Id }
        $ids.Count | Should -Be 40
        $null = Set-SimSmsLaunchFailure $sim -Id $ids[$failTest] -Operation test
        $null = Set-SimSmsLaunchFailure $sim -Id $ids[$failCutover] -Operation cutover
        Add-SimFault $sim @{ kind = 'Error'; method = 'POST'; pathPattern = "^/v3/tasks/$($ids[$failAction])/action$"; statusCode = 403
            errorCode = 'SMS.9004'; errorMessage = 'You do not have permission to perform this operation.'; count = 1 }
        (PromptRequests | Measure-Object sequence -Maximum).Maximum | Should -Be $run1Sequence -Because 'nothing was sent after Ctrl+C'

        & tmux -L $socket send-keys -t wave "try { Invoke-HuaweiMigrationPlan @wave -ErrorVariable waveErrors | Export-Clixml '$run2Path' } finally { `$Error | Out-String -Width 300 | Set-Content '$errorFile'; 'done' | Set-Content '$doneFile' }" Enter
        Wait-Until { Test-Path $doneFile } -TimeoutSec 240 -Because "the second run ended"
        Test-Path $run2Path | Should -BeTrue -Because (Get-Content $errorFile -Raw)
        $run2 = @(Import-Clixml $run2Path)

        # The second run: one result per row and stage, all of them in the result file after the first run's.
        $run2.Count | Should -Be 225 -Because (Get-Content $errorFile -Raw)
        @($run2 | Group-Object Row, Stage | Where-Object Count -ne 1) | Should -BeNullOrEmpty
        $all = ResultLines
        $all.Count | Should -Be ($run1Count + 225) -Because 'both runs appended to the one file'
        @(Get-Content $resultPath | Where-Object { $_ -match '^"?Row"?,' }).Count | Should -Be 1 -Because 'the header is written once'
        $tail = $all | Select-Object -Skip $run1Count
        for ($i = 0; $i -lt 225; $i++) {
            "$($tail[$i].Row) $($tail[$i].Stage) $($tail[$i].Outcome)" | Should -Be "$($run2[$i].Row) $($run2[$i].Stage) $($run2[$i].Outcome)"
        }

        # Outcomes over both runs, per row and stage: what one run that was never interrupted gives.
        $expected = @{}
        foreach ($name in $serverNames + $redisNames) { $expected[$name] = @{ Create = 'Done'; Replicate = 'Done'; Test = 'Done'; Cutover = 'Done'; Cleanup = 'Done' } }
        foreach ($name in $redisNames) { $expected[$name].Test = 'AlreadyDone' }   # nothing to do for Redis
        foreach ($name in $failTest, $failAction) { $expected[$name].Test = 'Failed'; $expected[$name].Cutover = 'Skipped'; $expected[$name].Cleanup = 'Skipped' }
        $expected[$failCutover].Cutover = 'Failed'; $expected[$failCutover].Cleanup = 'Skipped'
        $expected[$failRedis].Replicate = 'Failed'; foreach ($s in 'Test', 'Cutover', 'Cleanup') { $expected[$failRedis][$s] = 'Skipped' }
        $seen = foreach ($group in ($all | Group-Object Name, Stage)) {
            $first = $group.Group[0]
            $outcomes = @($group.Group.Outcome)
            # Done once at most; a stage done in the first run is AlreadyDone in the second; a failure is seen again.
            @($outcomes | Where-Object { $_ -eq 'Done' }).Count | Should -BeLessOrEqual 1 -Because "$($group.Name) is done once"
            $final = if ($outcomes -contains 'Done') { 'Done' } else { $outcomes[-1] }
            if ($first.Kind -eq 'Redis' -and $first.Stage -eq 'Test' -and $final -eq 'Done') { $final = 'AlreadyDone' }
            # A replication that ended as Ctrl+C came may first be reported by the second run, as already done.
            if ($first.Stage -eq 'Replicate' -and $final -eq 'AlreadyDone' -and $expected[$first.Name].Replicate -eq 'Done') { $final = 'Done' }
            "$($first.Name) $($first.Stage) $final"
        }
        $want = foreach ($name in $serverNames + $redisNames) { foreach ($s in 'Create', 'Replicate', 'Test', 'Cutover', 'Cleanup') { "$name $s $($expected[$name][$s])" } }
        $differences = Compare-Object @($want) @($seen) | ForEach-Object { "$($_.SideIndicator -replace '<=', 'expected' -replace '=>', 'got') $($_.InputObject)" }
        $differences | Should -BeNullOrEmpty -Because ($all | Where-Object { $_.Outcome -notin 'Done', 'AlreadyDone' } | Format-Table Row, Name, Stage, Outcome, State, Message -AutoSize | Out-String -Width 300)
        @($seen).Count | Should -Be 225
        foreach ($r in $run2 | Where-Object Stage -eq 'Create') { $r.Outcome | Should -Be 'AlreadyDone' -Because "$($r.Name)'s task was made by the first run" }
        ($run2 | Where-Object { $_.Name -eq $failAction -and $_.Stage -eq 'Test' }).Message | Should -Match 'SMS\.9004'

        # The request log over both runs: one task per row, one action of each kind per task, one removal.
        $log = PromptRequests
        $creates = @(Writes $log 'POST' '^/v3/tasks$')
        $creates.Count | Should -Be 40
        @($creates | ForEach-Object { ($_.body | ConvertFrom-Json).name } | Sort-Object -Unique).Count | Should -Be 40
        @(Writes $log 'POST' '/migration/instance$').Count | Should -Be 5
        @(Writes $log 'POST' '^/v2/[^/]+/migration/[^/]+/task$').Count | Should -Be 5
        $actions = @(Writes $log 'POST' '^/v3/tasks/[^/]+/action$')
        @($actions | Group-Object { $_.path + ' ' + (Operation $_) } | Where-Object Count -gt 1 | ForEach-Object Name) | Should -BeNullOrEmpty -Because 'no action is sent twice to a task'
        $byOperation = @{}
        foreach ($a in $actions) { $byOperation[(Operation $a)] = 1 + [int]$byOperation[(Operation $a)] }
        $byOperation['start'] | Should -Be 40
        $byOperation['test'] | Should -Be 40 -Because 'every server is tested once (two of those fail)'
        $byOperation['cutover'] | Should -Be 38 -Because 'the two rows that failed their test are skipped'
        $byOperation['clear'] | Should -Be 37 -Because 'Cleanup clears the snapshot of each task it removes, first'
        $deleted = @(Writes $log 'DELETE' '^/v3/tasks/[^/]+$' | ForEach-Object { ($_.path -split '/')[-1] }) +
            @(Writes $log 'POST' '^/v3/tasks/delete$' | ForEach-Object { ($_.body | ConvertFrom-Json).ids })
        $deleted.Count | Should -Be 37
        $deletedAt = @{}
        foreach ($d in Writes $log 'DELETE' '^/v3/tasks/[^/]+$') { $deletedAt[($d.path -split '/')[-1]] = $d.sequence }
        foreach ($d in Writes $log 'POST' '^/v3/tasks/delete$') { foreach ($id in ($d.body | ConvertFrom-Json).ids) { $deletedAt[$id] = $d.sequence } }
        foreach ($c in $actions | Where-Object { (Operation $_) -eq 'clear' }) {
            $id = ($c.path -split '/')[-2]
            $c.sequence | Should -BeLessThan $deletedAt[$id] -Because "task $id's snapshot is cleared before it is removed"
        }
        @($deleted | Sort-Object -Unique).Count | Should -Be 37
        $exchanges = @(Writes $log 'POST' '/exchange-ip$')
        $exchanges.Count | Should -Be 4
        @($exchanges.path | Sort-Object -Unique).Count | Should -Be 4
        $dcsDeleted = @(Writes $log 'DELETE' '/migration-tasks/delete$' | ForEach-Object { ($_.body | ConvertFrom-Json).task_id_list })
        @(Writes $log 'POST' '/migration-task/batch-stop$' | ForEach-Object { ($_.body | ConvertFrom-Json).migration_tasks } | Group-Object | Where-Object Count -gt 1) | Should -BeNullOrEmpty
        $dcsDeleted.Count | Should -Be 4
        @($dcsDeleted | Sort-Object -Unique).Count | Should -Be 4

        # What is left: the failed rows' tasks, to look into.
        (Get-SmsTask).Name | Sort-Object | Should -Be ($failTest, $failAction, $failCutover | Sort-Object)
        $left = @(Get-DcsMigrationTask)
        $left.TaskName | Should -Be $failRedis
        $left.Status | Should -Be 'FAILED'

        # The Redis password is nowhere: results, file, request log, the prompt's screen.
        $everything = (Get-Content $resultPath -Raw) + (Get-SimRequest $sim | ConvertTo-Json -Depth 6) + (Pane) + ($run2 | Out-String -Width 300)
        $everything | Should -Not -Match $plantedPassword
    }
}
