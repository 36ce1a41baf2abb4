using System;
using HuaweiMigration.Client.Reports;
using HuaweiMigration.Models;
using Xunit;

namespace HuaweiMigration.Tests.Client
{
    /// <summary>The report's time left and speed: a huge remain_seconds is clamped, and only tasks moving data show either.</summary>
    public class ReportRowRepairTests
    {
        [Theory]
        [InlineData(long.MaxValue, "over 999 d")]
        [InlineData(long.MaxValue - 58, "over 999 d")]
        [InlineData(HtmlReportWriter.MaxShownSeconds + 1, "over 999 d")]
        [InlineData(HtmlReportWriter.MaxShownSeconds, "999 d 0 h")]
        public void A_huge_time_left_is_clamped_never_negative(long seconds, string expected)
        {
            var text = HtmlReportWriter.Duration(seconds);
            Assert.Equal(expected, text);
            Assert.DoesNotContain("-", text);
        }

        [Theory]
        [InlineData("RUNNING", true)]
        [InlineData("SYNCING", true)]
        [InlineData("ABORTING", false)]
        [InlineData("DELETING", false)]
        [InlineData("SKIPPING", false)]
        public void Speed_and_time_left_are_shown_only_for_SMS_tasks_moving_data(string state, bool shown)
        {
            var task = new SmsTask { Id = "t-1", Name = "web-01", RawState = state, MigrateSpeed = 120.5, RemainSeconds = 3600 };

            var row = ReportBuilder.SmsRow(task, DateTime.UtcNow);

            Assert.Equal(ReportStateGroup.Running, row.Group);
            Assert.Equal(shown ? 120.5 : (double?)null, row.SpeedMbitPerSecond);
            Assert.Equal(shown ? 3600 : (long?)null, row.SecondsLeft);
        }

        [Theory]
        [InlineData("INCRMIGEATING", true)]
        [InlineData("FULLMIGRATING", true)]
        [InlineData("TERMINATING", false)]
        [InlineData("CREATING", false)]
        public void Speed_is_shown_only_for_DCS_tasks_moving_data(string status, bool shown)
        {
            var task = new DcsMigrationTask { TaskId = "d-1", TaskName = "cache-01", RawStatus = status };

            var row = ReportBuilder.DcsRow(task, new DcsMigrationProgress { TaskId = "d-1", TargetInputKbps = "1000" });

            Assert.Equal(shown ? 8 : (double?)null, row.SpeedMbitPerSecond);
        }
    }
}
