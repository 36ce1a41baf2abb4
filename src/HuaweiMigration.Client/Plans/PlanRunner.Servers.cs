using System;
using System.Collections.Generic;
using System.Linq;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Models;

namespace HuaweiMigration.Client.Plans
{
    /// <summary>The stages of server rows (SMS).</summary>
    public sealed partial class PlanRunner
    {
        private bool _defaultProjectRead;
        private SmsMigrationProject? _defaultProject;
        private HuaweiCloudApiException? _defaultProjectError;

        private static readonly WaitWords ReplicateWords = new WaitWords("Replicating SMS tasks", "replicated", "did not finish its full replication");

        /// <summary>Full replication done: MIGRATE_SUCCESS, or syncing (continuous sync) and beyond.</summary>
        internal static bool Replicated(SmsTask task) =>
            task.State == SmsTaskState.MIGRATE_SUCCESS || task.State == SmsTaskState.SYNCING || task.State == SmsTaskState.SYNC_SUCCESS || task.State == SmsTaskState.SYNC_F_ROLLBACK_SUCCESS;

        private static bool Is(string? value, string expected) => string.Equals(value, expected, StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// Tested, or past testing: the source server's migration cycle is tested, cutovering or cutovered, or it is
        /// cutting over or finished (a task without continuous sync is finished — cut over — when its replication is:
        /// nothing is left to test).
        /// </summary>
        internal static bool Tested(SmsTask task) =>
            Is(task.SourceServer?.MigrationCycle, "tested") || Is(task.SourceServer?.MigrationCycle, "cutovering") || Is(task.SourceServer?.State, "cutovering") || CutOver(task);

        /// <summary>Cut over: the source server is finished, or its migration cycle is cutovered.</summary>
        internal static bool CutOver(SmsTask task) =>
            Is(task.SourceServer?.State, "finished") || Is(task.SourceServer?.MigrationCycle, "cutovered");

        // ---- Create ----

        private void CreateServers(List<PlanRowRun> rows)
        {
            if (rows.Count == 0) return;
            var job = new SmsCreationJob(_stageHost!, _sms, _options.Throttle, Created);
            foreach (var row in rows)
            {
                var already = AlreadyDone(row);
                if (already != null)
                {
                    Emit(row, MigrationPlanOutcomes.AlreadyDone, already);
                    continue;
                }
                SmsNewTask task;
                try
                {
                    task = NewTask(row);
                    SmsClient.CheckNewTask(task);
                }
                catch (Exception ex) when (ex is FormatException || ex is ArgumentException || ex is SmsTaskRefusedException)
                {
                    Fail(row, ex.Message);
                    continue;
                }
                catch (HuaweiCloudApiException ex)
                {
                    Fail(row, "The migration project's settings could not be read: " + ex.Said);
                    continue;
                }
                job.Add(task);
            }
            job.End();
        }

        /// <summary>The row's new task: its source server, target and settings, the project's settings where the row says nothing.</summary>
        private SmsNewTask NewTask(PlanRowRun row)
        {
            var r = row.Row;
            var task = new SmsNewTask
            {
                SourceServerId = row.Check.SourceServer?.Id ?? throw new ArgumentException("Its source server was not resolved: check the SourceServer column.", PlanColumns.SourceServer),
                Name = r.Name,
                TargetServerId = r[PlanColumns.TargetServerId],
                TemplateId = r.Has(PlanColumns.TargetServerId) ? null : row.Check.Template?.Id ?? r[PlanColumns.Template],
                Type = TypeOf(r[PlanColumns.Type]),
                Priority = PriorityOf(r[PlanColumns.Priority]),
                RegionId = _options.RegionId,
                RegionName = _options.RegionName,
                ProjectId = _options.ProjectId,
                ProjectName = _options.ProjectName,
                Syncing = r.Flag(PlanColumns.Syncing),
                StartTargetServer = r.Flag(PlanColumns.StartTargetServer),
                SpeedLimit = r.Number(PlanColumns.SpeedLimit),
            };
            if (task.SpeedLimit is int limit && (limit < 0 || limit > 1000)) throw new ArgumentException("Column SpeedLimit is " + limit + ": write 0 (no limit) to 1000 Mbit/s.", PlanColumns.SpeedLimit);
            SmsProjectDefaults.Apply(task, row.Check.Project ?? DefaultProject());
            return task;
        }

        /// <summary>The account's default migration project, read once for the rows that name none.</summary>
        private SmsMigrationProject? DefaultProject()
        {
            if (!_defaultProjectRead)
            {
                _defaultProjectRead = true;
                try
                {
                    _defaultProject = _host.Await(_sms.GetDefaultMigrationProjectAsync(_host.Cancellation));
                }
                catch (HuaweiCloudApiException ex)
                {
                    _defaultProjectError = ex;
                }
            }
            if (_defaultProjectError != null) throw _defaultProjectError;
            return _defaultProject;
        }

        private static string? TypeOf(string? text)
        {
            if (text is null) return null;
            switch (text.ToUpperInvariant())
            {
                case "MIGRATE_BLOCK": case "BLOCK": return "MIGRATE_BLOCK";
                case "MIGRATE_FILE": case "FILE": return "MIGRATE_FILE";
                default: throw new FormatException("Column Type is '" + text + "': write MIGRATE_BLOCK (block-level) or MIGRATE_FILE (file-level).");
            }
        }

        private static int? PriorityOf(string? text)
        {
            if (text is null) return null;
            switch (text.ToUpperInvariant())
            {
                case "LOW": case "0": return 0;
                case "STANDARD": case "1": return 1;
                case "HIGH": case "2": return 2;
                default: throw new FormatException("Column Priority is '" + text + "': write Low, Standard or High.");
            }
        }

        /// <summary>A creation ended: the row is done, or reuses the task its source server has under the row's name, or failed.</summary>
        private void Created(SmsCreation created)
        {
            var row = _rows.FirstOrDefault(r => !r.IsRedis && string.Equals(r.Check.SourceServer?.Id, created.Task.SourceServerId, StringComparison.OrdinalIgnoreCase) && !_reported.Contains(r));
            if (row is null) return;
            switch (created.Error)
            {
                case null:
                    row.TaskId = created.TaskId;
                    Emit(row, MigrationPlanOutcomes.Done, "SMS task created.", "READY");
                    break;
                case SmsTaskRefusedException { Reason: SmsTaskRefusalReason.HasTask, ExistingTask: { } existing } when string.Equals(existing.Name, row.Row.Name, StringComparison.Ordinal):
                    row.TaskId = existing.Id;
                    Emit(row, MigrationPlanOutcomes.AlreadyDone, "Its source server already has the task '" + existing.Name + "' (" + existing.Id + "); it is reused.");
                    break;
                case SmsTaskRefusedException refused:
                    Fail(row, refused.Message);
                    break;
                case HuaweiCloudApiException api:
                    Fail(row, "Creating its SMS task failed: " + api.Said + (api.OutcomeUnknown
                        ? " Run the plan again: a task made meanwhile is found and reused."
                        : " Fix the cause and run the plan again (rows already done are not sent again)."));
                    break;
                default:
                    Fail(row, "Its SMS task could not be created: " + created.Error.Message);
                    break;
            }
        }

        // ---- Replicate ----

        private void ReplicateServers(List<PlanRowRun> rows)
        {
            if (rows.Count == 0) return;
            var tasks = ReadTasks(rows, _smsService);
            var toStart = new List<PlanRowRun>();
            var toWait = new List<PlanRowRun>();
            foreach (var (row, task) in tasks)
            {
                row.SmsTask = task ?? row.SmsTask;
                if (task is null)
                {
                    Fail(row, NoTask(row));
                    continue;
                }
                if (Replicated(task)) Emit(row, MigrationPlanOutcomes.AlreadyDone, "Its full replication is done (" + task.RawState + ").");
                else if (SmsTaskStates.Failed.Contains(task.State)) Fail(row, "Its SMS task failed (" + task.RawState + ")." + ErrorOf(task) + " Fix the cause, restart it (Restart-SmsTask -Id " + task.Id + ") and run the plan again.");
                else if (task.State == SmsTaskState.READY || task.State == SmsTaskState.ABORT) toStart.Add(row);
                else toWait.Add(row);
            }
            if (toStart.Count > 0)
            {
                // The start's answers only: its objects are not results, the wait's are.
                _stageHost!.ObjectsAreResults = false;
                var start = new ActionJob<SmsTask>(_stageHost, _smsService, SmsActions.Start, null, _options.Throttle, null);
                foreach (var row in toStart) start.Add(row.TaskId!, row.SmsTask);
                start.End();
                _stageHost.ObjectsAreResults = true;
                toWait.AddRange(toStart.Where(r => !_reported.Contains(r)));
            }
            if (toWait.Count == 0) return;
            var wait = new WaitJob<SmsTask>(_stageHost!, _smsService, ReplicatedRule, ReplicateWords, _options.Wait, _options.Throttle);
            foreach (var row in toWait) wait.Add(row.TaskId!, null);
            wait.End();
        }

        /// <summary>Replicate's wait: until the full replication is done; a failed or paused task is an error.</summary>
        private static WaitVerdict ReplicatedRule(WaitEntry<SmsTask> entry, SmsTask? task)
        {
            if (task is null) return WaitVerdict.Fail("SmsTaskGone", SmsWaitRules.Describe(entry, null) + " disappeared while replicating.");
            if (Replicated(task)) return WaitVerdict.Reached;
            if (SmsTaskStates.Failed.Contains(task.State))
            {
                return WaitVerdict.Fail("SmsTaskFailed", SmsWaitRules.Describe(entry, task) + " failed: it is " + task.RawState + "." + ErrorOf(task) + " Fix the cause, restart it (Restart-SmsTask -Id " + task.Id + ") and run the plan again.");
            }
            if (task.State == SmsTaskState.ABORT && entry.SeenChange)
            {
                return WaitVerdict.Fail("SmsTaskPaused", SmsWaitRules.Describe(entry, task) + " was paused (ABORT) before its replication finished; run the plan again to start it again.");
            }
            return WaitVerdict.Continue;
        }

        private static string ErrorOf(SmsTask task) => string.IsNullOrEmpty(task.ErrorJson) ? string.Empty : " Error: " + task.ErrorJson;

        private static string NoTask(PlanRowRun row) => row.TaskId is null
            ? "It has no task: run stage Create first."
            : "Its task " + row.TaskId + " no longer exists: run stage Create to make it again.";

        // ---- Test, Cutover ----

        private void TestServers(List<PlanRowRun> rows) => Launch(rows, SmsActions.Test, Tested, t => CutOver(t)
            ? "Its source server is " + t.SourceServer?.State + " (" + t.SourceServer?.MigrationCycle + "): it is past testing."
            : "Its target was tested (" + t.SourceServer?.MigrationCycle + ").");

        private void CutoverServers(List<PlanRowRun> rows) => Launch(rows, SmsActions.Cutover, CutOver, t => "It is cut over: its source server is " + t.SourceServer?.State + " (" + t.SourceServer?.MigrationCycle + ").");

        /// <summary>A launch (test, cutover): rows already past it are AlreadyDone; the others are launched together and waited for.</summary>
        private void Launch(List<PlanRowRun> rows, TaskAction<SmsTask> action, Func<SmsTask, bool> done, Func<SmsTask, string> doneWords)
        {
            if (rows.Count == 0) return;
            // The source servers' state and migration cycle decide: read with the tasks.
            var tasks = ReadTasks(rows, _smsService, SmsActions.Test);
            var job = new ActionJob<SmsTask>(_stageHost!, _smsService, action, null, _options.Throttle, _options.Wait);
            foreach (var (row, task) in tasks)
            {
                row.SmsTask = task ?? row.SmsTask;
                if (task is null) Fail(row, NoTask(row));
                else if (done(task)) Emit(row, MigrationPlanOutcomes.AlreadyDone, doneWords(task));
                else if (!Replicated(task)) Fail(row, "Its full replication is not done (" + task.RawState + "): run stage Replicate first.");
                else job.Add(row.TaskId!, task);
            }
            job.End();
        }

        // ---- Cleanup ----

        private void CleanupServers(List<PlanRowRun> rows)
        {
            if (rows.Count == 0) return;
            // The source servers' state tells a snapshot already cleared: read with the tasks.
            var read = ReadTasks(rows, _smsService, SmsActions.Test);
            var withTask = new List<(PlanRowRun Row, SmsTask Task)>();
            var gone = new List<PlanRowRun>();
            foreach (var (row, task) in read)
            {
                if (task is null) gone.Add(row);
                else withTask.Add((row, task));
            }
            // The snapshots first; its answers are not results.
            var snapshots = withTask.Where(x => HasSnapshot(x.Task)).ToList();
            if (snapshots.Count > 0)
            {
                _stageHost!.ObjectsAreResults = false;
                var clear = new ActionJob<SmsTask>(_stageHost, _smsService, SmsActions.Clear, null, _options.Throttle, _options.Wait);
                foreach (var (row, task) in snapshots) clear.Add(row.TaskId!, task);
                clear.End();
                _stageHost.ObjectsAreResults = true;
            }
            var left = withTask.Where(x => !_reported.Contains(x.Row)).ToList();
            if (_options.RemoveSourceServer)
            {
                // The source servers go with their tasks (Remove-SmsSourceServer -Force); a row whose task is gone may still have its server.
                RemoveSourceServers(left.Select(x => x.Row).Concat(gone).ToList());
                return;
            }
            foreach (var row in gone) Emit(row, MigrationPlanOutcomes.AlreadyDone, "Its task is gone.");
            if (left.Count == 0) return;
            var removal = new RemovalJob<SmsTask>(_stageHost!, _smsService, SmsRemoval.Rules, _options.Wait, _options.Throttle, force: true, wait: true, passThru: true);
            foreach (var (row, task) in left) removal.Add(row.TaskId!, task);
            removal.End();
        }

        /// <summary>
        /// Whether a task may still have a snapshot to clear: it was started (a task never started has none), its source
        /// server is not cleared, and its snapshot id, when the read shows it (only the show answer carries it), is set.
        /// </summary>
        internal static bool HasSnapshot(SmsTask task) =>
            task.State != SmsTaskState.READY && !Is(task.SourceServer?.State, "cleared")
            && (task.TargetSnapshotId is null || task.TargetSnapshotId.Length > 0);

        /// <summary>-RemoveSourceServer: each row's source server removed with its task (read in one go); a server already gone is AlreadyDone.</summary>
        private void RemoveSourceServers(List<PlanRowRun> rows)
        {
            if (rows.Count == 0) return;
            var ids = rows.Select(r => r.Check.SourceServer!.Id!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            RefreshResult<SmsSourceServer> servers;
            try
            {
                servers = _host.Await(_sms.CreateSourceServerRefresher(_options.Throttle, 1).RefreshAsync(ids, _host.Cancellation));
            }
            catch (HuaweiCloudApiException ex)
            {
                foreach (var row in rows) Fail(row, "Its source server could not be read: " + ex.Said);
                return;
            }
            var job = new SourceServerRemovalJob(_stageHost!, _sms, _smsService, _options.Wait, _options.Throttle, force: true, passThru: true);
            foreach (var row in rows)
            {
                var id = row.Check.SourceServer!.Id!;
                if (servers.Found.TryGetValue(id, out var server)) job.Add(id, server);
                else if (servers.Errors.TryGetValue(id, out var error)) Fail(row, "Its source server could not be read: " + error.Message);
                else Emit(row, MigrationPlanOutcomes.AlreadyDone, "Its task and its source server are gone.");
            }
            job.End();
        }
    }
}
