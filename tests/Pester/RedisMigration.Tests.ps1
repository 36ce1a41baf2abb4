# A Redis migrated online and a backup imported, exactly as the README shows it ("Migrate a Redis into DCS"): the
# README's own code blocks run against the simulator, with planted passwords that must appear nowhere.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../src/HuaweiMigration.Simulator/HuaweiMigration.Simulator.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../out/HuaweiMigration/HuaweiMigration.psd1') -Force
    $script:sim = Start-HuaweiSimulator -SmsTasks 0 -DcsTasks 0
    # The migration machine takes a second to be made, so a configure sent too early would be refused; switches are quick.
    Set-SimTiming $sim @{ dcsCreating = 1; dcsMigrationStep = 0.2; dcsExchangeDelay = 0.5; dcsStopToTerminated = 0.2 }
    $cred = [pscredential]::new('sim-user', (ConvertTo-SecureString 'Sim-Passw0rd!' -AsPlainText -Force))
    $null = Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $sim.Url -Credential $cred -DomainName sim-domain
    $PSDefaultParameterValues['*-Dcs*:PollInterval'] = 0.2

    $readme = Get-Content -Raw (Join-Path $PSScriptRoot '../../README.md')
    $script:blocks = @{}
    foreach ($m in [regex]::Matches($readme, '<!-- (redis-[a-z]+:\d) -->\s*```powershell\r?\n(.*?)```', 'Singleline')) {
        $script:blocks[$m.Groups[1].Value] = [scriptblock]::Create($m.Groups[2].Value)
    }

    # What the README's reader has: passwords read as SecureStrings, and the network of the migration machine.
    $script:plantedSource = 'Src-' + [guid]::NewGuid().ToString('N')
    $script:plantedTarget = 'Tgt-' + [guid]::NewGuid().ToString('N')
    $script:sourcePassword = ConvertTo-SecureString $plantedSource -AsPlainText -Force
    $script:targetPassword = ConvertTo-SecureString $plantedTarget -AsPlainText -Force
    $script:dcsInstanceId = [guid]::NewGuid().ToString()
    $script:vpcId = [guid]::NewGuid().ToString()
    $script:subnetId = [guid]::NewGuid().ToString()
    $script:securityGroupId = [guid]::NewGuid().ToString()
    $script:shown = [System.Text.StringBuilder]::new()

    # Runs a README block with -Debug and -Verbose on, keeping every stream's text for the password search.
    function script:Run([string] $Name) {
        $DebugPreference = 'Continue'; $VerbosePreference = 'Continue'; $InformationPreference = 'Continue'
        $all = . $blocks[$Name] *>&1
        $script:stepText = $all | Out-String -Width 400
        $null = $shown.AppendLine($stepText)
        $null = $shown.AppendLine(($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | ForEach-Object { $_.Exception.ToString() }) -join "`n")
        foreach ($o in $all) { if ($o -is [HuaweiMigration.Models.ApiObject]) { $null = $shown.AppendLine(($o | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue)) } }
        # The README's variables live on, as in one script.
        foreach ($v in 'task', 'import') { if ($value = Get-Variable $v -Scope 0 -ValueOnly -ErrorAction Ignore) { Set-Variable $v $value -Scope Script } }
        $all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | ForEach-Object { throw $_ }
    }
}

AfterAll {
    Disconnect-HuaweiCloud
    if ($script:sim) { Stop-HuaweiSimulator $script:sim }
}

Describe 'Migrate a Redis into DCS, as the README shows it' {
    It 'the README has the blocks' {
        $blocks.Keys | Sort-Object | Should -Be 'redis-backup:1', 'redis-online:1', 'redis-online:2', 'redis-online:3'
    }

    It 'creates the online migration and waits until it is steady, configuring only once the machine runs' {
        Clear-SimRequest $sim
        Run 'redis-online:1'
        $task.Name | Should -Be 'cache-to-dcs'
        $task.Status | Should -Be 'INCRMIGEATING'
        $log = Get-SimRequest $sim
        $machine = @($log | Where-Object { $_.method -eq 'POST' -and $_.path -match '/migration/instance$' })
        $configure = @($log | Where-Object { $_.method -eq 'POST' -and $_.path -match '/migration/[^/]+/task$' })
        $machine.Count | Should -Be 1
        $configure.Count | Should -Be 1
        $configure[0].sequence | Should -BeGreaterThan $machine[0].sequence
        # The machine is CREATING for 1 s: a configure before it was RUNNING would have come sooner (and been refused).
        ([datetime]$configure[0].timestamp - [datetime]$machine[0].timestamp).TotalSeconds | Should -BeGreaterOrEqual 1
    }

    It 'switches the IPs, rolls back, switches again and reads the logs' {
        Run 'redis-online:2'
        $log = Get-SimRequest $sim
        @($log | Where-Object { $_.method -eq 'POST' -and $_.path -match '/exchange-ip$' }).Count | Should -Be 2
        @($log | Where-Object { $_.method -eq 'POST' -and $_.path -match '/rollback-ip$' }).Count | Should -Be 1
        $stepText | Should -Match 'CreatedAt\s+Level\s+Code\s+Message' -Because 'the log table was shown'
        @(Get-DcsMigrationLog -Id $task.TaskId).Count | Should -BeGreaterThan 0
    }

    It 'stops and removes the task' {
        Run 'redis-online:3'
        Get-DcsMigrationTask | Where-Object TaskName -eq 'cache-to-dcs' | Should -BeNullOrEmpty
    }

    It 'imports a backup until SUCCESS' {
        Run 'redis-backup:1'
        $import.Status | Should -Be 'SUCCESS'
        (Get-DcsMigrationTask -Id $import.TaskId).Status | Should -Be 'SUCCESS'
    }

    It 'shows no planted password anywhere: streams, objects, errors, request log, simulator output' {
        $everything = $shown.ToString() + ($Error | Out-String -Width 400) + (Get-SimRequest $sim | ConvertTo-Json -Depth 6) + ((Get-HuaweiSimulatorLog $sim) -join "`n")
        $everything | Should -Match '> POST \S+/migration/instance' -Because 'the -Debug request lines were captured, so the search covers them'
        $everything | Should -Match 'INCRMIGEATING' -Because 'the objects were captured'
        $everything | Should -Not -Match $plantedSource
        $everything | Should -Not -Match $plantedTarget
    }
}
