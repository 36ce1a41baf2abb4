using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Tests.Infrastructure;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>
    /// The help the build generates (en-US/HuaweiMigration.dll-Help.xml from the XML doc comments, and the about
    /// topic), as Get-Help shows it in a runspace that imported the assembled module — whatever the UI culture of
    /// this process (en-US help is the fallback PowerShell uses).
    /// </summary>
    public class HelpTests : IClassFixture<HelpTests.Session>
    {
        /// <summary>One runspace with the module imported, shared by the tests of this class (help is read-only).</summary>
        public sealed class Session : IDisposable
        {
            public PsSession Ps { get; } = new PsSession();

            public void Dispose() => Ps.Dispose();
        }

        private readonly PsSession _ps;

        public HelpTests(Session session) => _ps = session.Ps;

        private List<string> ExportedCommands()
        {
            var r = _ps.Run("Get-Command -Module HuaweiMigration | ForEach-Object Name");
            Assert.True(r.Errors.Count == 0 && r.Terminating is null, r.Describe());
            var names = r.Output.Select(o => o.ToString()).ToList();
            Assert.Equal(51, names.Count);
            return names;
        }

        private static object? Base(object? value) => value is PSObject p ? p.BaseObject : value;

        private static List<string> Strings(object? value) =>
            Base(value) switch
            {
                null => new List<string>(),
                System.Collections.IEnumerable items when Base(value) is not string => items.Cast<object?>().Select(i => Base(i)?.ToString() ?? string.Empty).ToList(),
                var single => new List<string> { single.ToString() ?? string.Empty },
            };

        private string Culture() =>
            string.Join(", ", _ps.Run("\"UI culture '$([cultureinfo]::CurrentUICulture.Name)', help file '$((Get-Command Get-SmsTask).HelpFile)'\"").Output);

        [Fact]
        public void Connect_help_shows_how_a_background_job_connects_and_the_testing_tip()
        {
            var r = _ps.Run("(Get-Help Connect-HuaweiCloud -Examples).examples.example | ForEach-Object { [string]$_.code + \"`n\" + (($_.remarks | ForEach-Object Text) -join ' ') }");
            Assert.True(r.Errors.Count == 0 && r.Terminating is null, r.Describe());
            var job = Assert.Single(r.Output.Select(o => o.ToString()), e => e.Contains("Start-Job", StringComparison.Ordinal));
            Assert.Contains("HUAWEICLOUD_SDK_AK", job);
            Assert.Contains("$using:", job);
            Assert.Contains("-PollInterval", job);
        }

        [Fact]
        public void Every_cmdlet_has_a_synopsis_a_description_and_a_description_for_every_parameter()
        {
            var problems = new List<string>();
            foreach (var name in ExportedCommands())
            {
                var r = _ps.Run(@"
                    $name = $args[0]
                    $help = Get-Help $name -Full
                    $common = [System.Management.Automation.Cmdlet]::CommonParameters
                    $documented = @{}
                    foreach ($p in @($help.parameters.parameter)) {
                        if ($p) { $documented[$p.name] = (@($p.description) | ForEach-Object Text) -join ' ' }
                    }
                    [pscustomobject]@{
                        Synopsis    = [string]$help.Synopsis
                        Description = (@($help.description) | ForEach-Object Text) -join ' '
                        Parameters  = @((Get-Command $name).Parameters.Keys | Where-Object { $_ -notin $common })
                        Documented  = $documented
                    }", name);
                Assert.True(r.Errors.Count == 0 && r.Terminating is null, name + ": " + r.Describe());
                var help = Assert.Single(r.Output);

                var synopsis = ((string?)help.Properties["Synopsis"].Value ?? string.Empty).Trim();
                // Without help, PowerShell makes the synopsis up from the syntax: "Get-SmsTask [-State <...>] ...".
                if (synopsis.Length == 0 || synopsis.StartsWith(name, StringComparison.OrdinalIgnoreCase) || synopsis.Contains("<CommonParameters>", StringComparison.Ordinal))
                {
                    problems.Add(name + ": no synopsis of its own (got '" + synopsis + "')");
                }
                var description = ((string?)help.Properties["Description"].Value ?? string.Empty).Trim();
                if (description.Length < 20) problems.Add(name + ": no description (got '" + description + "')");

                var documented = (System.Collections.Hashtable)Base(help.Properties["Documented"].Value)!;
                foreach (var parameter in Strings(help.Properties["Parameters"].Value))
                {
                    var text = documented.ContainsKey(parameter) ? ((string?)documented[parameter] ?? string.Empty).Trim() : null;
                    if (text is null) problems.Add(name + " -" + parameter + ": not in the help");
                    else if (text.Length == 0) problems.Add(name + " -" + parameter + ": no description");
                }
            }
            Assert.True(problems.Count == 0, Culture() + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }

        [Fact]
        public void Every_cmdlet_has_at_least_two_examples_that_use_real_parameters()
        {
            var problems = new List<string>();
            foreach (var name in ExportedCommands())
            {
                // Each example is parsed; every parameter given to a cmdlet of this module must resolve to one of its
                // parameters (or a common parameter), so a renamed parameter cannot leave a stale example behind.
                var r = _ps.Run(@"
                    $name = $args[0]
                    $examples = @((Get-Help $name -Examples).examples.example | Where-Object { $_ })
                    [pscustomobject]@{ Count = $examples.Count }
                    $number = 0
                    foreach ($example in $examples) {
                        $number++
                        $code = [string]$example.code
                        if (-not $code.Trim()) { ""example $number has no code""; continue }
                        $tokens = $null; $errors = $null
                        $ast = [System.Management.Automation.Language.Parser]::ParseInput($code, [ref]$tokens, [ref]$errors)
                        if ($errors) { ""example $number does not parse: $($errors[0].Message)""; continue }
                        foreach ($commandAst in $ast.FindAll({ $args[0] -is [System.Management.Automation.Language.CommandAst] }, $true)) {
                            $command = Get-Command -Module HuaweiMigration -Name $commandAst.GetCommandName() -ErrorAction SilentlyContinue
                            if (-not $command) { continue }
                            foreach ($parameterAst in $commandAst.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] }) {
                                try { $null = $command.ResolveParameter($parameterAst.ParameterName) }
                                catch { ""example ${number}: $($command.Name) has no parameter -$($parameterAst.ParameterName)"" }
                            }
                        }
                    }", name);
                Assert.True(r.Errors.Count == 0 && r.Terminating is null, name + ": " + r.Describe());
                var count = Convert.ToInt32(r.Output[0].Properties["Count"].Value, CultureInfo.InvariantCulture);
                if (count < 2) problems.Add(name + ": " + count + " example(s)");
                problems.AddRange(r.Output.Skip(1).Select(o => name + ": " + o));
            }
            Assert.True(problems.Count == 0, Culture() + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }

        [Fact]
        public void Examples_keep_their_line_breaks_and_have_a_remark()
        {
            var r = _ps.Run("(Get-Help Connect-HuaweiCloud -Examples).examples.example | ForEach-Object { [pscustomobject]@{ Code = [string]$_.code; Remarks = (@($_.remarks) | ForEach-Object Text) -join ' ' } }");
            Assert.True(r.Errors.Count == 0 && r.Terminating is null, r.Describe());
            Assert.NotEmpty(r.Output);
            Assert.All(r.Output, e => Assert.False(string.IsNullOrWhiteSpace((string?)e.Properties["Remarks"].Value)));
            var multiLine = r.Output.Select(e => (string)e.Properties["Code"].Value).First(c => c.Contains("$cred =", StringComparison.Ordinal));
            var lines = multiLine.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            Assert.True(lines.Length >= 2, multiLine);
            Assert.StartsWith("$cred =", lines[0], StringComparison.Ordinal);
            Assert.StartsWith("Connect-HuaweiCloud ", lines[1], StringComparison.Ordinal);
        }

        [Fact]
        public void Parameter_help_comes_from_the_declaring_class_and_shows_how_the_parameter_binds()
        {
            // -Context is declared on the base class of every API cmdlet; -Id of Stop-DcsMigrationTask on the cmdlet.
            var r = _ps.Run(@"
                $context = Get-Help Get-SmsTask -Parameter Context
                $id = Get-Help Stop-DcsMigrationTask -Parameter Id
                $timeout = Get-Help Wait-SmsTask -Parameter Timeout
                [pscustomobject]@{
                    Context         = (@($context.description) | ForEach-Object Text) -join ' '
                    IdRequired      = [string]$id.required
                    IdPosition      = [string]$id.position
                    IdPipeline      = [string]$id.pipelineInput
                    IdAliases       = [string]$id.aliases
                    Timeout         = (@($timeout.description) | ForEach-Object Text) -join ' '
                    PollDefault     = [string](Get-Help Wait-SmsTask -Parameter PollInterval).defaultValue
                    States          = @((Get-Help Get-SmsTask -Parameter State).parameterValueGroup.parameterValue)
                    WhatIf          = (@((Get-Help Remove-SmsTask -Parameter WhatIf).description) | ForEach-Object Text) -join ' '
                }");
            Assert.True(r.Errors.Count == 0 && r.Terminating is null, r.Describe());
            var p = Assert.Single(r.Output);
            Assert.Contains("Connect-HuaweiCloud", (string)p.Properties["Context"].Value, StringComparison.Ordinal);
            Assert.Equal("true", (string)p.Properties["IdRequired"].Value);
            Assert.Equal("0", (string)p.Properties["IdPosition"].Value);
            Assert.Contains("ByPropertyName", (string)p.Properties["IdPipeline"].Value, StringComparison.Ordinal);
            Assert.Contains("TaskId", (string)p.Properties["IdAliases"].Value, StringComparison.Ordinal);
            Assert.Contains("OperationTimeout", (string)p.Properties["Timeout"].Value, StringComparison.Ordinal);
            Assert.Equal("1, growing to 10", (string)p.Properties["PollDefault"].Value);
            var states = Strings(p.Properties["States"].Value);
            Assert.Contains("RUNNING", states);
            Assert.Contains("MIGRATE_FAIL", states);
            Assert.False(string.IsNullOrWhiteSpace((string)p.Properties["WhatIf"].Value));
        }

        [Fact]
        public void Syntax_has_one_item_per_parameter_set_with_the_ShouldProcess_and_paging_parameters()
        {
            var r = _ps.Run(@"
                [pscustomobject]@{
                    Start = @((Get-Help Start-SmsTask).syntax.syntaxItem | ForEach-Object { @($_.parameter | ForEach-Object name) -join ',' })
                    Get   = @((Get-Help Get-SmsTask).syntax.syntaxItem | ForEach-Object { @($_.parameter | ForEach-Object name) -join ',' })
                    Outputs = [string](Get-Help Get-SmsTask).returnValues.returnValue.type.name
                    Inputs  = @((Get-Help Stop-DcsMigrationTask).inputTypes.inputType | ForEach-Object { $_.type.name })
                }");
            Assert.True(r.Errors.Count == 0 && r.Terminating is null, r.Describe());
            var o = Assert.Single(r.Output);
            var start = Strings(o.Properties["Start"].Value);
            Assert.Equal(2, start.Count);
            Assert.All(start, s => Assert.EndsWith("WhatIf,Confirm", s, StringComparison.Ordinal));
            Assert.Contains(start, s => s.StartsWith("Id,", StringComparison.Ordinal));
            Assert.Contains(start, s => s.StartsWith("InputObject,", StringComparison.Ordinal));
            var get = Strings(o.Properties["Get"].Value);
            Assert.Equal(2, get.Count);
            Assert.All(get, s => Assert.Contains("IncludeTotalCount,Skip,First", s, StringComparison.Ordinal));
            Assert.Equal("HuaweiMigration.Models.SmsTask", (string)o.Properties["Outputs"].Value);
            var inputs = Strings(o.Properties["Inputs"].Value);
            Assert.Contains("System.String[]", inputs);
            Assert.Contains("HuaweiMigration.Models.DcsMigrationTask", inputs);
        }

        [Fact]
        public void The_about_topic_is_found_and_covers_the_essentials()
        {
            var r = _ps.Run("Get-Help about_HuaweiMigration");
            Assert.True(r.Errors.Count == 0 && r.Terminating is null, Culture() + " " + r.Describe());
            var text = string.Join(Environment.NewLine, r.Output.Select(o => o.ToString()));
            Assert.Contains("about_HuaweiMigration", text, StringComparison.Ordinal);
            foreach (var expected in new[]
            {
                "SHORT DESCRIPTION", "LONG DESCRIPTION", "SEE ALSO",
                "HUAWEICLOUD_SDK_AK", "-SmsEndpoint", "-Context", "-PollInterval", "-ThrottleLimit", "RequestId",
                "-RequestTimeoutSec", "retry budget", "/_sim/faults", "sim-user",
            })
            {
                Assert.Contains(expected, text, StringComparison.Ordinal);
            }
            foreach (var name in ExportedCommands())
            {
                Assert.Contains(name, text, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void Every_cmdlet_links_to_the_about_topic()
        {
            var r = _ps.Run("Get-Command -Module HuaweiMigration | ForEach-Object { [pscustomobject]@{ Name = $_.Name; Links = @((Get-Help $_.Name).relatedLinks.navigationLink | ForEach-Object linkText) -join ',' } }");
            Assert.True(r.Errors.Count == 0 && r.Terminating is null, r.Describe());
            Assert.Equal(51, r.Output.Count);
            Assert.All(r.Output, o => Assert.Contains("about_HuaweiMigration", (string)o.Properties["Links"].Value, StringComparison.Ordinal));
        }
    }
}
