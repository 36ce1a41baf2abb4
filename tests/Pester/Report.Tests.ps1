# The wave report as a person sees it: Export-HuaweiMigrationReport writes the page from the simulator's data, and
# headless Chromium (Debian's chromium, installed when missing as the Ctrl+C test installs tmux) renders it: the
# rendered DOM has the totals and a row's progress, a hostile task name stays text, and the screenshot is not blank.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../src/HuaweiMigration.Simulator/HuaweiMigration.Simulator.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../out/HuaweiMigration/HuaweiMigration.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/HeadlessChromium.psm1') -Force
    $script:chromium = Install-HeadlessChromium
    $script:sim = Start-HuaweiSimulator -SmsTasks 0 -DcsTasks 0
    $cred = [pscredential]::new('sim-user', (ConvertTo-SecureString 'Sim-Passw0rd!' -AsPlainText -Force))
    $null = Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $sim.Url -Credential $cred -DomainName sim-domain

    $script:running = Add-SimSmsTask $sim -Name 'web-01' -State RUNNING -Progress 40
    $null = Add-SimSmsTask $sim -Name 'web-02' -State RUNNING -Progress 70
    $script:hostile = Add-SimSmsTask $sim -Name '<script>alert(1)</script>' -State MIGRATE_FAIL
    $null = Add-SimSmsTask $sim -Name 'db-01' -State MIGRATE_SUCCESS
    $null = Add-SimSmsTask $sim -Name 'app-01' -State READY
    $null = Add-SimDcsTask $sim -Name 'redis-01' -Status INCRMIGEATING
    $null = Add-SimDcsTask $sim -Name 'redis-02' -Status SUCCESS

    $script:tasks = @(Get-SmsTask) + @(Get-DcsMigrationTask)
    $script:page = Join-Path $TestDrive 'wave.html'
    $script:file = $tasks | Export-HuaweiMigrationReport -Path $page -Title 'Wave 1' -PassThru
}

AfterAll {
    Disconnect-HuaweiCloud
    if ($script:sim) { Stop-HuaweiSimulator $script:sim }
}

Describe 'The wave report in headless Chromium' {
    It 'is written as one file' {
        $file.FullName | Should -Be $page
        (Get-Content -Raw $page) | Should -Not -Match '<script|https?:|url\('
    }

    It 'renders the totals and a row''s progress' {
        $chromium | Should -Not -BeNullOrEmpty -Because 'chromium renders the page (install it: apt-get install chromium)'
        $dom = Invoke-HeadlessChromium -Chromium $chromium.Source -Path $page -DumpDom
        $dom | Should -Match '<b id="total">7</b> tasks' -Because 'the rendered DOM has the total'
        $dom | Should -Match 'data-group="Failed">.*?Failed <span class="n">1</span>'
        $dom | Should -Match 'data-group="Running">.*?Running <span class="n">3</span>'
        $dom | Should -Match 'data-group="Done">.*?Done <span class="n">2</span>'
        $progress = ($tasks | Where-Object Id -eq $running).Progress
        $row = [regex]::Match($dom, 'data-id="' + $running + '".*?</tr>', 'Singleline').Value
        $row | Should -Match ('<span class="pct">' + $progress + '%</span>') -Because 'the row shows the task''s progress'
        $row | Should -Match 'Mbit/s'
        # The hostile name is text in the rendered DOM: no script element came of it.
        $dom | Should -Match '&lt;script&gt;alert\(1\)&lt;/script&gt;'
        $dom | Should -Not -Match '<script'
    }

    It 'renders a screenshot that is not blank, with the totals'' colours' {
        $chromium | Should -Not -BeNullOrEmpty -Because 'chromium renders the page (install it: apt-get install chromium)'
        $png = Join-Path $TestDrive 'wave.png'
        $null = Invoke-HeadlessChromium -Chromium $chromium.Source -Path $page -ScreenshotPath $png -WindowSize '1280,900'
        Test-Path $png | Should -BeTrue
        $image = Get-PngColour $png
        $image.Width | Should -Be 1280
        $image.Height | Should -Be 900
        $image.Colours.Count | Should -BeGreaterThan 50 -Because 'text, bars and badges make many colours; a blank page has one'
        $largest = ($image.Colours.Values | Measure-Object -Maximum).Maximum
        $largest | Should -BeLessThan (1280 * 900 * 0.95)
        # The stacked bar's failed (red), running (blue) and done (green) parts.
        $image.Colours['#d32f2f'] | Should -BeGreaterThan 500
        $image.Colours['#1e6fd9'] | Should -BeGreaterThan 500
        $image.Colours['#2e7d32'] | Should -BeGreaterThan 500
    }

    It 'is made by the README''s command, as written' {
        $readme = Get-Content -Raw (Join-Path $PSScriptRoot '../../README.md')
        $block = [regex]::Match($readme, '<!-- wave-report:1 -->\s*```powershell\r?\n(.*?)```', 'Singleline')
        $block.Success | Should -BeTrue -Because 'the README shows the command that makes a report'
        $null = Add-SimSmsTask $sim -Name 'wave1-web-01' -State RUNNING -Progress 50
        $null = Add-SimDcsTask $sim -Name 'wave1-redis-01' -Status SUCCESS
        Push-Location $TestDrive
        try {
            . ([scriptblock]::Create($block.Groups[1].Value))
        }
        finally {
            Pop-Location
        }
        $html = Get-Content -Raw (Join-Path $TestDrive 'wave1.html')
        $html | Should -Match '<b id="total">2</b> tasks'
        $html | Should -Match 'wave1-redis-01'
        (Get-Content (Join-Path $TestDrive 'wave1.csv')).Count | Should -Be 2
    }
}
