# A wave from plan to report, exactly as the README shows it ("Run a wave"): the README's own code blocks run against
# the simulator, in order, with a test launch that fails in between and is fixed before the re-run.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../src/HuaweiMigration.Simulator/HuaweiMigration.Simulator.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../out/HuaweiMigration/HuaweiMigration.psd1') -Force
    $script:sim = Start-HuaweiSimulator -SmsTasks 0 -DcsTasks 0
    Set-SimTiming $sim @{ startDelay = 0.1; runningToFinish = 1; launchDelay = 0.2; deleteToGone = 0.1; stopToAbort = 0.2
        dcsCreating = 0.3; dcsMigrationStep = 0.3; dcsExchangeDelay = 0.3; dcsStopToTerminated = 0.2 }
    $cred = [pscredential]::new('sim-user', (ConvertTo-SecureString 'Sim-Passw0rd!' -AsPlainText -Force))
    $null = Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $sim.Url -Credential $cred -DomainName sim-domain
    $PSDefaultParameterValues['Invoke-HuaweiMigrationPlan:PollInterval'] = 0.2

    $readme = Get-Content -Raw (Join-Path $PSScriptRoot '../../README.md')
    $script:steps = @{}
    foreach ($m in [regex]::Matches($readme, '<!-- run-wave:(\d) -->\s*```powershell\r?\n(.*?)```', 'Singleline')) {
        $script:steps[[int]$m.Groups[1].Value] = [scriptblock]::Create($m.Groups[2].Value)
    }

    # What the README's reader has: the wave's servers registered, its template, the DCS side and the Redis password.
    foreach ($n in 1..4) { $null = Add-SimSmsSourceServer $sim -Name ('web-{0:00}' -f $n) -OsType LINUX -DataDiskGB 100 }
    $null = Add-SimSmsTemplate $sim -Name 'wave-3-web'
    $script:dcsInstanceId = [guid]::NewGuid().ToString()
    $script:vpcId = [guid]::NewGuid().ToString()
    $script:subnetId = [guid]::NewGuid().ToString()
    $script:securityGroupId = [guid]::NewGuid().ToString()
    $script:planted = 'Src-' + [guid]::NewGuid().ToString('N')
    $script:sourcePassword = ConvertTo-SecureString $planted -AsPlainText -Force
    $script:shown = [System.Text.StringBuilder]::new()
    Push-Location $TestDrive

    # Runs a README step in this scope, as one script would; keeps what it shows; an error fails the step.
    function script:Step([int] $N) {
        $all = . $steps[$N] *>&1
        $script:stepText = $all | Out-String -Width 300
        $script:stepResults = @($all | Where-Object { $_ -is [HuaweiMigration.Models.MigrationPlanResult] })
        $null = $shown.AppendLine($stepText)
        foreach ($v in 'check', 'redisPassword') { if ($value = Get-Variable $v -Scope 0 -ValueOnly -ErrorAction Ignore) { Set-Variable $v $value -Scope Script } }
        $all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | ForEach-Object { throw $_ }
    }
    function script:Writes { @(Get-SimRequest $sim | Where-Object method -in 'POST', 'PUT', 'DELETE') }
    function script:Results { @(Import-Csv ./wave-3-results.csv) }
}

AfterAll {
    Pop-Location
    Disconnect-HuaweiCloud
    if ($script:sim) { Stop-HuaweiSimulator $script:sim }
}

Describe 'Run a wave, as the README shows it' {
    It 'the README has the seven steps' {
        $steps.Keys | Sort-Object | Should -Be (1..7)
    }

    It 'step 1 writes the plan' {
        Step 1
        $plan = @(Import-Csv ./wave-3.csv)
        $plan.Count | Should -Be 5
        ($plan | Where-Object Kind -eq 'Redis').TargetInstanceId | Should -Be $dcsInstanceId
    }

    It 'step 2 checks it: every row Ready, nothing written' {
        Clear-SimRequest $sim
        Step 2
        $check.Count | Should -Be 5
        $check.Status | Sort-Object -Unique | Should -Be 'Ready'
        $stepText | Should -Match 'web-01\s+Server\s+Ready'
        Writes | Should -BeNullOrEmpty
    }

    It 'step 3 says what it would do, then makes the tasks and replicates' {
        Clear-SimRequest $sim
        Step 3
        $stepText | Should -Match 'WhatIf'
        # The -WhatIf line's results (the run's own go to Format-Table): what each row would get, at each stage.
        $stepResults.Count | Should -Be 10
        $stepResults.Outcome | Sort-Object -Unique | Should -Be 'WhatIf'
        ($stepResults | Where-Object Stage -eq 'Create').Name | Sort-Object | Should -Be 'cache-01', 'web-01', 'web-02', 'web-03', 'web-04'
        @(Writes | Where-Object path -match '^/v3/tasks$').Count | Should -Be 4 -Because 'the -WhatIf line made nothing; the run made 4 tasks'
        (Get-SmsTask -Name 'web-*').State | Sort-Object -Unique | Should -Be 'SYNCING' -Because 'replicated, and syncing until the cutover'
        (Get-DcsMigrationTask -Name 'cache-01').Status | Should -Be 'INCRMIGEATING'
        $r = Results
        $r.Count | Should -Be 10
        ($r | Where-Object Stage -eq 'Create').Outcome | Sort-Object -Unique | Should -Be 'Done'
        ($r | Where-Object { $_.Stage -eq 'Replicate' -and $_.Kind -eq 'Server' }).Outcome | Sort-Object -Unique | Should -Be 'Done'
        # The Redis migration may be steady before Replicate looks (its steps take 0.3 s): then nothing is left to do.
        ($r | Where-Object { $_.Stage -eq 'Replicate' -and $_.Kind -eq 'Redis' }).Outcome | Should -BeIn 'Done', 'AlreadyDone'
    }

    It 'step 4 writes the report' {
        Step 4
        $html = Get-Content ./wave-3.html -Raw
        $html | Should -Match 'web-01'
        $html | Should -Match 'cache-01'
    }

    It 'step 5 tests and cuts over; a failed test launch skips that row''s cutover' {
        $web02 = Get-SmsTask -Name 'web-02'
        $null = Set-SimSmsLaunchFailure $sim -Id $web02.Id -Operation test
        Step 5
        $r = Results | Select-Object -Skip 10
        $r.Count | Should -Be 10
        ($r | Where-Object { $_.Name -eq 'web-02' }).Outcome | Should -Be 'Failed', 'Skipped'
        @($r | Where-Object { $_.Name -ne 'web-02' -and $_.Outcome -notin 'Done', 'AlreadyDone' }) | Should -BeNullOrEmpty
        @($r | Where-Object { $_.Name -like 'web-*' -and $_.Name -ne 'web-02' -and $_.Outcome -eq 'Done' }).Count | Should -Be 6
        $stepText | Should -Match 'web-02'
    }

    It 'step 6 shows the failure and, once fixed, the re-run sends only what is left' {
        $web02 = Get-SmsTask -Name 'web-02'
        $null = Set-SimSmsLaunchFailure $sim -Id $web02.Id -Operation @()   # the cause fixed
        Clear-SimRequest $sim
        Step 6
        $r = Results | Select-Object -Skip 20
        $r.Count | Should -Be 10
        ($r | Where-Object Name -eq 'web-02').Outcome | Should -Be 'Done', 'Done'
        ($r | Where-Object Name -ne 'web-02').Outcome | Sort-Object -Unique | Should -Be 'AlreadyDone'
        $actions = @(Writes)
        $actions.Count | Should -Be 2 -Because 'only web-02 is tested and cut over again'
        $actions.path | Sort-Object -Unique | Should -Be "/v3/tasks/$($web02.Id)/action"
        $stepText | Should -Match 'web-02\s+Test\b' -Because 'the failure is read from the result file'
    }

    It 'step 7 cleans up: no task left, the result file holds the wave' {
        Step 7
        Get-SmsTask -Name 'web-*' | Should -BeNullOrEmpty
        Get-DcsMigrationTask -Name 'cache-01' | Should -BeNullOrEmpty
        $r = Results
        $r.Count | Should -Be 35
        @($r | Where-Object Stage -eq 'Cleanup' | Where-Object Outcome -ne 'Done') | Should -BeNullOrEmpty
        $stepText | Should -Match 'Cleanup, Done'
    }

    It 'shows the Redis password nowhere: streams, result file, request log' {
        $everything = $shown.ToString() + (Get-Content ./wave-3-results.csv -Raw) + (Get-SimRequest $sim | ConvertTo-Json -Depth 6) + ($Error | Out-String)
        $everything | Should -Not -Match $planted
    }
}
