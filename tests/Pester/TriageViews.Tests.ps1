# The default tables of the SMS triage objects as a person sees them, rendered by this pwsh against the simulator:
# the overview's counts line up under their states, a migration error shows its code and message, a consistency result
# its task and count, a task's settings as KEY=value.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../src/HuaweiMigration.Simulator/HuaweiMigration.Simulator.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../out/HuaweiMigration/HuaweiMigration.psd1') -Force
    $script:sim = Start-HuaweiSimulator -SmsTasks 0 -DcsTasks 0
    $script:cred = [pscredential]::new('sim-user', (ConvertTo-SecureString 'Sim-Passw0rd!' -AsPlainText -Force))
    $null = Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $sim.Url -Credential $cred -DomainName sim-domain
    $script:running = Add-SimSmsTask $sim -Name 'triage-running' -State RUNNING
    $script:failed = Add-SimSmsTask $sim -Name 'triage-failed' -State MIGRATE_FAIL
    $null = Add-SimSmsTask $sim -Name 'triage-done' -State MIGRATE_SUCCESS

    function Show([Parameter(ValueFromPipeline)] $InputObject, [int] $Width = 120) {
        begin { $items = [System.Collections.Generic.List[object]]::new() }
        process { $items.Add($InputObject) }
        end { $items | Out-String -Width $Width }
    }
}

AfterAll {
    Disconnect-HuaweiCloud
    if ($script:sim) { Stop-HuaweiSimulator $script:sim }
}

Describe 'Triage tables' {
    It 'show the overview as one row of counts under their states, within 80 columns' {
        $table = Get-SmsOverview | Show -Width 80
        $table | Should -Match 'Unavailable\s+Waiting\s+Replicate\s+Syncing\s+Stopped\s+Finished\s+Error\s+Other\s+Total' -Because $table
        $table | Should -Match '\s0\s+0\s+1\s+0\s+0\s+1\s+1\s+0\s+3\s*$' -Because $table
        @($table -split "`r?`n" | Where-Object { $_.Length -gt 80 }) | Should -BeNullOrEmpty
    }

    It 'show a migration error with its server, code and message' {
        $table = Get-SmsMigrationError | Show
        $table | Should -Match 'Name\s+SourceIp\s+ErrorCode\s+ErrorMessage' -Because $table
        $table | Should -Match 'SMS\.6509\s+Failed to migrate' -Because $table
    }

    It 'show a consistency result with its task and count' {
        $table = Get-SmsConsistencyResult -Id $running | Show
        $table | Should -Match 'TaskId\s+Results\s+ResultList' -Because $table
        $table | Should -Match ([regex]::Escape($running) + '\s+0') -Because $table
    }

    It "show a task's settings as KEY=value" {
        $table = Set-SmsTaskConfiguration -Id $running -Configuration @{ MigrateExcludeDir = '/tmp', '/var/cache'; LINUX_CPU_LIMIT = 50 } -PassThru -Confirm:$false | Show
        $table | Should -Match 'TaskId\s+MigrateType\s+Configurations' -Because $table
        $table | Should -Match 'MIGRATE_EXCLUDE_DIR=/tmp,/var/cache' -Because $table
        $table | Should -Match 'LINUX_CPU_LIMIT=50' -Because $table
    }
}
