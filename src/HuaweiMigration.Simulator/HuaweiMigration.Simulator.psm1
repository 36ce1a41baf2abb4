<#
    Starts and drives the HuaweiMigration simulator — a local emulator of the IAM, SMS and DCS endpoints, on
    127.0.0.1 only — for Pester suites (yours and ours) and the demo. Needs the .NET 10 runtime with ASP.NET Core.
    In the packaged module it sits in the Simulator folder:
        Import-Module (Join-Path (Get-Module HuaweiMigration -ListAvailable)[0].ModuleBase 'Simulator/HuaweiMigration.Simulator.psm1')
    In the repository it runs the simulator built by build.ps1 -Task Build.
#>
Set-StrictMode -Version 3.0

function Start-HuaweiSimulator {
    <#
    .SYNOPSIS
        Starts the simulator on a free loopback port and waits until it answers.
    .EXAMPLE
        $sim = Start-HuaweiSimulator -SmsTasks 30
        Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $sim.Url -Credential $cred -DomainName sim-domain
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [ValidateRange(0, 100000)] [int] $SmsTasks = 50,
        [ValidateRange(0, 100000)] [int] $DcsTasks = 10,
        [ValidateRange(0, 65535)] [int] $Port = 0,
        [ValidateSet('Debug', 'Release')] [string] $Configuration = 'Debug'
    )
    # Packaged beside this file, or built in the repository.
    $dll = Join-Path $PSScriptRoot 'HuaweiMigration.Simulator.dll'
    if (-not (Test-Path $dll)) { $dll = Join-Path $PSScriptRoot "bin/$Configuration/net10.0/HuaweiMigration.Simulator.dll" }
    if (-not (Test-Path $dll)) { throw "The simulator is not built ($dll). Run ./build.ps1 -Task Build first." }
    if ($Port -eq 0) {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        $Port = ([System.Net.IPEndPoint]$listener.LocalEndpoint).Port
        $listener.Stop()
    }
    $url = "http://127.0.0.1:$Port"
    $log = [System.IO.Path]::GetTempFileName()
    $process = Start-Process -FilePath 'dotnet' -PassThru -RedirectStandardOutput $log `
        -ArgumentList @($dll, '--urls', $url, '--tasks', $SmsTasks, '--dcs-tasks', $DcsTasks)
    $deadline = [DateTime]::UtcNow.AddSeconds(30)
    while ([DateTime]::UtcNow -lt $deadline) {
        try {
            $null = Invoke-RestMethod -Uri "$url/_sim/timings" -TimeoutSec 2
            return [pscustomobject]@{ Url = $url; Process = $process; Log = $log }
        }
        catch {
            if ($process.HasExited) { throw "The simulator exited with code $($process.ExitCode): $(Get-Content $log -Raw)" }
            Start-Sleep -Milliseconds 100
        }
    }
    Stop-Process -Id $process.Id -Force -ErrorAction SilentlyContinue
    throw "The simulator did not answer on $url within 30 seconds."
}

function Stop-HuaweiSimulator {
    <# .SYNOPSIS Stops a simulator started by Start-HuaweiSimulator. #>
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)] [pscustomobject] $Simulator)
    process {
        Stop-Process -Id $Simulator.Process.Id -Force -ErrorAction SilentlyContinue
        Remove-Item $Simulator.Log -ErrorAction SilentlyContinue
    }
}

function Get-SimRequest {
    <# .SYNOPSIS The simulator's request log: method, path, query, body, status, auth kind for every API call. #>
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
    <# .SYNOPSIS Sets the simulator's state-machine delays, in seconds (stopToAbort, deleteToGone, startDelay, dcsStopToTerminated, latency). #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [pscustomobject] $Simulator, [Parameter(Mandatory)] [hashtable] $Timing)
    $null = Invoke-RestMethod -Method Put -Uri "$($Simulator.Url)/_sim/timings" -ContentType 'application/json' -Body ($Timing | ConvertTo-Json)
}

function Add-SimSmsTask {
    <# .SYNOPSIS Adds an SMS task to the simulator and returns its id. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [pscustomobject] $Simulator, [string] $Name, [string] $State = 'READY', [switch] $FailOnStart)
    $body = @{ state = $State; failOnStart = [bool]$FailOnStart }
    if ($Name) { $body.name = $Name }
    (Invoke-RestMethod -Method Post -Uri "$($Simulator.Url)/_sim/sms/tasks" -ContentType 'application/json' -Body ($body | ConvertTo-Json)).id
}

function Add-SimDcsTask {
    <# .SYNOPSIS Adds a DCS migration task to the simulator and returns its id. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [pscustomobject] $Simulator, [string] $Name, [string] $Status = 'INCRMIGEATING')
    $body = @{ status = $Status }
    if ($Name) { $body.name = $Name }
    (Invoke-RestMethod -Method Post -Uri "$($Simulator.Url)/_sim/dcs/tasks" -ContentType 'application/json' -Body ($body | ConvertTo-Json)).id
}

function Add-SimFault {
    <# .SYNOPSIS Injects a fault: @{ kind = 'Error'; statusCode = 403; errorCode = 'SMS.9004'; pathPattern = '^/v3/tasks' }. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [pscustomobject] $Simulator, [Parameter(Mandatory)] [hashtable] $Fault)
    $null = Invoke-RestMethod -Method Post -Uri "$($Simulator.Url)/_sim/faults" -ContentType 'application/json' -Body ($Fault | ConvertTo-Json)
}

Export-ModuleMember -Function Start-HuaweiSimulator, Stop-HuaweiSimulator, Get-SimRequest, Clear-SimRequest, Set-SimTiming, Add-SimSmsTask, Add-SimDcsTask, Add-SimFault
