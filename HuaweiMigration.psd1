@{
    RootModule           = 'HuaweiMigration.dll'
    # The output types (HuaweiMigration.Models.*), loaded with the module so scripts can name them at once. The
    # engine and its dependencies load on first use, isolated in the module's own load context on PowerShell 7.
    RequiredAssemblies   = @('HuaweiMigration.Models.dll')
    ModuleVersion        = '0.1.0'
    GUID                 = '5d0f8a8e-3b7c-4a43-9a55-6c2f1f4e9b21'
    Author               = 'HuaweiMigration contributors'
    CompanyName          = 'HuaweiMigration'
    Copyright            = '(c) HuaweiMigration contributors. All rights reserved.'
    Description          = 'Huawei Cloud migrations from PowerShell: Server Migration Service (SMS) tasks and Distributed Cache Service (DCS) data-migration tasks, with typed objects, pipeline input, -WhatIf/-Confirm and -Wait.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('HuaweiMigration.format.ps1xml')
    TypesToProcess       = @('HuaweiMigration.types.ps1xml')
    CmdletsToExport      = @(
        'Clear-SmsTaskSnapshot'
        'Connect-HuaweiCloud'
        'Disconnect-HuaweiCloud'
        'Export-HuaweiMigrationReport'
        'Get-DcsMigrationLog'
        'Get-DcsMigrationProgress'
        'Get-DcsMigrationTask'
        'Get-HuaweiCloudContext'
        'Get-SmsConsistencyResult'
        'Get-SmsMigrationError'
        'Get-SmsMigrationProject'
        'Get-SmsOverview'
        'Get-SmsSourceServer'
        'Get-SmsTask'
        'Get-SmsTaskConfiguration'
        'Get-SmsTaskSpeedLimit'
        'Get-SmsTemplate'
        'Invoke-HuaweiMigrationPlan'
        'Invoke-SmsTaskAction'
        'New-DcsMigrationTask'
        'New-SmsMigrationProject'
        'New-SmsTask'
        'New-SmsTemplate'
        'Remove-DcsMigrationTask'
        'Remove-SmsMigrationProject'
        'Remove-SmsSourceServer'
        'Remove-SmsTask'
        'Remove-SmsTemplate'
        'Restart-DcsMigrationTask'
        'Restart-SmsTask'
        'Send-SmsTaskLog'
        'Set-DcsMigrationTask'
        'Set-SmsMigrationProject'
        'Set-SmsSourceServer'
        'Set-SmsTask'
        'Set-SmsTaskConfiguration'
        'Set-SmsTaskSpeedLimit'
        'Set-SmsTemplate'
        'Start-SmsCloneTest'
        'Start-SmsCutover'
        'Start-SmsMigrationDrill'
        'Start-SmsTask'
        'Start-SmsTest'
        'Stop-DcsMigrationTask'
        'Suspend-SmsTask'
        'Switch-DcsMigrationIp'
        'Test-HuaweiMigrationPlan'
        'Test-SmsTaskNetwork'
        'Undo-DcsMigrationIp'
        'Wait-DcsMigrationTask'
        'Wait-SmsTask'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('HuaweiCloud', 'Huawei', 'SMS', 'DCS', 'Migration', 'Cloud', 'PSEdition_Core', 'PSEdition_Desktop')
            ReleaseNotes = 'Setting a wave up: Get/New/Set/Remove-SmsMigrationProject (-Default), Get/New/Set/Remove-SmsTemplate, New-SmsTask (disks from the source server, -SkipExisting, -Start -Wait), Set-SmsTask, Set/Remove-SmsSourceServer, Get-SmsOverview, Get-SmsMigrationError, Get-SmsConsistencyResult, Get/Set-SmsTaskConfiguration, Send-SmsTaskLog. SMS: every action of the task action API (Start, Suspend, Restart, Start-SmsTest, Start-SmsCutover, Start-SmsCloneTest, Start-SmsMigrationDrill, Test-SmsTaskNetwork, Clear-SmsTaskSnapshot, Invoke-SmsTaskAction), batch deletion, Get-SmsSourceServer, Get/Set-SmsTaskSpeedLimit. DCS: Get, Stop, Wait, Restart, Remove and Get-DcsMigrationProgress. One process-wide connection for every runspace; answers read from the stream (64 MB cap); one retry decision; actions never sent twice once they took effect. Faster: precompiled (ReadyToRun) engine on .NET 10 linux-x64, piped ids read eight at a time, a state-filtered list that the pipeline shrinks read in its pages plus one or two. A simulator of IAM, SMS and DCS ships in the Simulator folder.'
        }
    }
}
