using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Simulator;
using HuaweiMigration.Tests.Infrastructure;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>
    /// Bad input over every cmdlet, as an attacker or a careless script would give it (a trailing newline from a file,
    /// control characters, an escape sequence, user information in an endpoint, a path in a template id, a pattern
    /// that is no pattern): each row is refused with its error id, a real category and a message that says why, and
    /// the simulator's request log shows that nothing was sent.
    /// </summary>
    public class BadInputTableTests : LifecycleTestBase
    {
        private const string Valid = "0b1c2d3e-0000-4000-8000-000000000001";

        private const string Bind = "ParameterArgumentValidationError";
        private const string Convert = "CannotConvertArgumentNoMessage";
        private const string Tpl = "-Region ap-southeast-1 -AvailabilityZone ap-southeast-1a -Flavor s6.large.2 -Vpc @{ Id = 'vpc-1' } -SecurityGroup @{ Id = 'sg-1'; Name = 'sg' }";

        private const string Connect = "Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $endpoint ";

        /// <summary>(script, error id, category, a fragment of the message).</summary>
        public static readonly object[][] Rows =
        {
            // Secrets with a control character: named, never quoted.
            Row(Connect + "-Token (Secure \"$planted`n\")", "InvalidConnectionParameter", ErrorCategory.InvalidArgument, "token in -Token holds U+000A (a line feed)"),
            Row(Connect + "-Token (Secure \"$planted`r`n\")", "InvalidConnectionParameter", ErrorCategory.InvalidArgument, "token in -Token holds U+000D"),
            Row(Connect + "-Token (Secure \"MII`e]0;x`a$planted\")", "InvalidConnectionParameter", ErrorCategory.InvalidArgument, "U+001B (a control character)"),
            Row(Connect + "-Token (Secure \"$planted`u{e9}\")", "InvalidConnectionParameter", ErrorCategory.InvalidArgument, "token in -Token holds a character that is not printable ASCII"),
            Row(Connect + "-Token (Secure \" $planted\")", "InvalidConnectionParameter", ErrorCategory.InvalidArgument, "begins or ends with a space"),
            Row(Connect + "-AccessKey SIMAKEXAMPLE00000001 -SecretKey (Secure \"$planted`n\")", "InvalidConnectionParameter", ErrorCategory.InvalidArgument, "secret key in -SecretKey holds U+000A"),
            Row(Connect + "-AccessKey SIMAKEXAMPLE00000001 -SecretKey $sk -SecurityToken (Secure \"$planted`r\")", "InvalidConnectionParameter", ErrorCategory.InvalidArgument, "security token in -SecurityToken holds U+000D"),
            Row(Connect + "-AccessKey \"AK`r`nX: 1\" -SecretKey $sk", "InvalidConnectionParameter", ErrorCategory.InvalidArgument, "access key in -AccessKey holds U+000D"),
            Row(Connect + "-AccessKey \"SIMAKEXAMPLE00000001 \" -SecretKey $sk", "InvalidConnectionParameter", ErrorCategory.InvalidArgument, "begins or ends with a space"),
            Row(Connect + "-AccessKey \"SIMAK`tEXAMPLE\" -SecretKey $sk", "InvalidConnectionParameter", ErrorCategory.InvalidArgument, "U+0009"),
            // Connection settings.
            Row("Connect-HuaweiCloud -Region \"ap-southeast-1`n\" -Endpoint $endpoint -Credential $cred", "InvalidConnectionParameter", ErrorCategory.InvalidArgument, "not a region name"),
            Row("Connect-HuaweiCloud -Region \"ap-southeast-1`e[2J\" -Endpoint $endpoint -Credential $cred", "InvalidConnectionParameter", ErrorCategory.InvalidArgument, "not a region name"),
            Row("Connect-HuaweiCloud -Region ap-southeast-1 -Credential $cred -Endpoint (\"http://sim-user:Sim-Passw0rd!@\" + $endpoint.Authority)", "InvalidConnectionParameter", ErrorCategory.InvalidArgument, "user name or password"),
            Row("Connect-HuaweiCloud -Region ap-southeast-1 -Credential $cred -Endpoint $endpoint -IamEndpoint 'https://user:secret@iam.example.com'", "InvalidConnectionParameter", ErrorCategory.InvalidArgument, "user name or password"),
            Row("Connect-HuaweiCloud -Region ap-southeast-1 -Credential $cred -Endpoint $endpoint -ProjectId \"p1`n\"", "InvalidConnectionParameter", ErrorCategory.InvalidArgument, "U+000A"),
            Row("Connect-HuaweiCloud -Region ap-southeast-1 -Credential $cred -Endpoint $endpoint -DomainId 'd/../x'", "InvalidConnectionParameter", ErrorCategory.InvalidArgument, "not allowed"),
            Row("Connect-HuaweiCloud -Region ap-southeast-1 -Credential $cred -Endpoint $endpoint -Scope Everywhere", Convert, ErrorCategory.InvalidArgument, "Everywhere"),
            Row("Disconnect-HuaweiCloud -Scope Everywhere", Convert, ErrorCategory.InvalidArgument, "Everywhere"),
            Row("Get-HuaweiCloudContext -NoSuchParameter", "NamedParameterNotFound", ErrorCategory.InvalidArgument, "NoSuchParameter"),
            // SMS tasks: ids, names, filters and paging.
            Row("Get-SmsTask -Id \"0b1c2d3e-0000`n\"", "InvalidSmsTaskId", ErrorCategory.InvalidArgument, "U+000A (a line feed)"),
            Row("Get-SmsTask -Name '['", Bind, ErrorCategory.InvalidData, "not a valid wildcard pattern"),
            Row("Get-SmsTask -Name '*['", Bind, ErrorCategory.InvalidData, "not a valid wildcard pattern"),
            Row("Get-SmsTask -Name 'a[b'", Bind, ErrorCategory.InvalidData, "not a valid wildcard pattern"),
            Row("Get-SmsTask -Name '[z-a]*'", Bind, ErrorCategory.InvalidData, "not a valid wildcard pattern"),
            Row("Get-SmsTask -Name 'mig-*', '['", Bind, ErrorCategory.InvalidData, "not a valid wildcard pattern"),
            Row("Get-SmsTask -Name \"web-01`n\"", Bind, ErrorCategory.InvalidData, "U+000A"),
            Row("Get-SmsTask -SourceServerId \"s1`n\"", Bind, ErrorCategory.InvalidData, "source server id"),
            Row("Get-SmsTask -SourceServerId '../sources'", Bind, ErrorCategory.InvalidData, "source server id"),
            Row("Get-SmsTask -EnterpriseProjectId \"0`n\"", Bind, ErrorCategory.InvalidData, "enterprise project id"),
            Row("Get-SmsTask -Skip ([uint64]::MaxValue)", "InvalidSkip", ErrorCategory.InvalidArgument, "at most 2147483647"),
            Row("Get-SmsSourceServer -Id \"s1`r\"", "InvalidSmsSourceServerId", ErrorCategory.InvalidArgument, "U+000D"),
            Row("Get-SmsSourceServer -Name 'a[b'", Bind, ErrorCategory.InvalidData, "not a valid wildcard pattern"),
            Row("Get-SmsSourceServer -EnterpriseProjectId \"0`e[2J\"", Bind, ErrorCategory.InvalidData, "enterprise project id"),
            Row("Get-SmsSourceServer -Skip ([uint64]::MaxValue)", "InvalidSkip", ErrorCategory.InvalidArgument, "at most 2147483647"),
            Row("Get-SmsSourceServer -State 'running'", Bind, ErrorCategory.InvalidData, "does not belong to the set"),
            Row("Get-SmsSourceServer -IPAddress '10.1'", Bind, ErrorCategory.InvalidData, "not an IP address"),
            Row("Get-SmsSourceServer -MigrationCycle 'done'", Bind, ErrorCategory.InvalidData, "does not belong to the set"),
            Row("Get-SmsSourceServer -MigrationProjectId \"p1`n\"", Bind, ErrorCategory.InvalidData, "migration project id"),
            Row("Set-SmsSourceServer -Id \"s1`r\" -Name web-01", "InvalidSmsSourceServerId", ErrorCategory.InvalidArgument, "U+000D"),
            Row("Set-SmsSourceServer -Id " + Valid + " -Name \"web-01`n\"", "InvalidSmsSourceServerName", ErrorCategory.InvalidArgument, "U+000A"),
            Row("Set-SmsSourceServer -Id " + Valid + " -Name ('x' * 256)", "InvalidSmsSourceServerName", ErrorCategory.InvalidArgument, "at most 255"),
            Row("Set-SmsSourceServer -Id " + Valid, "NothingToChange", ErrorCategory.InvalidArgument, "nothing to change"),
            Row("Set-SmsSourceServer -Id " + Valid + " -MigrationProjectId '../x'", Bind, ErrorCategory.InvalidData, "migration project id"),
            Row("Remove-SmsSourceServer -Id \"s1`n\" -Confirm:$false", "InvalidSmsSourceServerId", ErrorCategory.InvalidArgument, "U+000A"),
            Row("Start-SmsTask -Id \"t1`n\"", "InvalidSmsTaskId", ErrorCategory.InvalidArgument, "U+000A"),
            Row("Suspend-SmsTask -Id \"t1`n\"", "InvalidSmsTaskId", ErrorCategory.InvalidArgument, "U+000A"),
            Row("Restart-SmsTask -Id \"t1`e[2J\"", "InvalidSmsTaskId", ErrorCategory.InvalidArgument, "U+001B"),
            Row("Remove-SmsTask -Id \"t1`n\" -Confirm:$false", "InvalidSmsTaskId", ErrorCategory.InvalidArgument, "U+000A"),
            Row("Wait-SmsTask -Id \"t1`n\" -Timeout 1", "InvalidSmsTaskId", ErrorCategory.InvalidArgument, "U+000A"),
            Row("Start-SmsTest -Id \"t1`0\"", "InvalidSmsTaskId", ErrorCategory.InvalidArgument, "U+0000"),
            Row("Start-SmsCutover -Id \"t1`n\" -Confirm:$false", "InvalidSmsTaskId", ErrorCategory.InvalidArgument, "U+000A"),
            Row("Start-SmsCloneTest -Id " + Valid + " -TemplateId '../x'", Bind, ErrorCategory.InvalidData, "template id"),
            Row("Start-SmsCloneTest -Id " + Valid + " -TemplateId \"tpl-1`n\"", Bind, ErrorCategory.InvalidData, "template id"),
            Row("Start-SmsCloneTest -Id " + Valid + " -TemplateId \"a`r`nX-Injected: 1\"", Bind, ErrorCategory.InvalidData, "template id"),
            Row("Start-SmsCloneTest -Id " + Valid + " -TemplateId ('a' * 10240)", Bind, ErrorCategory.InvalidData, "at most 36"),
            Row("Start-SmsMigrationDrill -Id 'a b'", "InvalidSmsTaskId", ErrorCategory.InvalidArgument, "white space"),
            Row("Test-SmsTaskNetwork -Id \"t1`t\"", "InvalidSmsTaskId", ErrorCategory.InvalidArgument, "U+0009"),
            Row("Clear-SmsTaskSnapshot -Id \"t1`n\" -Confirm:$false", "InvalidSmsTaskId", ErrorCategory.InvalidArgument, "U+000A"),
            Row("Invoke-SmsTaskAction -Id " + Valid + " -Operation \"skip`n\"", "InvalidSmsTaskOperation", ErrorCategory.InvalidArgument, "skip"),
            Row("Invoke-SmsTaskAction -Id " + Valid + " -Operation 'Skip'", "InvalidSmsTaskOperation", ErrorCategory.InvalidArgument, "lowercase"),
            Row("Invoke-SmsTaskAction -Id " + Valid + " -Operation 'skip;stop'", "InvalidSmsTaskOperation", ErrorCategory.InvalidArgument, "lowercase"),
            Row("Invoke-SmsTaskAction -Id " + Valid + " -Operation clone_test -TemplateId '../x'", Bind, ErrorCategory.InvalidData, "template id"),
            Row("Get-SmsTaskSpeedLimit -Id \"t1`n\"", "InvalidSmsTaskId", ErrorCategory.InvalidArgument, "U+000A"),
            Row("Set-SmsTaskSpeedLimit -Id " + Valid + " -Rule @{ Start = \"08:00`n\"; End = '18:00'; Speed = 50 }", "InvalidSmsSpeedLimit", ErrorCategory.InvalidArgument, "HH:MM"),
            Row("Set-SmsTaskSpeedLimit -Id " + Valid + " -Rule @{ Start = '08:00'; End = \"18:00`r\"; Speed = 50 }", "InvalidSmsSpeedLimit", ErrorCategory.InvalidArgument, "HH:MM"),
            Row("Set-SmsTaskSpeedLimit -Id \"t1`n\" -Rule @{ Start = '08:00'; End = '18:00'; Speed = 50 }", "InvalidSmsTaskId", ErrorCategory.InvalidArgument, "U+000A"),
            // SMS migration projects.
            Row("Get-SmsMigrationProject -Id \"p1`n\"", "InvalidSmsMigrationProjectId", ErrorCategory.InvalidArgument, "U+000A"),
            Row("Get-SmsMigrationProject -Name 'a[b'", Bind, ErrorCategory.InvalidData, "not a valid wildcard pattern"),
            Row("New-SmsMigrationProject -Name 'wave 1' -Region ap-southeast-1", "InvalidSmsMigrationProject", ErrorCategory.InvalidArgument, "only letters, digits"),
            Row("New-SmsMigrationProject -Name \"wave-1`n\" -Region ap-southeast-1", Bind, ErrorCategory.InvalidData, "U+000A"),
            Row("Set-SmsMigrationProject -Id \"p1`r\" -SpeedLimit 10", "InvalidSmsMigrationProjectId", ErrorCategory.InvalidArgument, "U+000D"),
            Row("Set-SmsMigrationProject -Id " + Valid + " -Region 'ap southeast'", "InvalidSmsMigrationProject", ErrorCategory.InvalidArgument, "region"),
            Row("Remove-SmsMigrationProject -Id '../x' -Confirm:$false", "InvalidSmsMigrationProjectId", ErrorCategory.InvalidArgument, "not allowed in an id"),
            // SMS templates.
            Row("Get-SmsTemplate -Id \"t1`n\"", "InvalidSmsTemplateId", ErrorCategory.InvalidArgument, "U+000A"),
            Row("Get-SmsTemplate -AvailabilityZone \"az1`e[2J\"", Bind, ErrorCategory.InvalidData, "availability zone"),
            Row("New-SmsTemplate -Name web " + Tpl + " -Nic @{ Id = 'sub-1'; Name = 'sub' }", "InvalidSmsTemplate", ErrorCategory.InvalidArgument, "lacks the required key 'Cidr'"),
            Row("New-SmsTemplate -Name web " + Tpl + " -Nic @{ Id = 'sub-1'; Name = 'sub'; Cidr = '10.0.0.0/24'; Gateway = 'x' }", "InvalidSmsTemplate", ErrorCategory.InvalidArgument, "'Gateway'"),
            Row("New-SmsTemplate -Name web " + Tpl + " -Nic @{ Id = 's'; Name = 's'; Cidr = 'c' } -TargetPassword (Secure $planted) -Disk @{ Index = 0; Name = 'vda'; DiskType = 'SSD'; Size = '40GB' }", "InvalidSmsTemplate", ErrorCategory.InvalidArgument, "'Size' must be a whole number"),
            Row("Set-SmsTemplate -Id " + Valid + " -PublicIp @{ Type = '5_bgp' } -TargetPassword (Secure $planted)", "InvalidSmsTemplate", ErrorCategory.InvalidArgument, "lacks the required key 'BandwidthSize'"),
            Row("Remove-SmsTemplate -Id 'a/b' -Confirm:$false", "InvalidSmsTemplateId", ErrorCategory.InvalidArgument, "not allowed in an id"),
            Row("New-SmsTask -SourceServerId \"s1`n\" -TemplateId tpl-1", Bind, ErrorCategory.InvalidData, "source server id"),
            Row("New-SmsTask -SourceServerId s1 -TemplateId '../tpl'", Bind, ErrorCategory.InvalidData, "template id"),
            Row("New-SmsTask -SourceServerId s1 -TemplateId tpl-1 -Name 'web/01'", "InvalidSmsTaskName", ErrorCategory.InvalidArgument, "1 to 255 letters"),
            Row("New-SmsTask -SourceServerId s1", "SmsTaskTargetMissing", ErrorCategory.InvalidArgument, "-TargetServerId"),
            Row("New-SmsTask -SourceServerId s1 -TemplateId tpl-1 -Region \"ap-southeast-3`n\"", "InvalidRegion", ErrorCategory.InvalidArgument, "not a region name"),
            Row("New-SmsTask -SourceServerId s1 -TemplateId tpl-1 -Region ap-southeast-3", "TargetProjectUnknown", ErrorCategory.InvalidArgument, "-ProjectId"),
            Row("New-SmsTask -SourceServerId s1 -TemplateId tpl-1 -TargetServerId vm-1", "AmbiguousSmsTaskTarget", ErrorCategory.InvalidArgument, "not both"),
            Row("New-SmsTask -SourceServerId s1 -TemplateId tpl-1 -MigrationIp 10.0.0.300", Bind, ErrorCategory.InvalidData, "10.0.0.300"),
            Row("Set-SmsTask -Id " + Valid + " -MigrationIp 'eip-of-web'", Bind, ErrorCategory.InvalidData, "eip-of-web"),
            Row("Set-SmsTemplate -Id " + Valid + " -Confirm:$false", "NoSmsTemplateChange", ErrorCategory.InvalidArgument, "Nothing to change"),
            Row("Set-SmsTask -Id \"t1`n\" -SpeedLimit 10", "InvalidSmsTaskId", ErrorCategory.InvalidArgument, "U+000A"),
            Row("Set-SmsTask -Id " + Valid + " -Name \"web-01`n\"", "InvalidSmsTaskName", ErrorCategory.InvalidArgument, "1 to 255 letters"),
            // DCS.
            Row("Get-DcsMigrationTask -Id \"d1`n\"", "InvalidDcsTaskId", ErrorCategory.InvalidArgument, "U+000A"),
            Row("Get-DcsMigrationTask -Name '['", Bind, ErrorCategory.InvalidData, "not a valid wildcard pattern"),
            Row("Get-DcsMigrationTask -ProjectId \"p1`n\"", "InvalidProjectId", ErrorCategory.InvalidArgument, "U+000A"),
            Row("Get-DcsMigrationTask -Skip ([uint64]::MaxValue)", "InvalidSkip", ErrorCategory.InvalidArgument, "at most 2147483647"),
            Row("Stop-DcsMigrationTask -Id \"d1`n\"", "InvalidDcsTaskId", ErrorCategory.InvalidArgument, "U+000A"),
            Row("Stop-DcsMigrationTask -Id d1 -ProjectId \"p1`r`n\"", "InvalidProjectId", ErrorCategory.InvalidArgument, "U+000D"),
            Row("Restart-DcsMigrationTask -Id \"d1`e]0;pwned`a\"", "InvalidDcsTaskId", ErrorCategory.InvalidArgument, "U+001B"),
            Row("Remove-DcsMigrationTask -Id \"d1`n\" -Confirm:$false", "InvalidDcsTaskId", ErrorCategory.InvalidArgument, "U+000A"),
            Row("Wait-DcsMigrationTask -Id \"d1`n\" -Timeout 1", "InvalidDcsTaskId", ErrorCategory.InvalidArgument, "U+000A"),
            Row("Get-DcsMigrationProgress -Id \"d1`n\"", "InvalidDcsTaskId", ErrorCategory.InvalidArgument, "U+000A"),
            Row("Switch-DcsMigrationIp -Id \"d1`n\" -Confirm:$false", "InvalidDcsTaskId", ErrorCategory.InvalidArgument, "U+000A"),
            Row("Undo-DcsMigrationIp -Id \"d1`n\" -Confirm:$false", "InvalidDcsTaskId", ErrorCategory.InvalidArgument, "U+000A"),
            Row("Get-DcsMigrationLog -Id \"d1`n\"", "InvalidDcsTaskId", ErrorCategory.InvalidArgument, "U+000A"),
            Row("Get-DcsMigrationProgress -Id d1 -ProjectId '../p'", "InvalidProjectId", ErrorCategory.InvalidArgument, "not allowed"),
            Row("New-DcsMigrationTask -Name r1 -Online -SourceAddress redis.local -TargetInstanceId t1 -Method Full -VpcId v1 -SubnetId s1 -SecurityGroupId g1", "InvalidDcsMigrationSettings", ErrorCategory.InvalidArgument, "'host:port'"),
            Row("New-DcsMigrationTask -Name r1 -Online -SourceAddress \"redis://:$planted@10.0.0.1:6379\" -TargetInstanceId t1 -Method Full -VpcId v1 -SubnetId s1 -SecurityGroupId g1", "InvalidDcsMigrationSettings", ErrorCategory.InvalidArgument, "user information, not shown"),
            Row("New-DcsMigrationTask -Name r1 -BackupFile -BucketName b1 -TargetInstanceId t1", "InvalidDcsMigrationSettings", ErrorCategory.InvalidArgument, "-File"),
            Row("Set-DcsMigrationTask -Id \"d1`n\" -ResumeMode Auto", Bind, ErrorCategory.InvalidData, "DCS migration task id"),
            // Wave plans.
            Row("Test-HuaweiMigrationPlan -Path ./no-such-plan.csv", "MigrationPlanNotFound", ErrorCategory.ObjectNotFound, "does not exist"),
            Row("Invoke-HuaweiMigrationPlan -Path ./no-such-plan.csv -Stage Create -Force -RedisPassword @{ '10.0.0.1:6379' = \"$planted\" }", "RedisPasswordNotSecure", ErrorCategory.InvalidArgument, "not a SecureString"),
            Row("Set-DcsMigrationTask -Id d1 -Configure -SourceAddress 10.0.0.1:6379 -SourceInstanceId s1 -TargetInstanceId t1 -Method Full", "InvalidDcsMigrationSettings", ErrorCategory.InvalidArgument, "not both"),
            // SMS triage.
            Row("Get-SmsOverview -NoSuchParameter", "NamedParameterNotFound", ErrorCategory.InvalidArgument, "NoSuchParameter"),
            Row("Get-SmsMigrationError -EnterpriseProjectId \"0`n\"", Bind, ErrorCategory.InvalidData, "enterprise project id"),
            Row("Get-SmsConsistencyResult -Id \"t1`n\"", "InvalidSmsTaskId", ErrorCategory.InvalidArgument, "U+000A"),
            Row("Get-SmsTaskConfiguration -Id " + Valid + " -Key NO_SUCH_KEY", "InvalidSmsConfigurationKey", ErrorCategory.InvalidArgument, "Unknown setting 'NO_SUCH_KEY'"),
            Row("Get-SmsTaskConfiguration -Id " + Valid + " -Key \"LINUX_CPU_LIMIT`n\"", "InvalidSmsConfigurationKey", ErrorCategory.InvalidArgument, "U+000A"),
            Row("Set-SmsTaskConfiguration -Id " + Valid + " -Configuration @{ MigrateExcludeDirs = '/tmp' }", "InvalidSmsTaskConfiguration", ErrorCategory.InvalidArgument, "Unknown setting 'MigrateExcludeDirs'"),
            Row("Set-SmsTaskConfiguration -Id " + Valid + " -Configuration @{ SYNC_EXCLUDE_DIR = \"/var/log`n\" }", "InvalidSmsTaskConfiguration", ErrorCategory.InvalidArgument, "U+000A"),
            Row("Set-SmsTaskConfiguration -Id \"t1`n\" -Configuration @{ LINUX_CPU_LIMIT = 50 }", "InvalidSmsTaskId", ErrorCategory.InvalidArgument, "U+000A"),
            Row("Send-SmsTaskLog -Id " + Valid + " -BucketName Support_Logs", "InvalidObsBucketName", ErrorCategory.InvalidArgument, "not an OBS bucket name"),
            Row("Send-SmsTaskLog -Id \"t1`n\" -BucketName support-logs -Confirm:$false", "InvalidSmsTaskId", ErrorCategory.InvalidArgument, "U+000A"),
            // Reports: a file whose format cannot be told, refused before anything is read or written.
            Row("Export-HuaweiMigrationReport -Path ([IO.Path]::Combine([IO.Path]::GetTempPath(), 'wave-report.pdf'))", "InvalidReportFormat", ErrorCategory.InvalidArgument, "name the file .html, .htm or .csv"),
        };

        private static object[] Row(string script, string errorId, ErrorCategory category, string message) => new object[] { script, errorId, category, message };

        public BadInputTableTests()
        {
            Ps.Set("planted", "MIIplanted-" + Guid.NewGuid().ToString("N"));
            Ps.Set("sk", PsSession.Secure(SimulatorCredentials.SecretKey));
            // ConvertTo-SecureString as a user would type it (the hosted session has no Security module).
            Ps.Run("function Secure([string] $Text) { $s = [securestring]::new(); foreach ($c in $Text.ToCharArray()) { $s.AppendChar($c) }; $s }");
        }

        [Theory]
        [MemberData(nameof(Rows))]
        public void Is_refused_before_any_request(string script, string errorId, ErrorCategory category, string message)
        {
            var planted = (string)Ps.Run("$planted").Output.Single().BaseObject;
            var r = Ps.Run(script);
            var error = r.Terminating is IContainsErrorRecord t ? t.ErrorRecord : r.SingleError();
            Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId + ",");
            Assert.Equal(category, error.CategoryInfo.Category);
            Assert.Contains(message, error.ToString());
            Assert.DoesNotContain(planted, r.AllText() + error + error.Exception);
            Assert.Empty(Sim.State.Requests);
        }

        [Fact]
        public void Every_cmdlet_has_a_row()
        {
            var cmdlets = Ps.Run("(Get-Command -Module HuaweiMigration -CommandType Cmdlet).Name").Output.Select(o => o.ToString()).ToList();
            Assert.NotEmpty(cmdlets);
            var covered = Rows.Select(r => ((string)r[0]).Split(' ')[0]).ToHashSet(StringComparer.Ordinal);
            var missing = cmdlets.Where(c => !covered.Contains(c)).ToList();
            Assert.True(missing.Count == 0, "No bad-input row for: " + string.Join(", ", missing));
        }

        [Theory]
        [InlineData("Get-SmsTask -First 0")]
        [InlineData("Get-SmsTask -First 0 -Name 'web-*'")]
        [InlineData("Get-SmsTask -First 0 -State RUNNING")]
        [InlineData("Get-SmsSourceServer -First 0")]
        [InlineData("Get-DcsMigrationTask -First 0")]
        [InlineData("Get-SmsTask -Id $ids -First 0")]
        [InlineData("Get-SmsMigrationProject -First 0")]
        [InlineData("Get-SmsMigrationProject -First 0 -Name 'def*'")]
        [InlineData("Get-SmsTemplate -First 0 -Region ap-southeast-1")]
        [InlineData("Get-SmsTemplate -Id $ids -First 0")]
        public void First_0_writes_nothing_and_sends_nothing(string script)
        {
            var ids = AddTasks(3, "RUNNING", "web");
            Sim.State.Dcs.Add("dcs-a", "SUCCESS");
            Ps.Set("ids", ids);
            Sim.State.ClearRequests();
            var r = Ps.Run(script);
            Assert.True(r.Errors.Count == 0 && r.Terminating is null, r.Describe());
            Assert.Empty(r.Output);
            Assert.Empty(Sim.State.Requests);

            // The piped form a script would use: nothing reaches Remove-SmsTask.
            var removed = Ps.Run("$n = 0; Get-SmsTask -First $n | Remove-SmsTask -Force");
            Assert.True(removed.Errors.Count == 0, removed.Describe());
            Assert.Empty(Sim.State.Requests);
            Assert.Equal(3, Sim.State.Sms.Count);
        }
    }
}
