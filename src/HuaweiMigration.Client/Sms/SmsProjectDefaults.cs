using System;
using System.Globalization;
using HuaweiMigration.Models;

namespace HuaweiMigration.Client.Sms
{
    /// <summary>A migration project's settings as the defaults of a new task (New-SmsTask, a plan's Create stage).</summary>
    public static class SmsProjectDefaults
    {
        /// <summary>
        /// Fills what <paramref name="task"/> leaves open from <paramref name="project"/> (the type MIGRATE_BLOCK when
        /// neither says). Throws <see cref="ArgumentException"/> (parameter SpeedLimit) when the project's speed limit
        /// is beyond a task's 0 to 1000 Mbit/s and the task gives none.
        /// </summary>
        public static void Apply(SmsNewTask task, SmsMigrationProject? project)
        {
            var p = project;
            task.Type ??= p?.Type is "MIGRATE_BLOCK" or "MIGRATE_FILE" ? p.Type : "MIGRATE_BLOCK";
            task.UsePublicIp ??= p?.UsePublicIp;
            task.Syncing ??= p?.Syncing;
            task.StartTargetServer ??= p?.StartTargetServer;
            task.StartNetworkCheck ??= p?.StartNetworkCheck;
            if (task.SpeedLimit is null && p?.SpeedLimit is int projectLimit && (projectLimit < 0 || projectLimit > 1000))
            {
                throw new ArgumentException("Migration project " + p + " limits speed to " + projectLimit.ToString(CultureInfo.InvariantCulture)
                    + " Mbit/s, beyond a task's 0 to 1000: give -SpeedLimit.", "SpeedLimit");
            }
            task.SpeedLimit ??= p?.SpeedLimit;
        }
    }
}
