# Setting a wave up as a person does it: migration projects and templates from the simulator's helpers, their default
# views at 80 and 120 columns, ordered hashtables, and a template's password nowhere a person or a log could see it.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../src/HuaweiMigration.Simulator/HuaweiMigration.Simulator.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../out/HuaweiMigration/HuaweiMigration.psd1') -Force
    $script:sim = Start-HuaweiSimulator -SmsTasks 0 -DcsTasks 0
    $script:cred = [pscredential]::new('sim-user', (ConvertTo-SecureString 'Sim-Passw0rd!' -AsPlainText -Force))
    $null = Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $sim.Url -Credential $cred -DomainName sim-domain

    $script:planted = 'Pl@nted-' + [guid]::NewGuid().ToString('N')
    $script:projectName = 'wave1-prod-migration-project-01'
    $script:projectId = Add-SimSmsMigrationProject $sim -Name $projectName -Region ap-southeast-3 -SpeedLimit 100 -Default
    $script:templateName = 'wave1-prod-web-template-000001'
    $script:templateId = Add-SimSmsTemplate $sim -Name $templateName -AvailabilityZone ap-southeast-1b -TargetPassword $planted

    function Show([Parameter(ValueFromPipeline)] $InputObject, [int] $Width) {
        begin { $items = [System.Collections.Generic.List[object]]::new() }
        process { $items.Add($InputObject) }
        end { $items | Out-String -Width $Width }
    }
}

AfterAll {
    Disconnect-HuaweiCloud
    if ($script:sim) { Stop-HuaweiSimulator $script:sim }
}

Describe 'Add-SimSmsMigrationProject and Add-SimSmsTemplate' {
    It 'add what the cmdlets then read' {
        $project = Get-SmsMigrationProject -Id $projectId
        $project.Name | Should -Be $projectName
        $project.IsDefault | Should -BeTrue
        $project.SpeedLimit | Should -Be 100
        (Get-SmsTemplate -Id $templateId).AvailabilityZone | Should -Be 'ap-southeast-1b'
    }
}

Describe 'Project and template views' {
    It 'show a project table with its name whole at 120 columns and the id whole at 80' {
        $wide = Get-SmsMigrationProject | Show -Width 120
        $wide | Should -Match ([regex]::Escape($projectName) + '\s') -Because "a wide console has room for the name:`n$wide"
        $wide | Should -Match 'yes' -Because 'the default project is marked'
        $narrow = Get-SmsMigrationProject -Id $projectId | Show -Width 80
        $narrow | Should -Match $projectId -Because "ids are whole at 80 columns:`n$narrow"
        $narrow | Should -Match 'wave1-prod-m' -Because "the name keeps at least 12 characters at 80 columns:`n$narrow"
        $narrow | Should -Match '\bblock\b'
        @($narrow -split "`r?`n" | Where-Object { $_.Length -gt 80 }) | Should -BeNullOrEmpty
    }

    It 'show a template table and list' {
        $wide = Get-SmsTemplate | Show -Width 120
        $wide | Should -Match ([regex]::Escape($templateName) + '\s') -Because "a wide console has room for the name:`n$wide"
        $narrow = Get-SmsTemplate | Show -Width 80
        $narrow | Should -Match $templateId
        $narrow | Should -Match 'wave1-prod-w' -Because "the name keeps at least 12 characters at 80 columns:`n$narrow"
        $list = Get-SmsTemplate -Id $templateId | Format-List | Out-String -Width 120
        $list | Should -Match 'subnet-wave'
        $list | Should -Match '40 GB'
    }
}

Describe 'A template''s password' {
    It 'is in no view, property or JSON of the object, at any depth' {
        $template = Get-SmsTemplate -Id $templateId -Verbose -Debug 4>&1 5>&1 6>&1 3>&1 | Out-String -Width 200
        $template | Should -Not -Match ([regex]::Escape($planted))
        $all = Get-SmsTemplate | Format-List * | Out-String -Width 400
        $all | Should -Not -Match ([regex]::Escape($planted))
        (Get-SmsTemplate | ConvertTo-Json -Depth 10) | Should -Not -Match ([regex]::Escape($planted))
        (Get-SmsTemplate | Export-Csv -Path TestDrive:/t.csv -NoTypeInformation)
        Get-Content TestDrive:/t.csv -Raw | Should -Not -Match ([regex]::Escape($planted))
    }
}

Describe 'New-SmsTemplate from ordered hashtables' {
    It 'takes [ordered] parts and writes the template as read back' {
        $made = New-SmsTemplate -Name ordered-tpl -Region ap-southeast-1 -AvailabilityZone ap-southeast-1a -Flavor s6.large.2 `
            -Vpc ([ordered]@{ Id = 'vpc-1'; Name = 'vpc'; Cidr = '192.168.0.0/16' }) `
            -Nic ([ordered]@{ Id = 'sub-1'; Name = 'sub'; Cidr = '192.168.1.0/24' }) `
            -SecurityGroup ([ordered]@{ Id = 'sg-1'; Name = 'sg' }) -Confirm:$false
        $made.Name | Should -Be 'ordered-tpl'
        $made.IsTemplate | Should -BeTrue
        $made.Nics[0].Name | Should -Be 'sub'
        Remove-SmsTemplate -Id $made.Id -Confirm:$false
        Get-SmsTemplate -Name ordered-tpl | Should -BeNullOrEmpty
    }

    It 'takes the VPC of a template read before' {
        $source = Get-SmsTemplate -Id $templateId
        $copy = New-SmsTemplate -Name copied-tpl -Region ap-southeast-1 -AvailabilityZone ap-southeast-1a -Flavor s6.large.2 `
            -Vpc $source.Vpc -Nic @{ Id = 'sub-1'; Name = 'sub'; Cidr = '192.168.1.0/24' } -SecurityGroup @{ Id = 'sg-1'; Name = 'sg' }
        $copy.Vpc.Name | Should -Be $source.Vpc.Name
    }
}
