using System;
using System.Globalization;
using System.Linq;
using HuaweiMigration.Client.Dcs;

namespace HuaweiMigration.Client.Plans
{
    public static partial class PlanChecker
    {
        private static void Redis(PlanCheck check, PlanInventory inventory, PlanShape shape)
        {
            var row = check.Row;
            TaskName(check);
            if (row.Name != null)
            {
                var tasks = inventory.DcsTasksNamed(row.Name);
                if (tasks.Count > 1) check.Problem(PlanColumns.Name, PlanText.Quote(row.Name) + " names " + tasks.Count + " DCS migration tasks (" + string.Join(", ", tasks.Select(t => t.TaskId)) + "): remove the extra tasks or rename the row.");
                else if (tasks.Count == 1) check.DcsTask = tasks[0];
            }
            RedisSource(check);
            if (Required(check, shape, PlanColumns.TargetInstanceId, "give the id of the DCS instance to migrate into") is string target)
            {
                ApiId(check, PlanColumns.TargetInstanceId, target, "DCS instance id");
            }
            const string network = " (an online migration runs a migration machine there)";
            if (Required(check, shape, PlanColumns.VpcId, "give the id of the VPC the migration runs in" + network) is string vpc) ApiId(check, PlanColumns.VpcId, vpc, "VPC id");
            if (Required(check, shape, PlanColumns.SubnetId, "give the id of the subnet the migration runs in" + network) is string subnet) ApiId(check, PlanColumns.SubnetId, subnet, "subnet id");
            if (Required(check, shape, PlanColumns.SecurityGroupId, "give the id of the security group of the migration" + network) is string group) ApiId(check, PlanColumns.SecurityGroupId, group, "security group id");
            OneOf(check, PlanColumns.Method, "Full", "Incremental");
            Between(check, PlanColumns.BandwidthLimitMB, 1, DcsNewMigrationChecks.MaxBandwidthMb, "MB/s");
        }

        /// <summary>The source Redis: an address (host:port, never with a password in it) or a DCS instance id, not both.</summary>
        private static void RedisSource(PlanCheck check)
        {
            var row = check.Row;
            if (!EitherOf(check, PlanColumns.SourceAddress, PlanColumns.SourceInstanceId, "give the source Redis as host:port, or the id of a DCS instance in SourceInstanceId")) return;
            var address = row[PlanColumns.SourceAddress];
            var instance = row[PlanColumns.SourceInstanceId];
            if (address != null && instance != null)
            {
                check.Problem(PlanColumns.SourceAddress, "and SourceInstanceId are both given: keep one (SourceAddress for a self-built Redis, SourceInstanceId for a DCS instance).");
                return;
            }
            if (instance != null)
            {
                ApiId(check, PlanColumns.SourceInstanceId, instance, "DCS instance id");
                return;
            }
            try
            {
                DcsNewMigrationChecks.Address(address, PlanColumns.SourceAddress);
            }
            catch (ArgumentException)
            {
                // An address with user information ('redis://:password@host:6379') holds a password: it is not quoted.
                var said = address!.IndexOf('@') >= 0 ? "holds user information (not shown: it may be a password)" : PlanText.Quote(address) + " is not an address DCS takes";
                check.Problem(PlanColumns.SourceAddress, said + ": write it as host:port (for example 10.0.0.12:6379), and give the password with -RedisPassword.");
            }
        }
    }
}
