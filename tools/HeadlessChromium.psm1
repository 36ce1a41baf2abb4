<#
    Headless Chromium for the wave report: installs Debian's chromium when it is missing (as the Ctrl+C test installs
    tmux), renders a page to its DOM or to a PNG, and reads a PNG's pixels back. Used by build.ps1 -Task ReportImage
    and tests/Pester/Report.Tests.ps1.
#>

function Install-HeadlessChromium {
    <# .SYNOPSIS Returns the chromium command, installing Debian's package first when it is missing and this is root on apt. #>
    [CmdletBinding()]
    [OutputType([System.Management.Automation.CommandInfo])]
    param()
    $found = Get-Command chromium, chromium-browser -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $found -and $IsLinux -and (Get-Command apt-get -ErrorAction SilentlyContinue) -and ((id -u) -eq '0')) {
        $env:DEBIAN_FRONTEND = 'noninteractive'
        & apt-get install -y -qq chromium *> $null
        if ($LASTEXITCODE -ne 0) { & apt-get update -qq *> $null; & apt-get install -y -qq chromium *> $null }
        $found = Get-Command chromium -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    }
    $found
}

function Invoke-HeadlessChromium {
    <#
    .SYNOPSIS
        Opens a local file in headless Chromium with its own temporary profile and returns what it printed (the DOM
        with -DumpDom), or writes a screenshot with -ScreenshotPath. Chromium and its children are killed afterwards.
    #>
    [CmdletBinding(DefaultParameterSetName = 'Dom')]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)] [string] $Chromium,
        [Parameter(Mandatory)] [string] $Path,
        [Parameter(Mandatory, ParameterSetName = 'Dom')] [switch] $DumpDom,
        [Parameter(Mandatory, ParameterSetName = 'Screenshot')] [string] $ScreenshotPath,
        [Parameter(ParameterSetName = 'Screenshot')] [string] $WindowSize = '1280,900',
        [ValidateRange(5, 600)] [int] $TimeoutSec = 90
    )
    $userData = Join-Path ([IO.Path]::GetTempPath()) ('hwm-chromium-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $userData
    $url = [System.UriBuilder]::new('file', '', -1, (Resolve-Path -LiteralPath $Path).Path).Uri.AbsoluteUri
    $arguments = @('--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--hide-scrollbars', "--user-data-dir=$userData")
    $arguments += if ($DumpDom) { '--dump-dom' } else { "--screenshot=$ScreenshotPath", "--window-size=$WindowSize" }
    $arguments += $url
    $info = [System.Diagnostics.ProcessStartInfo]::new($Chromium)
    foreach ($a in $arguments) { $info.ArgumentList.Add($a) }
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($info)
    try {
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit($TimeoutSec * 1000)) { throw "Chromium did not finish within $TimeoutSec s." }
        Write-Verbose $stderr.Result
        $stdout.Result
    }
    finally {
        if (-not $process.HasExited) { $process.Kill($true) }
        $process.Dispose()
        Remove-Item -LiteralPath $userData -Recurse -Force -ErrorAction SilentlyContinue
    }
}

if (-not ('HuaweiMigrationTools.PngPixels' -as [type])) {
    Add-Type -TypeDefinition @'
using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;

namespace HuaweiMigrationTools
{
    /// <summary>Decodes an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium writes) into its colours.</summary>
    public static class PngPixels
    {
        /// <summary>How many pixels have each colour (0xRRGGBB), after undoing the scanline filters.</summary>
        public static Dictionary<int, int> Colours(string path, out int width, out int height)
        {
            var bytes = File.ReadAllBytes(path);
            var signature = new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 };
            for (var i = 0; i < 8; i++) if (bytes[i] != signature[i]) throw new InvalidDataException("Not a PNG file.");
            width = 0; height = 0;
            int depth = 0, colourType = 0, interlace = 0;
            var idat = new MemoryStream();
            var at = 8;
            while (at + 8 <= bytes.Length)
            {
                var length = (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];
                var type = System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4);
                var data = at + 8;
                if (type == "IHDR")
                {
                    width = (bytes[data] << 24) | (bytes[data + 1] << 16) | (bytes[data + 2] << 8) | bytes[data + 3];
                    height = (bytes[data + 4] << 24) | (bytes[data + 5] << 16) | (bytes[data + 6] << 8) | bytes[data + 7];
                    depth = bytes[data + 8];
                    colourType = bytes[data + 9];
                    interlace = bytes[data + 12];
                }
                else if (type == "IDAT") idat.Write(bytes, data, length);
                else if (type == "IEND") break;
                at = data + length + 4;
            }
            if (depth != 8 || (colourType != 2 && colourType != 6) || interlace != 0)
                throw new InvalidDataException("Only 8-bit non-interlaced RGB or RGBA PNGs are read (depth " + depth + ", colour type " + colourType + ").");
            var channels = colourType == 6 ? 4 : 3;
            var stride = width * channels;
            var raw = new MemoryStream();
            idat.Position = 0;
            using (var z = new ZLibStream(idat, CompressionMode.Decompress)) z.CopyTo(raw);
            var packed = raw.ToArray();
            if (packed.Length < (stride + 1) * height) throw new InvalidDataException("The image data is short.");
            var previous = new byte[stride];
            var line = new byte[stride];
            var colours = new Dictionary<int, int>();
            for (var y = 0; y < height; y++)
            {
                var offset = y * (stride + 1);
                var filter = packed[offset];
                for (var x = 0; x < stride; x++)
                {
                    int a = x >= channels ? line[x - channels] : 0, b = previous[x], c = x >= channels ? previous[x - channels] : 0;
                    int v = packed[offset + 1 + x];
                    switch (filter)
                    {
                        case 1: v += a; break;
                        case 2: v += b; break;
                        case 3: v += (a + b) / 2; break;
                        case 4:
                            int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
                            v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
                            break;
                    }
                    line[x] = (byte)v;
                }
                for (var x = 0; x < width; x++)
                {
                    var rgb = (line[x * channels] << 16) | (line[x * channels + 1] << 8) | line[x * channels + 2];
                    colours.TryGetValue(rgb, out var n);
                    colours[rgb] = n + 1;
                }
                var swap = previous; previous = line; line = swap;
            }
            return colours;
        }
    }
}
'@
}

function Get-PngColour {
    <#
    .SYNOPSIS
        Reads a PNG's pixels (zlib-inflating its IDAT chunks and undoing the scanline filters) and returns its size
        and how many pixels have each colour ('#rrggbb' keys).
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param([Parameter(Mandatory)] [string] $Path)
    $width = 0; $height = 0
    $counts = [HuaweiMigrationTools.PngPixels]::Colours((Resolve-Path -LiteralPath $Path).Path, [ref] $width, [ref] $height)
    $byColour = @{}
    foreach ($kv in $counts.GetEnumerator()) { $byColour['#{0:x6}' -f $kv.Key] = $kv.Value }
    [pscustomobject]@{ Width = $width; Height = $height; Colours = $byColour }
}

Export-ModuleMember -Function Install-HeadlessChromium, Invoke-HeadlessChromium, Get-PngColour
