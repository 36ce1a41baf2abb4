using System;
using System.Collections.Generic;
using System.Linq;
using HuaweiMigration.Client.Dcs;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Models;

namespace HuaweiMigration.Client.Plans
{
    /// <summary>The stages of Redis rows (DCS online migrations).</summary>
    public sealed partial class PlanRunner
    {
        private static readonly WaitWords MigrateWords = new WaitWords("Migrating Redis data", "steady or migrated", "did not become steady (INCRMIGEATING) or migrated (SUCCESS)");

        private static bool Incremental(PlanRowRun row) => string.Equals(row.Row[PlanColumns.Method], "Incremental", StringComparison.OrdinalIgnoreCase);

        /// <summary>Steady (INCRMIGEATING, incremental rows) or finished (SUCCESS).</summary>
        private static bool RedisMigrated(PlanRowRun row, DcsMigrationTask task) =>
            task.Status == DcsMigrationTaskStatus.SUCCESS || task.Status == DcsMigrationTaskStatus.MIGRATION_SUCCESS
            || Incremental(row) && task.Status == DcsMigrationTaskStatus.INCRMIGEATING;

        /// <summary>
        /// Whether the task's IP addresses were switched: the switch swaps the instances' addresses, so the target
        /// instance now has the row's source address (list rows: <c>target_instance_addrs</c>; the show answer: the
        /// target instance's <c>ip</c>). Rows naming a source instance, not an address, cannot tell: false.
        /// </summary>
        private static bool Switched(PlanRowRun row, DcsMigrationTask task)
        {
            var address = row.Row[PlanColumns.SourceAddress];
            if (address is null || DcsClient.IsExchanging(task)) return false;
            var colon = address.LastIndexOf(':');
            var host = colon > 0 ? address.Substring(0, colon) : address;
            var target = task.TargetInstance;
            return string.Equals(target?.Addrs, address, StringComparison.OrdinalIgnoreCase)
                || string.Equals(target?.Ip, host, StringComparison.OrdinalIgnoreCase);
        }

        private DcsTaskService RequireDcs() => _dcsService ?? throw new InvalidOperationException("The plan has Redis rows but no DCS client.");

        // ---- Create ----

        /// <summary>
        /// The online migration's two calls for every row at once: each row's migration machine is made, one wait
        /// follows all of them until RUNNING (batched polls), then each is configured. A row whose task was made but
        /// never configured (a run stopped between the two calls) is finished; a configured one is AlreadyDone.
        /// </summary>
        private void CreateRedis(List<PlanRowRun> rows)
        {
            if (rows.Count == 0) return;
            var service = RequireDcs();
            var creation = new DcsMigrationCreation(_stageHost!, service, _options.Wait, waitForMigration: false);
            var toConfigure = new List<(PlanRowRun Row, DcsOnlineConfiguration Configuration)>();
            foreach (var row in rows)
            {
                var unconfigured = row.TaskId != null && (row.DcsTask?.Status == DcsMigrationTaskStatus.CREATING || row.DcsTask?.Status == DcsMigrationTaskStatus.RUNNING);
                if (row.TaskId != null && !unconfigured)
                {
                    Emit(row, MigrationPlanOutcomes.AlreadyDone, "Its task is there (" + row.TaskId + "); it is reused.");
                    continue;
                }
                DcsMigrationMachine machine;
                DcsOnlineConfiguration configuration;
                try
                {
                    (machine, configuration) = Settings(row);
                }
                catch (Exception ex) when (ex is ArgumentException || ex is FormatException)
                {
                    Fail(row, ex.Message);
                    continue;
                }
                if (row.TaskId is null)
                {
                    _stageHost!.Only = row;
                    try
                    {
                        row.TaskId = creation.MakeMachine(machine);
                    }
                    finally
                    {
                        _stageHost.Only = null;
                    }
                    if (row.TaskId is null) continue;
                }
                toConfigure.Add((row, configuration));
            }
            if (toConfigure.Count == 0) return;
            // Until RUNNING, all together; the tasks the wait writes are not results yet, its errors are.
            _stageHost!.ObjectsAreResults = false;
            var wait = new WaitJob<DcsMigrationTask>(_stageHost, service, DcsMigrationCreation.Ready, DcsMigrationCreation.ReadyWords, _options.Wait, _options.Throttle);
            foreach (var (row, _) in toConfigure) wait.Add(row.TaskId!, null);
            wait.End();
            _stageHost.ObjectsAreResults = true;
            foreach (var (row, configuration) in toConfigure.Where(x => !_reported.Contains(x.Row)))
            {
                _host.Cancellation.ThrowIfCancellationRequested();
                _stageHost.Only = row;
                try
                {
                    var answer = creation.Configure(row.TaskId!, row.Row.Name, configuration);
                    if (answer != null) Emit(row, MigrationPlanOutcomes.Done, "DCS online migration created and configured.", answer.Status);
                }
                finally
                {
                    _stageHost.Only = null;
                }
            }
        }

        /// <summary>The row's migration machine and configuration, its passwords from -RedisPassword.</summary>
        private (DcsMigrationMachine, DcsOnlineConfiguration) Settings(PlanRowRun row)
        {
            var r = row.Row;
            var machine = new DcsMigrationMachine
            {
                Name = r.Name ?? string.Empty,
                VpcId = r[PlanColumns.VpcId] ?? string.Empty,
                SubnetId = r[PlanColumns.SubnetId] ?? string.Empty,
                SecurityGroupId = r[PlanColumns.SecurityGroupId] ?? string.Empty,
            };
            var method = r[PlanColumns.Method] ?? "Full";
            if (!string.Equals(method, "Full", StringComparison.OrdinalIgnoreCase) && !string.Equals(method, "Incremental", StringComparison.OrdinalIgnoreCase))
            {
                throw new FormatException("Column Method is '" + method + "': write Full or Incremental.");
            }
            var source = r[PlanColumns.SourceAddress] ?? r[PlanColumns.SourceInstanceId];
            var target = r[PlanColumns.TargetInstanceId] ?? string.Empty;
            var configuration = new DcsOnlineConfiguration
            {
                SourceAddress = r[PlanColumns.SourceAddress],
                SourceInstanceId = r[PlanColumns.SourceInstanceId],
                SourcePassword = _options.Password(source),
                TargetInstanceId = target,
                TargetPassword = _options.Password(target),
                Incremental = Incremental(row),
                BandwidthLimitMb = r.Number(PlanColumns.BandwidthLimitMB),
            };
            DcsNewMigrationChecks.Check(machine);
            DcsNewMigrationChecks.Check(configuration);
            return (machine, configuration);
        }

        // ---- Replicate ----

        private void ReplicateRedis(List<PlanRowRun> rows)
        {
            if (rows.Count == 0) return;
            var service = RequireDcs();
            var tasks = ReadTasks(rows, service);
            var toWait = new List<PlanRowRun>();
            foreach (var (row, task) in tasks)
            {
                row.DcsTask = task ?? row.DcsTask;
                if (task is null) Fail(row, NoTask(row));
                else if (RedisMigrated(row, task)) Emit(row, MigrationPlanOutcomes.AlreadyDone, "Its Redis migration is " + task.RawStatus + ".");
                else if (DcsMigrationTaskStatuses.Failed.Contains(task.Status)) Fail(row, RedisFailed(task));
                else toWait.Add(row);
            }
            if (toWait.Count == 0) return;
            var incremental = new HashSet<string>(toWait.Where(Incremental).Select(r => r.TaskId!), StringComparer.Ordinal);
            var full = DcsWaitRules.Migrated(false);
            var steady = DcsWaitRules.Migrated(true);
            var wait = new WaitJob<DcsMigrationTask>(_stageHost!, service, (entry, task) => (incremental.Contains(entry.Id) ? steady : full)(entry, task), MigrateWords, _options.Wait, _options.Throttle);
            foreach (var row in toWait) wait.Add(row.TaskId!, null);
            wait.End();
        }

        private static string RedisFailed(DcsMigrationTask task) =>
            DcsTaskService.DescribeTask(task.TaskId, task) + " failed (" + task.RawStatus + ")." + (string.IsNullOrEmpty(task.ErrorMessage) ? string.Empty : " " + task.ErrorMessage)
            + " Read its log (Get-DcsMigrationLog -Id " + task.TaskId + "), fix the cause, then restart it (Restart-DcsMigrationTask) or remove it and run the plan again.";

        // ---- Cutover ----

        private void CutoverRedis(List<PlanRowRun> rows)
        {
            if (rows.Count == 0) return;
            var service = RequireDcs();
            var tasks = ReadTasks(rows, service);
            var job = new ActionJob<DcsMigrationTask>(_stageHost!, service, DcsActions.SwitchIp, null, _options.Throttle, _options.Wait);
            foreach (var (row, task) in tasks)
            {
                row.DcsTask = task ?? row.DcsTask;
                if (task is null) Fail(row, NoTask(row));
                else if (Switched(row, task)) Emit(row, MigrationPlanOutcomes.AlreadyDone, "Its IP addresses are switched.");
                else if (!RedisMigrated(row, task)) Fail(row, "Its Redis migration is " + task.RawStatus + ", not steady or finished: run stage Replicate first.");
                else job.Add(row.TaskId!, task);
            }
            job.End();
        }

        // ---- Cleanup ----

        private void CleanupRedis(List<PlanRowRun> rows)
        {
            if (rows.Count == 0) return;
            var service = RequireDcs();
            var tasks = ReadTasks(rows, service);
            var removal = new RemovalJob<DcsMigrationTask>(_stageHost!, service, DcsRemoval.Rules, _options.Wait, _options.Throttle, force: true, wait: true, passThru: true);
            foreach (var (row, task) in tasks)
            {
                if (task is null) Emit(row, MigrationPlanOutcomes.AlreadyDone, "Its task is gone.");
                else removal.Add(row.TaskId!, task);
            }
            removal.End();
        }
    }
}
