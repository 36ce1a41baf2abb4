# What a seasoned PowerShell user expects, in a real pwsh: one connection for every runspace of the process,
# -Debug that never prompts, tables that keep ids whole at 80 and 120 columns, several -Name patterns, exports that read.
BeforeAll {
    $script:root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:helper = Join-Path $root 'src/HuaweiMigration.Simulator/HuaweiMigration.Simulator.psm1'
    $script:manifest = Join-Path $root 'out/HuaweiMigration/HuaweiMigration.psd1'
    Import-Module $helper -Force
    Import-Module $manifest -Force
    $script:sim = Start-HuaweiSimulator -SmsTasks 0 -DcsTasks 0
    Set-SimTiming $sim @{ stopToAbort = 0.2; deleteToGone = 0.1; dcsStopToTerminated = 0.2 }
    $script:cred = [pscredential]::new('sim-user', (ConvertTo-SecureString 'Sim-Passw0rd!' -AsPlainText -Force))
    $script:context = Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $sim.Url -Credential $cred -DomainName sim-domain
}

AfterAll {
    Disconnect-HuaweiCloud
    if ($script:sim) { Stop-HuaweiSimulator $script:sim }
}

Describe 'One connection for the whole process' {
    It 'ForEach-Object -Parallel suspends 40 tasks without -Context' {
        $ids = 1..40 | ForEach-Object { Add-SimSmsTask $sim -Name ('par-{0:00}' -f $_) -State RUNNING }
        $manifest = $script:manifest
        $paused = $ids | ForEach-Object -ThrottleLimit 8 -Parallel {
            Import-Module $using:manifest
            $_ | Suspend-SmsTask -Wait -PollInterval 0.2 -Timeout 60
        }
        $paused.Count | Should -Be 40
        $paused.State | Sort-Object -Unique | Should -Be 'ABORT'
        ($paused.Id | Sort-Object) | Should -Be ($ids | Sort-Object)
    }

    It 'a thread job uses the parent''s connection' {
        $id = Add-SimSmsTask $sim -Name 'thread-job' -State READY
        $manifest = $script:manifest
        $job = Start-ThreadJob { Import-Module $using:manifest; Get-SmsTask -Id $using:id }
        $task = $job | Wait-Job -Timeout 60 | Receive-Job
        $task.Name | Should -Be 'thread-job'
    }

    It 'Disconnect-HuaweiCloud makes a saved context fail clearly, then a new connection works again' {
        $saved = Get-HuaweiCloudContext
        Disconnect-HuaweiCloud
        { Get-SmsTask -First 1 -ErrorAction Stop } | Should -Throw -ErrorId 'HuaweiCloudNotConnected*'
        { Get-SmsTask -First 1 -Context $saved -ErrorAction Stop } | Should -Throw -ErrorId 'HuaweiCloudDisconnected*'
        $saved.IsDisconnected | Should -BeTrue
        $script:context = Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $sim.Url -Credential $cred -DomainName sim-domain
        { Get-SmsTask -First 1 -ErrorAction Stop } | Should -Not -Throw
    }
}

Describe '-Debug and -Verbose never prompt' {
    It 'pwsh -NonInteractive runs Get-SmsTask -Debug through a dropped connection' {
        Add-SimSmsTask $sim -Name 'debug-me' -State READY | Out-Null
        Add-SimFault $sim @{ method = 'GET'; pathPattern = '^/v3/tasks$'; kind = 'DropConnection'; count = 1 }
        $script = @"
Import-Module '$manifest'
`$cred = [pscredential]::new('sim-user', (ConvertTo-SecureString 'Sim-Passw0rd!' -AsPlainText -Force))
`$null = Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint '$($sim.Url)' -Credential `$cred -DomainName sim-domain
`$found = Get-SmsTask -Name 'debug-me' -Debug -ErrorAction Stop 5>`$null
'FOUND ' + `$found.Name
"@
        $output = & dotnet pwsh -NoProfile -NonInteractive -Command $script 2>&1 | Out-String
        $LASTEXITCODE | Should -Be 0 -Because $output
        $output | Should -Match 'FOUND debug-me'
        $output | Should -Not -Match 'NonInteractive mode'
        (Get-SimRequest $sim | Where-Object { $_.fault -eq 'DropConnection' }).Count | Should -BeGreaterThan 0
    }

    It '-Verbose narrates a wait: what it waits for and each task as it arrives' {
        $ids = 1..2 | ForEach-Object { Add-SimSmsTask $sim -Name "narrate-$_" -State RUNNING }
        $verbose = $ids | Suspend-SmsTask -Wait -PollInterval 0.1 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        @($verbose | Where-Object { $_ -match 'waiting for 2 tasks to be paused, polling every 0.1 s' }).Count | Should -Be 1
        @($verbose | Where-Object { $_ -match ': paused \(1 left\)' }).Count | Should -Be 1
        @($verbose | Where-Object { $_ -match ': paused \(0 left\)' }).Count | Should -Be 1
    }
}

Describe 'Tables, names and exports' {
    BeforeAll {
        $script:ids = 1..3 | ForEach-Object { Add-SimSmsTask $sim -Name ('wave-table-{0}' -f $_) -State RUNNING }
        $script:dcsIds = 1..2 | ForEach-Object { Add-SimDcsTask $sim -Name ('redis-table-{0}' -f $_) -Status MIGRATING }
    }

    It 'renders every default table at <Width> columns with every id whole and no header split' -TestCases @(@{ Width = 80 }, @{ Width = 120 }) {
        param($Width)
        $tables = @(
            @{ Objects = @(Get-SmsTask -Id $ids); Ids = $ids },
            @{ Objects = @(Get-DcsMigrationTask -Name 'redis-table-*'); Ids = $dcsIds },
            @{ Objects = @(Get-HuaweiCloudContext); Ids = @((Get-HuaweiCloudContext).ProjectId) },
            @{ Objects = @(Get-SmsSourceServer -Name 'lnx-*', 'win-*' -First 3); Ids = @(Get-SmsSourceServer -Name 'lnx-*', 'win-*' -First 3).Id },
            @{ Objects = @(Get-DcsMigrationTask -Name 'redis-table-*' | Get-DcsMigrationProgress); Ids = $dcsIds }
        )
        foreach ($t in $tables) {
            # Format-Table: the table view, even for objects whose default (by id) is the detail list.
            $text = $t.Objects | Format-Table | Out-String -Width $Width
            foreach ($id in $t.Ids) { $text | Should -Match ([regex]::Escape($id)) -Because "the table at $Width columns:`n$text" }
            $lines = $text -split "`r?`n" | Where-Object { $_.Trim() }
            # The header is one line: the next line is the dashes.
            $lines[1] | Should -Match '^[- ]+$' -Because "the header is not split:`n$text"
            $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual $Width }
        }
    }

    It 'shows one task read by id in its detail view, sub-tasks included' {
        $text = Get-SmsTask -Id $ids[0] | Out-String -Width 120
        $text | Should -Match 'SubTasks'
        $text | Should -Match 'TargetServer'
    }

    It 'takes several -Name patterns' {
        Add-SimSmsTask $sim -Name 'other-1' -State READY | Out-Null
        $names = (Get-SmsTask -Name 'wave-table-1', 'other-*').Name | Sort-Object
        $names | Should -Be @('other-1', 'wave-table-1')
    }

    It 'exports sub-tasks readably and the id once' {
        $file = Join-Path ([System.IO.Path]::GetTempPath()) ('hm-' + [guid]::NewGuid().ToString('N') + '.csv')
        try {
            Get-SmsTask -Id $ids[0] | Export-Csv -Path $file
            $row = Import-Csv -Path $file
            $row.SubTasks | Should -Match '^\d+ sub-tasks?, \d+ %$'
            $row.PSObject.Properties.Name | Should -Not -Contain 'TaskId'
            $row.Id | Should -Be $ids[0]
        }
        finally { Remove-Item $file -ErrorAction SilentlyContinue }
    }
}

Describe 'Piped ids' {
    It 'Select-Object -First 1 over 100 piped ids writes the first task and reads no further than eight ahead' {
        $ids = 1..100 | ForEach-Object { Add-SimSmsTask $sim -Name ('piped-{0:000}' -f $_) -State READY }
        Clear-SimRequest $sim
        $first = $ids | Get-SmsTask -ErrorVariable failures | Select-Object -First 1
        $first.Id | Should -Be $ids[0]
        $failures.Count | Should -Be 0 -Because 'the reads left in flight are let go quietly'
        $read = @(Get-SimRequest $sim | Where-Object { $_.method -eq 'GET' -and $_.path -like '/v3/tasks/*' } | ForEach-Object { $_.path.Split('/')[-1] })
        $read.Count | Should -BeLessOrEqual 8
        $read | Should -Contain $ids[0]
        $read | ForEach-Object { [array]::IndexOf($ids, $_) } | Should -BeLessThan 8
    }
}
