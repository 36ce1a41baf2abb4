# The default views as a person sees them, rendered by this pwsh at 80 and 120 columns against the simulator: names
# take the room a wide console has, ids stay whole at 80, a network check shows its result, DCS tasks and their
# progress read by name, and disk sizes read as sizes.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../src/HuaweiMigration.Simulator/HuaweiMigration.Simulator.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../out/HuaweiMigration/HuaweiMigration.psd1') -Force
    $script:sim = Start-HuaweiSimulator -SmsTasks 0 -DcsTasks 0
    Set-SimTiming $sim @{ networkCheckDelay = 0.1 }
    $script:cred = [pscredential]::new('sim-user', (ConvertTo-SecureString 'Sim-Passw0rd!' -AsPlainText -Force))
    $null = Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $sim.Url -Credential $cred -DomainName sim-domain

    # 30 characters each: what the issue saw cut at 18 at 120 columns.
    $script:smsName = 'wave1-prod-sqlserver-0001-abcd'
    $script:dcsName = 'redis-wave1-prod-cache-0001-xy'
    $script:smsId = Add-SimSmsTask $sim -Name $smsName -State RUNNING
    $script:dcsId = Add-SimDcsTask $sim -Name $dcsName

    # What the default view writes at a console of this width (no colours: the text a person reads).
    function Show([Parameter(ValueFromPipeline)] $InputObject, [int] $Width) {
        begin { $items = [System.Collections.Generic.List[object]]::new() }
        process { $items.Add($InputObject) }
        end { $items | Out-String -Width $Width }
    }

    # The row of a table that holds the given text, and the table's header line.
    function Get-Row([string] $Table, [string] $Text) {
        $Table -split "`r?`n" | Where-Object { $_.Contains($Text) } | Select-Object -First 1
    }
    function Get-Header([string] $Table) {
        $lines = $Table -split "`r?`n" | Where-Object { $_.Trim() }
        $lines[0]
    }
}

AfterAll {
    Disconnect-HuaweiCloud
    if ($script:sim) { Stop-HuaweiSimulator $script:sim }
}

Describe 'Tables at 120 columns' {
    It 'show a 30-character SMS task name whole' {
        $table = Get-SmsTask -Name $smsName | Show -Width 120
        $table | Should -Match ([regex]::Escape($smsName) + '\s') -Because "a wide console has room for the name:`n$table"
        $table | Should -Not -Match '…'
    }

    It 'show a 30-character DCS task name whole, under Name' {
        $table = Get-DcsMigrationTask | Show -Width 120
        Get-Header $table | Should -Match '\bName\b'
        (Get-Row $table $dcsId) | Should -Match ([regex]::Escape($dcsName) + '\s') -Because "a wide console has room for the name:`n$table"
    }
}

Describe 'Tables at 80 columns' {
    It 'keep ids whole (SMS 32 characters, DCS 36) and still show some of the name' {
        $sms = Get-SmsTask -Name $smsName | Show -Width 80
        $sms | Should -Match $smsId -Because "ids are whole at 80 columns:`n$sms"
        (Get-Row $sms $smsId) | Should -Match 'wave1-prod' -Because 'the name keeps at least 18 characters'
        @($sms -split "`r?`n" | Where-Object { $_.Length -gt 80 }) | Should -BeNullOrEmpty

        $dcs = Get-DcsMigrationTask | Show -Width 80
        $dcsId.Length | Should -Be 36
        $dcs | Should -Match $dcsId -Because "ids are whole at 80 columns:`n$dcs"
        (Get-Row $dcs $dcsId) | Should -Match 'redis-wave1'

        $progress = Get-DcsMigrationTask -Id $dcsId | Get-DcsMigrationProgress | Show -Width 80
        $progress | Should -Match $dcsId -Because "ids are whole at 80 columns:`n$progress"
    }
}

Describe 'Test-SmsTaskNetwork -Wait' {
    It 'writes tasks whose default view shows the check''s result' {
        $checked = Get-SmsTask -Id $smsId | Test-SmsTaskNetwork -Wait -PollInterval 0.1
        $checked.NetworkCheckInfo.EvaluationResult | Should -Be 'GOOD'
        $checked.PSObject.TypeNames[0] | Should -Be 'HuaweiMigration.Models.SmsTask#NetworkCheck'
        $checked | Should -BeOfType ([HuaweiMigration.Models.SmsTask]) -Because 'only the view changes'

        $wide = $checked | Show -Width 120
        Get-Header $wide | Should -Match '\bResult\b' -Because "the result is a column:`n$wide"
        (Get-Row $wide $smsId) | Should -Match ('GOOD.*' + [regex]::Escape($smsName) + '\s')
        $narrow = $checked | Show -Width 80
        (Get-Row $narrow $smsId) | Should -Match 'GOOD' -Because "the result shows at 80 columns too:`n$narrow"
        $narrow | Should -Match $smsId
    }

    It 'without -Wait writes the normal view' {
        $started = Test-SmsTaskNetwork -Id $smsId
        $started.PSObject.TypeNames[0] | Should -Be 'HuaweiMigration.Models.SmsTask'
    }
}

Describe 'DCS tasks and their progress' {
    It 'a DCS task has Name, the same as TaskName, and Export-Csv writes it once' {
        $task = Get-DcsMigrationTask -Id $dcsId
        $task.Name | Should -Be $dcsName
        $task.Name | Should -Be $task.TaskName
        @(Get-DcsMigrationTask | Where-Object Name -EQ $dcsName).Count | Should -Be 1
        ($task | ConvertTo-Csv -NoTypeInformation)[0] | Should -Not -Match '"Name"'
    }

    It 'the progress table shows the task''s name when a task is piped in' {
        $progress = Get-DcsMigrationTask -Id $dcsId | Get-DcsMigrationProgress
        $progress.TaskName | Should -Be $dcsName
        $table = $progress | Show -Width 120
        Get-Header $table | Should -Match '\bName\b'
        (Get-Row $table $dcsId) | Should -Match ([regex]::Escape($dcsName) + '\s') -Because "the name is shown:`n$table"
    }

    It 'an id alone gives the figures without a name, and a later piped task does not inherit one' {
        (Get-DcsMigrationProgress -Id $dcsId).TaskName | Should -BeNullOrEmpty
        $other = Add-SimDcsTask $sim -Name 'second-cache'
        $both = @((Get-DcsMigrationTask -Id $dcsId), $other) | Get-DcsMigrationProgress
        $both[0].TaskName | Should -Be $dcsName
        $both[1].TaskId | Should -Be $other
        $both[1].TaskName | Should -BeNullOrEmpty
        # Ids given on the command line are not the piped task's: its name does not label them.
        $mislabelled = Get-DcsMigrationTask -Id $dcsId | Get-DcsMigrationProgress -Id $other
        $mislabelled.TaskId | Should -Be $other
        $mislabelled.TaskName | Should -BeNullOrEmpty
    }
}

Describe 'Sizes' {
    It 'disks read as sizes in the detail view, and the property keeps the bytes' {
        $task = Get-SmsTask -Id $smsId
        $task.TargetServer.Disks[1].Size | Should -Be 107374182400
        $shown = $task | Show -Width 120
        $shown | Should -Match 'Disk 1 100 GB|/dev/vdb 100 GB' -Because "sizes read as sizes:`n$shown"
        $shown | Should -Not -Match '107374182400'
    }

    It 'formats sizes as a person reads them' {
        [HuaweiMigration.Models.ByteSize]::Format(107374182400) | Should -Be '100 GB'
        [HuaweiMigration.Models.ByteSize]::Format(1610612736) | Should -Be '1.5 GB'
        [HuaweiMigration.Models.ByteSize]::Format(512) | Should -Be '512 B'
        [HuaweiMigration.Models.ByteSize]::Format($null) | Should -Be ''
    }
}
