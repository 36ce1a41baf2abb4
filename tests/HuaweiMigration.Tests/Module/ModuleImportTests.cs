using System.Linq;
using HuaweiMigration.Tests.Infrastructure;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    public class ModuleImportTests
    {
        [Fact]
        public void The_assembled_module_imports_and_exports_its_cmdlets()
        {
            using var ps = new PsSession();
            var r = ps.Run("Get-Command -Module HuaweiMigration | ForEach-Object { $_.Name }");
            var names = r.Output.Select(o => o.ToString()).OrderBy(n => n).ToArray();
            Assert.Equal(new[]
            {
                "Clear-SmsTaskSnapshot",
                "Connect-HuaweiCloud",
                "Disconnect-HuaweiCloud",
                "Export-HuaweiMigrationReport",
                "Get-DcsMigrationLog",
                "Get-DcsMigrationProgress",
                "Get-DcsMigrationTask",
                "Get-HuaweiCloudContext",
                "Get-SmsConsistencyResult",
                "Get-SmsMigrationError",
                "Get-SmsMigrationProject",
                "Get-SmsOverview",
                "Get-SmsSourceServer",
                "Get-SmsTask",
                "Get-SmsTaskConfiguration",
                "Get-SmsTaskSpeedLimit",
                "Get-SmsTemplate",
                "Invoke-HuaweiMigrationPlan",
                "Invoke-SmsTaskAction",
                "New-DcsMigrationTask",
                "New-SmsMigrationProject",
                "New-SmsTask",
                "New-SmsTemplate",
                "Remove-DcsMigrationTask",
                "Remove-SmsMigrationProject",
                "Remove-SmsSourceServer",
                "Remove-SmsTask",
                "Remove-SmsTemplate",
                "Restart-DcsMigrationTask",
                "Restart-SmsTask",
                "Send-SmsTaskLog",
                "Set-DcsMigrationTask",
                "Set-SmsMigrationProject",
                "Set-SmsSourceServer",
                "Set-SmsTask",
                "Set-SmsTaskConfiguration",
                "Set-SmsTaskSpeedLimit",
                "Set-SmsTemplate",
                "Start-SmsCloneTest",
                "Start-SmsCutover",
                "Start-SmsMigrationDrill",
                "Start-SmsTask",
                "Start-SmsTest",
                "Stop-DcsMigrationTask",
                "Suspend-SmsTask",
                "Switch-DcsMigrationIp",
                "Test-HuaweiMigrationPlan",
                "Test-SmsTaskNetwork",
                "Undo-DcsMigrationIp",
                "Wait-DcsMigrationTask",
                "Wait-SmsTask",
            }, names);

            var module = ps.Run("Get-Module HuaweiMigration | ForEach-Object { $_.ModuleBase }");
            Assert.EndsWith("HuaweiMigration", Assert.Single(module.Output).ToString().TrimEnd('/', '\\'));
            Assert.Contains("out", module.Output[0].ToString());
        }

        [Fact]
        public void Api_cmdlets_without_a_context_say_to_connect()
        {
            using var ps = new PsSession();
            var r = ps.Run("Get-SmsTask");
            var error = r.SingleError();
            Assert.Equal("HuaweiCloudNotConnected,HuaweiMigration.Commands.Sms.GetSmsTaskCommand", error.FullyQualifiedErrorId);
            Assert.Contains("Connect-HuaweiCloud", error.ToString());
        }
    }
}
