<#
    Starts and drives the HuaweiMigration simulator — a local emulator of the IAM, SMS and DCS endpoints, on
    127.0.0.1 only — for Pester suites (yours and ours) and the demo. Needs the .NET 10 runtime with ASP.NET Core.
    In the packaged module it sits in the Simulator folder:
        Import-Module (Join-Path (Get-Module HuaweiMigration -ListAvailable)[0].ModuleBase 'Simulator/HuaweiMigration.Simulator.psm1')
    In the repository it runs the simulator built by build.ps1 -Task Build (or dotnet build), Debug or Release:
    whichever was built last.
#>
Set-StrictMode -Version 3.0

function Start-HuaweiSimulator {
    <#
    .SYNOPSIS
        Starts the simulator on loopback and waits until it (and no other process) answers.
    .DESCRIPTION
        With no -Port the simulator takes a free port itself; a -Port that is taken is a clear error, and the
        helper checks that the process it started is the one answering (never another simulator on that port).
        It runs the simulator packaged beside this file, or the one built in the repository: the newest of
        bin/Debug and bin/Release (only that configuration with -Configuration). The object it returns names the
        assembly it ran (DllPath). The simulator runs in its own process group, so Ctrl+C at the prompt stops your command and not the
        simulator; it stops by itself when this PowerShell process exits. Its output goes to a log that
        Get-HuaweiSimulatorLog shows and Stop-HuaweiSimulator removes.
    .EXAMPLE
        $sim = Start-HuaweiSimulator -SmsTasks 30
        Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $sim.Url -Credential $cred -DomainName sim-domain
    .EXAMPLE
        $sim = Start-HuaweiSimulator -Port 5080 -ErrorAction Stop   # fails clearly when 5080 is taken
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [ValidateRange(0, 100000)] [int] $SmsTasks = 50,
        [ValidateRange(0, 100000)] [int] $DcsTasks = 10,
        # 0 (the default): a free port, chosen by the simulator when it binds.
        [ValidateRange(0, 65535)] [int] $Port = 0,
        # The build to run: by default the newest that exists (packaged, Debug or Release).
        [ValidateSet('Debug', 'Release')] [string] $Configuration,
        [ValidateRange(1, 600)] [int] $StartTimeoutSec = 60
    )
    $dll = Resolve-SimulatorDll -Configuration $Configuration
    if (-not $dll) {
        $where = (Get-SimulatorCandidate -Configuration $Configuration) -join ', '
        $PSCmdlet.ThrowTerminatingError((New-SimulatorError -Id 'SimulatorNotBuilt' -Category ObjectNotFound -Target $where `
                    -Message "The simulator is not built (looked for $where). Run ./build.ps1 -Task Build (or dotnet build) first."))
    }
    if ($Port -ne 0 -and -not (Test-LoopbackPortFree $Port)) {
        $PSCmdlet.ThrowTerminatingError((New-SimulatorError -Id 'SimulatorPortInUse' -Category ResourceUnavailable -Target $Port `
                    -Message "Port $Port on 127.0.0.1 is already in use (another simulator or program). Choose another -Port, or omit -Port to take a free one."))
    }

    $instanceId = [guid]::NewGuid().ToString('N')
    $workDir = Join-Path ([System.IO.Path]::GetTempPath()) "huaweisim-$($instanceId.Substring(0, 12))"
    $null = New-Item -ItemType Directory -Path $workDir
    $ready = Join-Path $workDir 'ready.json'
    $log = Join-Path $workDir 'simulator.log'
    $errorLog = Join-Path $workDir 'simulator.err.log'
    $dotnet = (Get-Process -Id $PID).Path
    if (-not $dotnet -or [System.IO.Path]::GetFileNameWithoutExtension($dotnet) -ne 'dotnet') { $dotnet = 'dotnet' }
    $arguments = @($dll, '--urls', "http://127.0.0.1:$Port", '--tasks', $SmsTasks, '--dcs-tasks', $DcsTasks,
        '--instance-id', $instanceId, '--ready-file', $ready, '--parent-pid', $PID, '--work-dir', $workDir, '--detach')
    $process = Start-Process -FilePath $dotnet -ArgumentList $arguments -PassThru -RedirectStandardOutput $log -RedirectStandardError $errorLog
    $sim = [pscustomobject]@{
        PSTypeName = 'HuaweiMigration.Simulator'
        Url        = $null
        Port       = $null
        ProcessId  = $process.Id
        Process    = $process
        DllPath    = $dll
        InstanceId = $instanceId
        Log        = $log
        ErrorLog   = $errorLog
        WorkDir    = $workDir
    }

    $deadline = [DateTime]::UtcNow.AddSeconds($StartTimeoutSec)
    while (-not (Test-Path $ready)) {
        if ($process.HasExited) {
            $text = (@(Get-Content $errorLog, $log -ErrorAction SilentlyContinue) -join "`n").Trim()
            Remove-SimulatorFiles $sim
            if ($process.ExitCode -eq 3) {
                $PSCmdlet.ThrowTerminatingError((New-SimulatorError -Id 'SimulatorPortInUse' -Category ResourceUnavailable -Target $Port `
                            -Message "Port $Port on 127.0.0.1 is already in use (another simulator or program). Choose another -Port, or omit -Port to take a free one."))
            }
            $PSCmdlet.ThrowTerminatingError((New-SimulatorError -Id 'SimulatorExited' -Category OpenError -Target $dll `
                        -Message "The simulator exited with code $($process.ExitCode) before it listened: $text"))
        }
        if ([DateTime]::UtcNow -gt $deadline) {
            Stop-HuaweiSimulator $sim
            $PSCmdlet.ThrowTerminatingError((New-SimulatorError -Id 'SimulatorStartTimeout' -Category OperationTimeout -Target $dll `
                        -Message "The simulator did not start listening within $StartTimeoutSec seconds."))
        }
        Start-Sleep -Milliseconds 50
    }
    $announced = Get-Content $ready -Raw | ConvertFrom-Json
    $sim.Url = $announced.url
    $sim.Port = ([uri]$announced.url).Port

    # The process on the port must be ours: same instance id, same pid.
    try { $info = Invoke-RestMethod -Uri "$($sim.Url)/_sim/info" -TimeoutSec 10 } catch { $info = $null }
    if (-not $info -or $info.instanceId -ne $instanceId -or $info.pid -ne $process.Id) {
        Stop-HuaweiSimulator $sim
        $PSCmdlet.ThrowTerminatingError((New-SimulatorError -Id 'SimulatorIdentityMismatch' -Category ResourceUnavailable -Target $sim.Url `
                    -Message "Another process answers on $($sim.Url) (not the simulator started here, pid $($process.Id)); it was stopped."))
    }
    $sim
}

function Stop-HuaweiSimulator {
    <#
    .SYNOPSIS
        Stops a simulator started by Start-HuaweiSimulator and removes its log.
    .EXAMPLE
        Stop-HuaweiSimulator $sim
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)] [pscustomobject] $Simulator)
    process {
        $process = $Simulator.Process
        if (-not $process.HasExited) {
            Stop-Process -Id $process.Id -Force -ErrorAction SilentlyContinue
            $null = $process.WaitForExit(10000)
        }
        Remove-SimulatorFiles $Simulator
    }
}

function Get-HuaweiSimulatorLog {
    <#
    .SYNOPSIS
        What the simulator wrote (standard output, then standard error), while it runs.
    .EXAMPLE
        Get-HuaweiSimulatorLog $sim -Tail 20
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory, ValueFromPipeline)] [pscustomobject] $Simulator, [ValidateRange(1, [int]::MaxValue)] [int] $Tail)
    process {
        $lines = foreach ($file in $Simulator.Log, $Simulator.ErrorLog) {
            if (Test-Path $file) { Get-Content $file }
        }
        if ($Tail) { $lines | Select-Object -Last $Tail } else { $lines }
    }
}

# Where the simulator may be: packaged beside this file, or built in the repository (one configuration, or both).
function Get-SimulatorCandidate([string] $Configuration) {
    Join-Path $PSScriptRoot 'HuaweiMigration.Simulator.dll'
    $configurations = if ($Configuration) { @($Configuration) } else { @('Debug', 'Release') }
    foreach ($c in $configurations) { Join-Path $PSScriptRoot "bin/$c/net10.0/HuaweiMigration.Simulator.dll" }
}

# The newest simulator build that exists (by the time its assembly was written), or nothing.
function Resolve-SimulatorDll([string] $Configuration) {
    $found = foreach ($path in Get-SimulatorCandidate -Configuration $Configuration) {
        if (Test-Path -LiteralPath $path -PathType Leaf) { Get-Item -LiteralPath $path }
    }
    $newest = $found | Sort-Object LastWriteTimeUtc -Descending | Select-Object -First 1
    if ($newest) { $newest.FullName }
}

function Test-LoopbackPortFree([int] $Port) {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, $Port)
    try { $listener.Start(); $true } catch [System.Net.Sockets.SocketException] { $false } finally { $listener.Stop() }
}

function New-SimulatorError([string] $Id, [System.Management.Automation.ErrorCategory] $Category, $Target, [string] $Message) {
    [System.Management.Automation.ErrorRecord]::new([System.InvalidOperationException]::new($Message), $Id, $Category, $Target)
}

function Remove-SimulatorFiles($Simulator) {
    # The process has gone; its log files may take a moment to be released on Windows.
    for ($i = 0; $i -lt 20 -and (Test-Path $Simulator.WorkDir); $i++) {
        Remove-Item $Simulator.WorkDir -Recurse -Force -ErrorAction SilentlyContinue
        if (Test-Path $Simulator.WorkDir) { Start-Sleep -Milliseconds 100 }
    }
}

function Get-SimRequest {
    <# .SYNOPSIS The simulator's request log: method, path, query, body, status, auth kind for every API call (secrets redacted, long values cut). #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [pscustomobject] $Simulator)
    # One object per request, so the log pipes straight into Where-Object.
    foreach ($entry in (Invoke-RestMethod -Uri "$($Simulator.Url)/_sim/requests")) { $entry }
}

function Clear-SimRequest {
    <# .SYNOPSIS Empties the simulator's request log. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [pscustomobject] $Simulator)
    $null = Invoke-RestMethod -Method Delete -Uri "$($Simulator.Url)/_sim/requests"
}

function Set-SimTiming {
    <#
    .SYNOPSIS
        Sets the simulator's state-machine delays, in seconds or as 'hh:mm:ss' (startDelay, stopToAbort, deleteToGone, runningToFinish, networkCheckDelay, launchDelay, dcsStopToTerminated, dcsExchangeDelay, dcsCreating, dcsMigrationStep, latency).
    .DESCRIPTION
        -LaunchDelay sets launchDelay, how long an SMS launch (test, cutover, clone_test, migration_test, clear) runs
        before its end; it may be given alone or with -Timing.
    .EXAMPLE
        Set-SimTiming $sim @{ stopToAbort = 0.2; launchDelay = 0 }
    .EXAMPLE
        Set-SimTiming $sim -LaunchDelay 3600   # launches that stay running for an hour
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [pscustomobject] $Simulator, [hashtable] $Timing = @{}, [ValidateRange(0, 86400)] [double] $LaunchDelay)
    $body = $Timing.Clone()
    if ($PSBoundParameters.ContainsKey('LaunchDelay')) { $body.launchDelay = $LaunchDelay }
    $null = Invoke-RestMethod -Method Put -Uri "$($Simulator.Url)/_sim/timings" -ContentType 'application/json' -Body ($body | ConvertTo-Json)
}

function Set-SimDcsFailure {
    <#
    .SYNOPSIS
        Makes a DCS migration task's next step end in FAILED: a task still CREATING fails instead of becoming RUNNING,
        a configured one fails instead of its next migration step. -Message sets its error_message.
    .DESCRIPTION
        -Name seeds the failure for a task not made yet: the task made later with that name fails at its first
        migration step, or with -AtCreation when its migration machine is made (FAILED instead of RUNNING). A plan's
        check cannot see it, which is what a test of a wave needs.
    .EXAMPLE
        Set-SimDcsFailure $sim -Id $taskId -Message 'The source Redis refused the connection.'
    .EXAMPLE
        Set-SimDcsFailure $sim -Name 'cache-05' -Message 'The source Redis refused the connection.'
    #>
    [CmdletBinding(DefaultParameterSetName = 'ById')]
    param([Parameter(Mandatory, Position = 0)] [pscustomobject] $Simulator,
        [Parameter(Mandatory, ParameterSetName = 'ById')] [string] $Id,
        [Parameter(Mandatory, ParameterSetName = 'ByName')] [ValidateNotNullOrEmpty()] [string] $Name,
        [Parameter(ParameterSetName = 'ByName')] [switch] $AtCreation,
        [string] $Message)
    $body = @{}
    if ($Message) { $body.message = $Message }
    if ($PSCmdlet.ParameterSetName -eq 'ByName') {
        $body.name = $Name
        $body.atCreation = [bool]$AtCreation
        return Invoke-RestMethod -Method Post -Uri "$($Simulator.Url)/_sim/dcs/fail-named" -ContentType 'application/json' -Body ($body | ConvertTo-Json)
    }
    Invoke-RestMethod -Method Post -Uri "$($Simulator.Url)/_sim/dcs/tasks/$([uri]::EscapeDataString($Id))/fail-next" -ContentType 'application/json' -Body ($body | ConvertTo-Json)
}

function Add-SimSmsTask {
    <#
    .SYNOPSIS
        Adds an SMS task to the simulator and returns its id; -FailLaunch names launches that end in failure (as Set-SimSmsLaunchFailure).
    .DESCRIPTION
        -Progress sets how far the migration has gone (percent, as the task's sub-tasks and source server show it).
        -SourceServerId, -SourceServerName and -SourceIp set the task's source server; the id of a server added on
        its own (POST /_sim/sms/sources) makes that server the task's source, with its name and address.
    .EXAMPLE
        $id = Add-SimSmsTask $sim -Name web-01 -State RUNNING -Progress 40 -SourceServerName web-01-src -SourceIp 10.1.2.3
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory)] [pscustomobject] $Simulator, [string] $Name, [string] $State = 'READY', [switch] $FailOnStart,
        [ValidateSet('test', 'cutover', 'clone_test', 'migration_test', 'clear', '*')] [string[]] $FailLaunch,
        [ValidateRange(0, 100)] [double] $Progress,
        [ValidateNotNullOrEmpty()] [string] $SourceServerId,
        [ValidateNotNullOrEmpty()] [string] $SourceServerName,
        [ValidateNotNullOrEmpty()] [string] $SourceIp)
    $body = @{ state = $State; failOnStart = [bool]$FailOnStart }
    if ($Name) { $body.name = $Name }
    if ($FailLaunch) { $body.failLaunches = @($FailLaunch) }
    if ($PSBoundParameters.ContainsKey('Progress')) { $body.progress = $Progress }
    $source = @{}
    if ($SourceServerId) { $source.id = $SourceServerId }
    if ($SourceServerName) { $source.name = $SourceServerName }
    if ($SourceIp) { $source.ip = $SourceIp }
    if ($source.Count) { $body.sourceServer = $source }
    (Invoke-RestMethod -Method Post -Uri "$($Simulator.Url)/_sim/sms/tasks" -ContentType 'application/json' -Body ($body | ConvertTo-Json)).id
}

function Add-SimSmsSourceServer {
    <#
    .SYNOPSIS
        Registers SMS source servers with no task (as if their agents had started) and returns their ids.
    .DESCRIPTION
        -Disconnected registers them with their agent offline (state 'unavailable'). -DataDiskGB gives each data disk's
        size after the 40 GB system disk; the server's init_target_server then proposes the same disks for the target,
        unless -NoInitTarget, which leaves it empty (a server New-SmsTask refuses). -OsType WINDOWS or LINUX (else
        chosen at random); -MigrationProjectId defaults to the account's default project; -Count registers several
        (named src-NNNN; -Name only with one).
    .EXAMPLE
        $id = Add-SimSmsSourceServer $sim -Name db-07 -OsType LINUX -DataDiskGB 100, 200
    .EXAMPLE
        $ids = Add-SimSmsSourceServer $sim -Count 120 -Disconnected
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory)] [pscustomobject] $Simulator, [ValidateNotNullOrEmpty()] [string] $Name, [ValidateRange(1, 100000)] [int] $Count = 1,
        [switch] $Disconnected, [ValidateNotNullOrEmpty()] [string] $State, [ValidateSet('WINDOWS', 'LINUX')] [string] $OsType,
        [ValidateRange(1, 32768)] [long[]] $DataDiskGB, [switch] $NoInitTarget, [ValidateNotNullOrEmpty()] [string] $MigrationProjectId)
    $body = @{ count = $Count; connected = -not $Disconnected; initTarget = -not $NoInitTarget }
    if ($Name) { $body.name = $Name }
    if ($State) { $body.state = $State }
    if ($OsType) { $body.osType = $OsType }
    if ($DataDiskGB) { $body.dataDisks = @($DataDiskGB) }
    if ($MigrationProjectId) { $body.migProjectId = $MigrationProjectId }
    foreach ($id in (Invoke-RestMethod -Method Post -Uri "$($Simulator.Url)/_sim/sms/sources" -ContentType 'application/json' -Body ($body | ConvertTo-Json)).ids) { $id }
}

function Add-SimDcsTask {
    <# .SYNOPSIS Adds a DCS migration task to the simulator and returns its id. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [pscustomobject] $Simulator, [string] $Name, [string] $Status = 'INCRMIGEATING')
    $body = @{ status = $Status }
    if ($Name) { $body.name = $Name }
    (Invoke-RestMethod -Method Post -Uri "$($Simulator.Url)/_sim/dcs/tasks" -ContentType 'application/json' -Body ($body | ConvertTo-Json)).id
}

function Add-SimDcsLog {
    <# .SYNOPSIS Adds -Count entries to a DCS migration task's log (levels cycling Info, Info, Warning, Error), for paging tests. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [pscustomobject] $Simulator, [Parameter(Mandatory)] [string] $Id, [ValidateRange(0, 100000)] [int] $Count = 1)
    $null = Invoke-RestMethod -Method Post -Uri "$($Simulator.Url)/_sim/dcs/tasks/$Id/logs" -ContentType 'application/json' -Body (@{ count = $Count } | ConvertTo-Json)
}

function Add-SimFault {
    <# .SYNOPSIS Injects a fault: @{ kind = 'Error'; statusCode = 403; errorCode = 'SMS.9004'; pathPattern = '^/v3/tasks' } (fields and kinds: README, about_HuaweiMigration; a field that makes no sense is refused). #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [pscustomobject] $Simulator, [Parameter(Mandatory)] [hashtable] $Fault)
    $null = Invoke-RestMethod -Method Post -Uri "$($Simulator.Url)/_sim/faults" -ContentType 'application/json' -Body ($Fault | ConvertTo-Json)
}

function Clear-SimFault {
    <#
    .SYNOPSIS
        Removes every fault armed with Add-SimFault (those not yet used up), so the simulator answers normally again.
    .EXAMPLE
        Add-SimFault $sim @{ kind = 'Error'; statusCode = 503; count = -1 }
        # ... the test ...
        Clear-SimFault $sim
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [pscustomobject] $Simulator)
    $null = Invoke-RestMethod -Method Delete -Uri "$($Simulator.Url)/_sim/faults"
}

function Set-SimSmsLaunchFailure {
    <#
    .SYNOPSIS
        Makes an SMS task's launches of these operations end in failure: the source server ends 'error' (test, cutover, clone_test), 'premigfailed' (migration_test) or 'clearfailed' (clear).
    .DESCRIPTION
        Replaces what was set before for the task; '*' fails every launch, and an empty list (-Operation @()) makes
        them all succeed again. A launch already accepted keeps the end it was given.
    .EXAMPLE
        Set-SimSmsLaunchFailure $sim -Id $id -Operation cutover, clear
    .EXAMPLE
        Set-SimSmsLaunchFailure $sim -Id $id -Operation @()
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory)] [pscustomobject] $Simulator, [Parameter(Mandatory)] [string] $Id,
        [Parameter(Mandatory)] [AllowEmptyCollection()] [ValidateSet('test', 'cutover', 'clone_test', 'migration_test', 'clear', '*')] [string[]] $Operation)
    $uri = "$($Simulator.Url)/_sim/sms/tasks/$([uri]::EscapeDataString($Id))/launch-failure"
    $body = @{ operations = @($Operation) } | ConvertTo-Json
    # The operations now set to fail, one a line.
    foreach ($op in (Invoke-RestMethod -Method Post -Uri $uri -ContentType 'application/json' -Body $body).operations) { $op }
}

function Add-SimSmsMigrationProject {
    <#
    .SYNOPSIS
        Adds an SMS migration project to the simulator and returns its id; -Default makes it the default project.
    .EXAMPLE
        $id = Add-SimSmsMigrationProject $sim -Name wave-2 -Region ap-southeast-3 -SpeedLimit 100 -Default
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory)] [pscustomobject] $Simulator, [Parameter(Mandatory)] [string] $Name, [string] $Region = 'ap-southeast-1',
        [ValidateSet('MIGRATE_BLOCK', 'MIGRATE_FILE')] [string] $Type = 'MIGRATE_BLOCK', [string] $Description,
        [switch] $Default, [switch] $UseExistingServer, [switch] $Syncing, [ValidateRange(0, 10000)] [int] $SpeedLimit)
    $body = @{ name = $Name; region = $Region; type = $Type; isDefault = [bool]$Default; existServer = [bool]$UseExistingServer; syncing = [bool]$Syncing }
    if ($Description) { $body.description = $Description }
    if ($PSBoundParameters.ContainsKey('SpeedLimit')) { $body.speedLimit = $SpeedLimit }
    (Invoke-RestMethod -Method Post -Uri "$($Simulator.Url)/_sim/sms/migprojects" -ContentType 'application/json' -Body ($body | ConvertTo-Json)).id
}

function Add-SimSmsTemplate {
    <#
    .SYNOPSIS
        Adds an SMS template (a VPC, a subnet, a security group and a system disk) to the simulator and returns its id.
    .DESCRIPTION
        -TargetPassword is the password the simulator then answers with the template, as the real API does (a module
        must never keep it); -TaskBound makes it a template tied to a task (is_template "false"). -NoVpc, -NoNic,
        -NoSecurityGroup, -NoFlavor and -NoAvailabilityZone leave that part out: a template a new target server cannot
        be made from (Test-HuaweiMigrationPlan names what is missing).
    .EXAMPLE
        $id = Add-SimSmsTemplate $sim -Name web-template -AvailabilityZone ap-southeast-1b
    .EXAMPLE
        $id = Add-SimSmsTemplate $sim -Name half-done -NoSecurityGroup -NoFlavor
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Mandatory)] [pscustomobject] $Simulator, [Parameter(Mandatory)] [string] $Name, [string] $Region = 'ap-southeast-1',
        [string] $AvailabilityZone = 'ap-southeast-1a', [string] $Flavor = 's6.large.2', [string] $TargetPassword, [switch] $TaskBound,
        [switch] $NoVpc, [switch] $NoNic, [switch] $NoSecurityGroup, [switch] $NoFlavor, [switch] $NoAvailabilityZone)
    if ($NoFlavor) { $Flavor = '' }
    if ($NoAvailabilityZone) { $AvailabilityZone = '' }
    $body = @{ name = $Name; region = $Region; availabilityZone = $AvailabilityZone; flavor = $Flavor; isTemplate = -not $TaskBound
        vpc = -not $NoVpc; nic = -not $NoNic; securityGroup = -not $NoSecurityGroup }
    if ($TargetPassword) { $body.targetPassword = $TargetPassword }
    (Invoke-RestMethod -Method Post -Uri "$($Simulator.Url)/_sim/sms/templates" -ContentType 'application/json' -Body ($body | ConvertTo-Json)).id
}

Export-ModuleMember -Function Start-HuaweiSimulator, Stop-HuaweiSimulator, Get-HuaweiSimulatorLog, Get-SimRequest, Clear-SimRequest, Set-SimTiming, Set-SimDcsFailure, Add-SimSmsTask, Add-SimSmsSourceServer, Add-SimDcsTask, Add-SimDcsLog, Add-SimFault, Clear-SimFault, Set-SimSmsLaunchFailure, Add-SimSmsMigrationProject, Add-SimSmsTemplate
