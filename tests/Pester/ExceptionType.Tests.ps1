# Errors you can catch by type (issue 23, point 1): every error of the module carries a
# [HuaweiMigration.HuaweiCloudApiException], which lives in an assembly PowerShell loads normally, so a script can catch
# it by name and a Pester Mock can throw one.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../src/HuaweiMigration.Simulator/HuaweiMigration.Simulator.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../out/HuaweiMigration/HuaweiMigration.psd1') -Force
    $script:sim = Start-HuaweiSimulator -SmsTasks 0 -DcsTasks 0
    $cred = [pscredential]::new('sim-user', (ConvertTo-SecureString 'Sim-Passw0rd!' -AsPlainText -Force))
    $null = Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $sim.Url -Credential $cred -DomainName sim-domain

    # The code under test: a runbook function that tells a missing task from any other failure.
    function Get-TaskOrNull {
        param([Parameter(Mandatory)] [string] $Id)
        try {
            Get-SmsTask -Id $Id -ErrorAction Stop
        }
        catch [HuaweiMigration.HuaweiCloudApiException] {
            if ($_.Exception.Kind -eq 'NotFound') { return $null }
            throw
        }
    }
}

AfterAll {
    Disconnect-HuaweiCloud
    if ($script:sim) { Stop-HuaweiSimulator $script:sim }
}

Describe 'catch [HuaweiMigration.HuaweiCloudApiException]' {
    It 'resolves the type name in the default load context' {
        $type = [HuaweiMigration.HuaweiCloudApiException]
        $type.Assembly.GetName().Name | Should -Be 'HuaweiMigration.Models'
        [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($type.Assembly) | Should -Be ([System.Runtime.Loader.AssemblyLoadContext]::Default)
        [HuaweiMigration.HuaweiCloudTimeoutException] | Should -BeOfType ([type])
        [HuaweiMigration.HuaweiCloudArgumentException]::new('bad', 'Id').ParamName | Should -Be 'Id'
    }

    It 'catches a real API error from the simulator by type' {
        $caught = $null
        try {
            Get-SmsTask -Id 00000000-0000-0000-0000-00000000beef -ErrorAction Stop
        }
        catch [HuaweiMigration.HuaweiCloudApiException] {
            $caught = $_
        }
        $caught | Should -Not -BeNullOrEmpty
        $caught.Exception | Should -BeOfType ([HuaweiMigration.HuaweiCloudApiException])
        $caught.Exception.StatusCode | Should -Be 404
        $caught.Exception.Kind | Should -Be ([HuaweiMigration.ApiErrorKind]::NotFound)
        $caught.Exception.RequestId | Should -Not -BeNullOrEmpty
        $caught.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Get-TaskOrNull -Id 00000000-0000-0000-0000-00000000beef | Should -BeNullOrEmpty
    }

    It 'catches the errors the module makes itself by the same type' {
        foreach ($attempt in { Get-SmsTask -Id 'not an id' -ErrorAction Stop }, { Suspend-SmsTask -Id 00000000-0000-0000-0000-00000000beef -ErrorAction Stop }) {
            $caught = $null
            try { & $attempt } catch [HuaweiMigration.HuaweiCloudApiException] { $caught = $_ }
            $caught | Should -Not -BeNullOrEmpty -Because "$attempt"
        }
    }
}

Describe 'A Mock that throws HuaweiCloudApiException' {
    It 'is caught by type, with the kind, status and code it was given' {
        Mock Get-SmsTask { throw [HuaweiMigration.HuaweiCloudApiException]::new('SMS task x: SMS.9004 not found', 'NotFound', 404, 'SMS.9004') }
        Get-TaskOrNull -Id x | Should -BeNullOrEmpty
        Should -Invoke Get-SmsTask -Times 1 -Exactly
    }

    It 'rethrows what is not NotFound, with its properties' {
        Mock Get-SmsTask { throw [HuaweiMigration.HuaweiCloudApiException]::new('Throttled.', [HuaweiMigration.ApiErrorKind]::Throttled, 429, 'APIG.0308') }
        $caught = $null
        try { Get-TaskOrNull -Id x } catch [HuaweiMigration.HuaweiCloudApiException] { $caught = $_.Exception }
        $caught.StatusCode | Should -Be 429
        $caught.ErrorCode | Should -Be 'APIG.0308'
        $caught.Kind | Should -Be 'Throttled'
    }

    It 'can be built from a message alone' {
        Mock Get-SmsTask { throw [HuaweiMigration.HuaweiCloudApiException]::new('no answer') }
        { Get-TaskOrNull -Id x } | Should -Throw -ExceptionType ([HuaweiMigration.HuaweiCloudApiException]) -ExpectedMessage 'no answer'
    }
}
