# Issue 21's planted secrets, in a real pwsh as a user types them: a token file read with Get-Content -Raw (its
# trailing newline), a secret key ending in a newline, a security token ending in a carriage return, an access key
# with a header in it, the same from the HUAWEICLOUD_SDK_* variables. Each is refused before any request, and none
# of the planted values appears in any stream, $Error, the transcript or an export of the errors.
BeforeAll {
    $script:root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:helper = Join-Path $root 'src/HuaweiMigration.Simulator/HuaweiMigration.Simulator.psm1'
    $script:manifest = Join-Path $root 'out/HuaweiMigration/HuaweiMigration.psd1'
    Import-Module $helper -Force
    Import-Module $manifest -Force
    $script:sim = Start-HuaweiSimulator -SmsTasks 0 -DcsTasks 0
}

AfterAll {
    if ($script:sim) { Stop-HuaweiSimulator $script:sim }
}

Describe 'A secret is never quoted' {
    AfterEach {
        'HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK', 'HUAWEICLOUD_SDK_SECURITY_TOKEN' | ForEach-Object { [Environment]::SetEnvironmentVariable($_, $null) }
    }

    It 'appears in no stream, $Error, transcript or export, and nothing is sent' {
        $token = 'MIIplantedToken' + ([guid]::NewGuid().ToString('N') * 8)
        $secretKey = 'SKplanted' + [guid]::NewGuid().ToString('N')
        $securityToken = 'STplanted' + ([guid]::NewGuid().ToString('N') * 4)
        $header = 'HDRplanted' + [guid]::NewGuid().ToString('N')
        $goodSk = ConvertTo-SecureString 'Sim-SK-0123456789abcdef0123456789abcdef' -AsPlainText -Force
        $tokenFile = Join-Path $TestDrive 'token.txt'
        Set-Content -Path $tokenFile -Value $token
        $transcript = Join-Path $TestDrive 'transcript.txt'
        $url = $sim.Url
        Clear-SimRequest $sim

        $Error.Clear()
        $null = Start-Transcript -Path $transcript
        # Each call alone: Pester's try around the test would make the first refusal end the block.
        $calls = @(
            { Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $url -Token (ConvertTo-SecureString (Get-Content $tokenFile -Raw) -AsPlainText -Force) -Verbose -Debug }
            { Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $url -AccessKey SIMAKEXAMPLE00000001 -SecretKey (ConvertTo-SecureString "$secretKey`n" -AsPlainText -Force) -Verbose -Debug }
            { Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $url -AccessKey SIMAKEXAMPLE00000001 -SecretKey $goodSk -SecurityToken (ConvertTo-SecureString "$securityToken`r" -AsPlainText -Force) -Verbose -Debug }
            { Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $url -AccessKey "AK`r`nX-Planted: $header" -SecretKey $goodSk -Verbose -Debug }
            {
                $env:HUAWEICLOUD_SDK_AK = 'SIMAKEXAMPLE00000001'
                $env:HUAWEICLOUD_SDK_SK = "$secretKey`n"
                Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $url -Verbose -Debug
            }
            {
                $env:HUAWEICLOUD_SDK_SK = 'Sim-SK-0123456789abcdef0123456789abcdef'
                $env:HUAWEICLOUD_SDK_SECURITY_TOKEN = "$securityToken`r"
                Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $url -Verbose -Debug
            }
        )
        $streams = & {
            foreach ($call in $calls) {
                try { & $call } catch { $_ | Out-String -Width 1000 }
            }
        } *>&1 | Out-String -Width 1000
        Stop-Transcript | Out-Null

        $errors = @($Error | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $errors.Count | Should -Be 6
        $errors | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'InvalidConnectionParameter,*' }
        $errors | ForEach-Object { $_.CategoryInfo.Category | Should -Be 'InvalidArgument' }
        ($errors | ForEach-Object { $_.Exception.Message }) -join "`n" | Should -Match 'HUAWEICLOUD_SDK_SK'
        ($errors | ForEach-Object { $_.Exception.Message }) -join "`n" | Should -Match 'HUAWEICLOUD_SDK_SECURITY_TOKEN'
        ($errors | ForEach-Object { $_.Exception.Message }) -join "`n" | Should -Match 'Get-Content -Raw ends with a newline'

        $clixml = Join-Path $TestDrive 'errors.clixml'
        $csv = Join-Path $TestDrive 'errors.csv'
        $Error | Export-Clixml -Path $clixml -Depth 4
        $Error | Select-Object * | Export-Csv -Path $csv
        $everything = @(
            $streams
            Get-Content -Raw $transcript
            $Error | Format-List * -Force | Out-String -Width 1000
            $Error | ForEach-Object { $_.Exception | Format-List * -Force | Out-String -Width 1000; $_.Exception.ToString() }
            Get-Content -Raw $clixml
            Get-Content -Raw $csv
            $Error | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue
        ) -join "`n"
        $everything.Length | Should -BeGreaterThan 1000
        foreach ($planted in $token, $secretKey, $securityToken, $header) {
            $everything.Contains($planted) | Should -BeFalse -Because "$($planted.Substring(0, 10))… was planted"
        }
        $everything | Should -Not -Match 'Signature='
        @(Get-SimRequest $sim).Count | Should -Be 0
    }
}
