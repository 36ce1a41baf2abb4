using HuaweiMigration.Client.Dcs;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Models;
using Xunit;

namespace HuaweiMigration.Tests.Engine
{
    /// <summary>The IP switch's rules: when a wait is over, and which tasks can switch or roll back at all.</summary>
    public class DcsExchangeRuleTests
    {
        private static DcsMigrationTask Task(string status, string? taskStatus = null, string type = "online_migration", string? sourceId = "src", string? instanceStatus = null) => new DcsMigrationTask
        {
            TaskId = "d1",
            TaskName = "cache-1",
            RawStatus = status,
            TaskStatus = taskStatus,
            MigrationType = type,
            SourceInstance = new DcsInstance { Id = sourceId, Ip = "10.0.0.1", Addrs = "10.0.0.1:6379", TaskStatus = instanceStatus },
            TargetInstance = new DcsInstance { Id = "dst", Addrs = "10.0.0.2:6379" },
        };

        private static WaitEntry<DcsMigrationTask> Entry() => new WaitEntry<DcsMigrationTask>("d1", null, null);

        [Theory]
        [InlineData("INCRMIGEATING", "EXCHANGING", null, WaitVerdictKind.Continue, null)]
        [InlineData("INCRMIGEATING", null, "EXCHANGING", WaitVerdictKind.Continue, null)] // only an instance says so
        [InlineData("INCRMIGEATING", null, null, WaitVerdictKind.Reached, null)]
        [InlineData("SUCCESS", "", null, WaitVerdictKind.Reached, null)]
        [InlineData("FAILED", null, null, WaitVerdictKind.Failed, "DcsTaskFailed")]
        public void Exchanged_by_the_table(string status, string? taskStatus, string? instanceStatus, WaitVerdictKind kind, string? errorId)
        {
            var verdict = DcsActions.SwitchIp.WaitRule(System.TimeSpan.Zero)(Entry(), Task(status, taskStatus, instanceStatus: instanceStatus));
            Assert.Equal(kind, verdict.Kind);
            Assert.Equal(errorId, verdict.ErrorId);
            Assert.Equal(WaitVerdictKind.Failed, DcsActions.RollbackIp.WaitRule(System.TimeSpan.Zero)(Entry(), null).Kind);
        }

        [Theory]
        [InlineData("INCRMIGEATING", null, "online_migration", "src", null)]
        [InlineData("SUCCESS", null, "online_migration", "src", null)]
        [InlineData("FULLMIGRATING", null, "online_migration", "src", "FULLMIGRATING")]
        [InlineData("INCRMIGEATING", "EXCHANGING", "online_migration", "src", "EXCHANGING")]
        [InlineData("SUCCESS", null, "backupfile_import", "src", "backupfile_import")]
        [InlineData("INCRMIGEATING", null, "online_migration", null, null)] // a self-built source: the service judges
        public void Who_can_switch(string status, string? taskStatus, string type, string? sourceId, string? refusalMentions)
        {
            var why = DcsClient.WhyNoSwitch(Task(status, taskStatus, type, sourceId));
            if (refusalMentions is null) Assert.Null(why);
            else Assert.Contains(refusalMentions, why);
        }

        [Fact]
        public void Exchanged_ips_are_the_source_and_target_addresses_each_once()
        {
            // The target has no ip field here: the host of its addrs stands in.
            Assert.Equal(new[] { "10.0.0.1", "10.0.0.2" }, DcsClient.ExchangedIps(Task("INCRMIGEATING")));
            Assert.Null(DcsClient.WhyNoRollback(Task("INCRMIGEATING")));
            Assert.Contains("EXCHANGING", DcsClient.WhyNoRollback(Task("INCRMIGEATING", "EXCHANGING")));
        }
    }
}
