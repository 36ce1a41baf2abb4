# The simulator helper as a user meets it at a real prompt: a free port by default, a clear error for a busy one,
# its own process group (Ctrl+C stops the command, not the simulator), a log, and no simulator left behind.
BeforeAll {
    $script:root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:helper = Join-Path $root 'src/HuaweiMigration.Simulator/HuaweiMigration.Simulator.psm1'
    $script:manifest = Join-Path $root 'out/HuaweiMigration/HuaweiMigration.psd1'
    Import-Module $helper -Force

    # The repository's own pwsh, as `dotnet pwsh` (the local tool) runs it: a child process of this test.
    function Invoke-ChildPwsh([string] $Command) {
        $output = & dotnet pwsh -NoProfile -NonInteractive -Command $Command 2>&1 | Out-String
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = $output }
    }

    function Wait-Until([scriptblock] $Condition, [double] $TimeoutSec = 30, [string] $Because) {
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
        while (-not (& $Condition)) {
            if ([DateTime]::UtcNow -gt $deadline) { throw "Timed out after $TimeoutSec s waiting until $Because." }
            Start-Sleep -Milliseconds 100
        }
    }

    function Test-ProcessAlive([int] $Id) { [bool](Get-Process -Id $Id -ErrorAction SilentlyContinue) }
}

Describe 'Start-HuaweiSimulator' {
    It 'takes a free port when none is given, and the process it started is the one answering' {
        $sim = Start-HuaweiSimulator -SmsTasks 2 -DcsTasks 0
        try {
            $sim.Port | Should -BeGreaterThan 0
            $sim.Url | Should -Be "http://127.0.0.1:$($sim.Port)"
            $info = Invoke-RestMethod "$($sim.Url)/_sim/info"
            $info.pid | Should -Be $sim.ProcessId
            $info.instanceId | Should -Be $sim.InstanceId
        }
        finally { Stop-HuaweiSimulator $sim }
    }

    It 'refuses a busy port clearly and leaves the simulator on it alone' {
        $first = Start-HuaweiSimulator -SmsTasks 1 -DcsTasks 0
        try {
            $before = @(Get-SimRequest $first).Count
            { Start-HuaweiSimulator -Port $first.Port -ErrorAction Stop } |
                Should -Throw -ErrorId 'SimulatorPortInUse,Start-HuaweiSimulator' -ExpectedMessage "Port $($first.Port) on 127.0.0.1 is already in use*"
            Test-ProcessAlive $first.ProcessId | Should -BeTrue
            (Invoke-RestMethod "$($first.Url)/_sim/info").instanceId | Should -Be $first.InstanceId
            @(Get-SimRequest $first).Count | Should -Be $before -Because 'nothing was sent to the stranger'
        }
        finally { Stop-HuaweiSimulator $first }
    }

    It 'refuses a port another program holds, before starting anything' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        try {
            $port = ([System.Net.IPEndPoint]$listener.LocalEndpoint).Port
            $err = $null
            try { Start-HuaweiSimulator -Port $port -ErrorAction Stop } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -Be 'SimulatorPortInUse,Start-HuaweiSimulator'
            $err.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
            $err.TargetObject | Should -Be $port
        }
        finally { $listener.Stop() }
    }

    It 'keeps its output in a log that Get-HuaweiSimulatorLog shows and Stop-HuaweiSimulator removes' {
        $sim = Start-HuaweiSimulator -SmsTasks 1 -DcsTasks 0
        Get-HuaweiSimulatorLog $sim | Should -Match "listening on $([regex]::Escape($sim.Url))"
        Test-Path $sim.WorkDir | Should -BeTrue
        Stop-HuaweiSimulator $sim
        Test-ProcessAlive $sim.ProcessId | Should -BeFalse
        Test-Path $sim.WorkDir | Should -BeFalse
    }

    It 'stops by itself, log and all, when the pwsh that started it exits without Stop-HuaweiSimulator' {
        $infoFile = Join-Path $TestDrive 'orphan.json'
        $child = Invoke-ChildPwsh @"
Import-Module '$helper'
`$sim = Start-HuaweiSimulator -SmsTasks 1 -DcsTasks 0
@{ pid = `$sim.ProcessId; url = `$sim.Url; dir = `$sim.WorkDir } | ConvertTo-Json | Set-Content '$infoFile'
exit 0
"@
        $child.ExitCode | Should -Be 0 -Because $child.Output
        $orphan = Get-Content $infoFile -Raw | ConvertFrom-Json
        Wait-Until { -not (Test-ProcessAlive $orphan.pid) } -TimeoutSec 15 -Because 'the orphaned simulator exits'
        Wait-Until { -not (Test-Path $orphan.dir) } -TimeoutSec 5 -Because 'its log folder is removed'
    }
}

Describe 'Ctrl+C at a real prompt' {
    BeforeAll {
        # pwsh ignores a SIGINT sent over pipes; only a terminal turns Ctrl+C into one, so this runs pwsh in tmux.
        # The repository installs what it needs: tmux comes from the system's package manager when it is missing.
        if (-not (Get-Command tmux -ErrorAction SilentlyContinue) -and $IsLinux -and (Get-Command apt-get -ErrorAction SilentlyContinue) -and ((id -u) -eq '0')) {
            $env:DEBIAN_FRONTEND = 'noninteractive'
            & apt-get install -y -qq tmux *> $null
            if ($LASTEXITCODE -ne 0) { & apt-get update -qq *> $null; & apt-get install -y -qq tmux *> $null }
        }
        $script:tmux = Get-Command tmux -ErrorAction SilentlyContinue
        $script:socket = "hwm-pester-$PID"
    }

    AfterAll {
        if ($script:tmux) { & tmux -L $socket kill-server 2>$null }
    }

    It 'stops the wait and not the simulator, and the next command works' {
        $tmux | Should -Not -BeNullOrEmpty -Because 'tmux is needed to type Ctrl+C at a real terminal (install it: apt-get install tmux)'
        $infoFile = Join-Path $TestDrive 'prompt.json'
        $afterFile = Join-Path $TestDrive 'after.json'
        $setup = Join-Path $TestDrive 'setup.ps1'
        @"
Import-Module '$helper'
Import-Module '$manifest'
`$sim = Start-HuaweiSimulator -SmsTasks 0 -DcsTasks 0
`$cred = [pscredential]::new('sim-user', (ConvertTo-SecureString 'Sim-Passw0rd!' -AsPlainText -Force))
`$null = Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint `$sim.Url -Credential `$cred -DomainName sim-domain
`$id = Add-SimSmsTask `$sim -Name 'runs-forever' -State RUNNING
@{ pid = `$sim.ProcessId; url = `$sim.Url; id = `$id } | ConvertTo-Json | Set-Content '$infoFile'
"@ | Set-Content $setup

        & tmux -L $socket new-session -d -s prompt -x 160 -y 40 -c $root 'dotnet pwsh -NoProfile -NoLogo'
        $LASTEXITCODE | Should -Be 0
        Wait-Until { (& tmux -L $socket capture-pane -p -t prompt | Out-String) -match 'PS .*>' } -Because 'the prompt appears'
        & tmux -L $socket send-keys -t prompt ". '$setup'" Enter
        Wait-Until { Test-Path $infoFile } -Because 'the simulator started at the prompt'
        $prompt = Get-Content $infoFile -Raw | ConvertFrom-Json

        # A wait that never ends by itself: the task runs forever and there is no -Timeout.
        $null = Invoke-RestMethod -Method Delete "$($prompt.url)/_sim/requests"
        & tmux -L $socket send-keys -t prompt 'Wait-SmsTask -Id $id -State ABORT -PollInterval 0.2' Enter
        $promptSim = [pscustomobject]@{ Url = $prompt.url }
        Wait-Until { @(Get-SimRequest $promptSim | Where-Object path -like '/v3/tasks*').Count -ge 2 } -Because 'the wait is polling'

        & tmux -L $socket send-keys -t prompt C-c
        & tmux -L $socket send-keys -t prompt "Get-SmsTask -Id `$id | ConvertTo-Json -Depth 1 | Set-Content '$afterFile'" Enter
        Wait-Until { Test-Path $afterFile } -TimeoutSec 20 -Because 'the prompt came back after Ctrl+C and ran the next command'

        Test-ProcessAlive $prompt.pid | Should -BeTrue -Because 'Ctrl+C reached the prompt, not the simulator'
        (Invoke-RestMethod "$($prompt.url)/_sim/info").pid | Should -Be $prompt.pid
        (Get-Content $afterFile -Raw | ConvertFrom-Json).Id | Should -Be $prompt.id

        & tmux -L $socket send-keys -t prompt 'Stop-HuaweiSimulator $sim; exit' Enter
        Wait-Until { -not (Test-ProcessAlive $prompt.pid) } -TimeoutSec 15 -Because 'Stop-HuaweiSimulator stops it'
    }
}

Describe 'build.ps1 -Task Demo' {
    It 'runs the demo''s commands against a simulator on a free port and leaves none running' {
        $demo = Invoke-ChildPwsh "& '$(Join-Path $root 'build.ps1')' -Task Demo -NoBuild"
        $demo.ExitCode | Should -Be 0 -Because $demo.Output
        $demo.Output | Should -Match 'Simulator running at http://127\.0\.0\.1:\d+'
        $demo.Output | Should -Match 'ABORT' -Because 'the demo pauses three tasks and waits for them'
        $demo.Output | Should -Match 'Simulator stopped\.'
        $demo.Output | Should -Not -Match 'Exception|error' -Because 'every demo command succeeds'
    }
}
