# How to test your own runbook with Pester, without any endpoint at all: mock the HuaweiMigration cmdlets.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/HuaweiMigration/HuaweiMigration.psd1') -Force

    # The code under test: a runbook function that pauses the running tasks of one migration wave.
    function Suspend-MigrationWave {
        param([Parameter(Mandatory)] [string] $Wave)
        Get-SmsTask -Name "$Wave-*" -State RUNNING | Suspend-SmsTask -Wait -Timeout 600
    }
}

Describe 'Suspend-MigrationWave' {
    BeforeEach {
        # Typed objects can be built from hashtables, so mocks return what the real cmdlets return.
        Mock Get-SmsTask {
            [HuaweiMigration.Models.SmsTask]@{ Id = 'a1'; Name = 'wave1-web'; RawState = 'RUNNING' }
            [HuaweiMigration.Models.SmsTask]@{ Id = 'b2'; Name = 'wave1-db'; RawState = 'RUNNING' }
        }
        Mock Suspend-SmsTask { $InputObject | ForEach-Object { $_.RawState = 'ABORT'; $_ } }
    }

    It 'asks for the running tasks of the wave only' {
        $null = Suspend-MigrationWave -Wave wave1
        Should -Invoke Get-SmsTask -Times 1 -Exactly -ParameterFilter { $Name -eq 'wave1-*' -and $State -contains 'RUNNING' }
    }

    It 'waits for each task, with a time limit, and returns them paused' {
        $result = Suspend-MigrationWave -Wave wave1
        $result.State | Should -Be @('ABORT', 'ABORT')
        Should -Invoke Suspend-SmsTask -Times 2 -Exactly -ParameterFilter { $Wait -and $Timeout -eq 600 }
    }
}
