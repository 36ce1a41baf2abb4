using System;
using System.Collections.Generic;
using System.Linq;
using HuaweiMigration.Client.Dcs;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Models;

namespace HuaweiMigration.Client.Plans
{
    /// <summary>
    /// Runs a checked plan's stages in order (Create, Replicate, Test, Cutover, Cleanup), many rows at a time through
    /// the engine: each stage reads the rows' tasks once at its start, reports a row already past it as AlreadyDone
    /// (nothing sent for it), acts on the others together, and writes one result per row as it comes. A row that
    /// fails is Skipped in the later stages; it never stops the others. Ctrl+C ends the run at once (the host's
    /// cancellation); a run started again carries on from what the account shows.
    /// </summary>
    public sealed partial class PlanRunner
    {
        private readonly IEngineHost _host;
        private readonly SmsClient _sms;
        private readonly DcsClient? _dcs;
        private readonly PlanRunOptions _options;
        private readonly Action<MigrationPlanResult> _emit;
        private readonly SmsTaskService _smsService;
        private readonly DcsTaskService? _dcsService;
        private readonly HashSet<PlanRowRun> _reported = new HashSet<PlanRowRun>();
        private List<PlanRowRun> _rows = new List<PlanRowRun>();
        private PlanStageHost? _stageHost;
        private string _stage = MigrationPlanStages.Create;

        /// <param name="host">The command's host: Ctrl+C, log, progress, waiting.</param>
        /// <param name="sms">The SMS client.</param>
        /// <param name="dcs">The DCS client; null when no row is a Redis row.</param>
        /// <param name="options">How the plan runs.</param>
        /// <param name="emit">Each row's result, as it comes, on the engine's thread.</param>
        public PlanRunner(IEngineHost host, SmsClient sms, DcsClient? dcs, PlanRunOptions options, Action<MigrationPlanResult> emit)
        {
            _host = host;
            _sms = sms;
            _dcs = dcs;
            _options = options;
            _emit = emit;
            _smsService = new SmsTaskService(sms);
            _dcsService = dcs is null ? null : new DcsTaskService(dcs);
        }

        /// <summary>The stages asked for, in the order they run.</summary>
        public static IReadOnlyList<string> Ordered(IEnumerable<string> stages) =>
            MigrationPlanStages.All.Where(s => stages.Contains(s, StringComparer.OrdinalIgnoreCase)).ToList();

        /// <summary>
        /// Runs the stages for <paramref name="checks"/> (rows with a problem are Skipped in every stage).
        /// <paramref name="confirm"/> is asked once per stage with the number of rows it would run (-WhatIf, -Confirm):
        /// with -WhatIf each row is told what it would get; declined otherwise, the run stops there.
        /// </summary>
        public void Run(IReadOnlyList<PlanCheck> checks, Func<string, int, bool> confirm)
        {
            _rows = checks.Select(c => new PlanRowRun(c)).ToList();
            foreach (var stage in Ordered(_options.Stages))
            {
                _stage = stage;
                _reported.Clear();
                var active = new List<PlanRowRun>();
                foreach (var row in _rows)
                {
                    if (row.Problem != null) Emit(row, MigrationPlanOutcomes.Skipped, "The row was not run: " + row.Problem);
                    else if (row.FailedIn != null) Emit(row, MigrationPlanOutcomes.Skipped, "The row failed stage " + row.FailedIn + " in this run; run the plan again once it is fixed.");
                    else active.Add(row);
                }
                var go = confirm(stage, active.Count);
                if (_options.WhatIf)
                {
                    foreach (var row in active) WhatIf(row);
                    continue;
                }
                if (!go) return;
                RunStage(stage, active);
            }
        }

        private void RunStage(string stage, List<PlanRowRun> active)
        {
            _stageHost = new PlanStageHost(_host, stage, active.Count, RowOf, Done, Failed);
            _stageHost.ShowProgress();
            var servers = active.Where(r => !r.IsRedis).ToList();
            var redis = active.Where(r => r.IsRedis).ToList();
            switch (stage)
            {
                case MigrationPlanStages.Create:
                    CreateServers(servers);
                    CreateRedis(redis);
                    break;
                case MigrationPlanStages.Replicate:
                    ReplicateServers(servers);
                    ReplicateRedis(redis);
                    break;
                case MigrationPlanStages.Test:
                    TestServers(servers);
                    foreach (var row in redis) Emit(row, MigrationPlanOutcomes.AlreadyDone, "Nothing to do for Redis.");
                    break;
                case MigrationPlanStages.Cutover:
                    CutoverServers(servers);
                    CutoverRedis(redis);
                    break;
                case MigrationPlanStages.Cleanup:
                    CleanupServers(servers);
                    CleanupRedis(redis);
                    break;
            }
            // Every row gets a result: one the engine never spoke of is a failure, said as such.
            foreach (var row in active.Where(r => !_reported.Contains(r)).ToList())
            {
                Fail(row, "Stage " + stage + " ended without a word about this row (a defect worth reporting); run the plan again.");
            }
            _stageHost.Complete();
        }

        /// <summary>A row's task id or name → the row.</summary>
        private PlanRowRun? RowOf(string key) =>
            _rows.FirstOrDefault(r => r.TaskId != null && string.Equals(r.TaskId, key, StringComparison.OrdinalIgnoreCase))
            ?? _rows.FirstOrDefault(r => r.Check.SourceServer?.Id != null && string.Equals(r.Check.SourceServer.Id, key, StringComparison.OrdinalIgnoreCase))
            ?? _rows.FirstOrDefault(r => string.Equals(r.Row.Name, key, StringComparison.Ordinal));

        /// <summary>The engine wrote a row's task: the row is done.</summary>
        private void Done(PlanRowRun row, object item)
        {
            switch (item)
            {
                case SmsTask sms:
                    row.SmsTask = sms;
                    row.TaskId = sms.Id;
                    break;
                case DcsMigrationTask dcs:
                    row.DcsTask = dcs;
                    row.TaskId = dcs.TaskId;
                    break;
            }
            Emit(row, MigrationPlanOutcomes.Done, DoneMessage());
        }

        private string DoneMessage() => _stage switch
        {
            MigrationPlanStages.Create => "Created.",
            MigrationPlanStages.Replicate => "Replicated.",
            MigrationPlanStages.Test => "Tested.",
            MigrationPlanStages.Cutover => "Cut over.",
            _ => "Cleaned up.",
        };

        /// <summary>The engine wrote a row's error: the row failed this stage; the message ends with what to do.</summary>
        private void Failed(PlanRowRun row, TaskError error) => Fail(row, MessageOf(error) + WhatToDo(row, error));

        /// <summary>What to do about a row's failure, when the error does not say: where the cause is told, and that a run again carries on.</summary>
        private static string WhatToDo(PlanRowRun row, TaskError error)
        {
            if (error.Kind == ApiErrorKind.Timeout) return " Run the plan again to wait longer (a larger -Timeout): nothing done is sent again.";
            var cause = row.IsRedis
                ? "Get-DcsMigrationLog -Id " + (row.TaskId ?? "<task id>") + " tells the cause"
                : "Get-SmsMigrationError and Get-SmsTask -Id " + (row.TaskId ?? "<task id>") + " tell the cause";
            return " " + cause + "; fix it and run the plan again (rows already done are not sent again).";
        }

        /// <summary>An error as a result's message: what happened, its code, and what to do.</summary>
        internal static string MessageOf(TaskError error)
        {
            var api = error.Exception;
            var message = error.Message ?? api.Message;
            if (!string.IsNullOrEmpty(api.ErrorCode) && message.IndexOf(api.ErrorCode, StringComparison.Ordinal) < 0) message = api.ErrorCode + ": " + message;
            if (!string.IsNullOrEmpty(error.RecommendedAction)) message += " " + error.RecommendedAction;
            return message;
        }

        private void Fail(PlanRowRun row, string message, string? state = null)
        {
            row.FailedIn = _stage;
            Emit(row, MigrationPlanOutcomes.Failed, message, state);
        }

        private void Emit(PlanRowRun row, string outcome, string? message, string? state = null)
        {
            if (!_reported.Add(row))
            {
                _host.Log.Verbose("Stage " + _stage + ", " + row + ": " + outcome + " (" + message + ") after its result; not written again.");
                return;
            }
            _emit(row.Result(_stage, outcome, message, state));
            if (_stageHost != null && outcome != MigrationPlanOutcomes.Skipped)
            {
                _stageHost.Finished++;
                _stageHost.ShowProgress();
            }
        }

        /// <summary>-WhatIf: what the row would get in this stage, from what the check read (nothing else is read).</summary>
        private void WhatIf(PlanRowRun row)
        {
            var already = AlreadyDone(row);
            if (already != null) Emit(row, MigrationPlanOutcomes.AlreadyDone, already);
            else Emit(row, MigrationPlanOutcomes.WhatIf, WouldDo(row));
        }

        /// <summary>Why a row needs nothing in the current stage, from its task as last read; null when it needs something.</summary>
        private string? AlreadyDone(PlanRowRun row)
        {
            switch (_stage)
            {
                case MigrationPlanStages.Create:
                    return row.TaskId != null ? "Its task is there (" + row.TaskId + "); it is reused." : null;
                case MigrationPlanStages.Replicate:
                    if (row.IsRedis) return row.DcsTask != null && RedisMigrated(row, row.DcsTask) ? "Its Redis migration is " + row.DcsTask.RawStatus + "." : null;
                    return row.SmsTask != null && Replicated(row.SmsTask) ? "Its full replication is done (" + row.SmsTask.RawState + ")." : null;
                case MigrationPlanStages.Test:
                    if (row.IsRedis) return "Nothing to do for Redis.";
                    return row.SmsTask != null && Tested(row.SmsTask) ? "Its target was tested." : null;
                case MigrationPlanStages.Cutover:
                    if (row.IsRedis) return row.DcsTask != null && Switched(row, row.DcsTask) ? "Its IP addresses are switched." : null;
                    return row.SmsTask != null && CutOver(row.SmsTask) ? "It was cut over." : null;
                default:
                    return row.TaskId is null ? "Its task is gone." : null;
            }
        }

        private string WouldDo(PlanRowRun row) => _stage switch
        {
            MigrationPlanStages.Create => row.IsRedis ? "Would create the DCS online migration task '" + row.Row.Name + "' and configure it." : "Would create the SMS task '" + row.Row.Name + "'.",
            MigrationPlanStages.Replicate => row.IsRedis ? "Would wait until the Redis migration is steady or finished." : "Would start the task and wait until its full replication is done.",
            MigrationPlanStages.Test => "Would launch the target for a test and wait.",
            MigrationPlanStages.Cutover => row.IsRedis ? "Would switch the IP addresses and wait." : "Would cut over to the target and wait.",
            _ => row.IsRedis ? "Would remove the migration task." : "Would clear the snapshot and remove the task" + (_options.RemoveSourceServer ? " and the source server." : "."),
        };

        /// <summary>Reads the tasks of <paramref name="rows"/> in one go (list pages, or a GET each when fewer): each row with its task (null: it has none, or it is gone); a row whose read failed is Failed and left out.</summary>
        private List<(PlanRowRun Row, T? Task)> ReadTasks<T>(List<PlanRowRun> rows, TaskService<T> service, TaskAction<T>? action = null) where T : class
        {
            var result = new List<(PlanRowRun Row, T? Task)>();
            var withTask = rows.Where(r => r.TaskId != null).ToList();
            var read = new RefreshResult<T>();
            if (withTask.Count > 0)
            {
                try
                {
                    read = _host.Await(service.CreateRefresher(_options.Throttle, 1, action).RefreshAsync(withTask.Select(r => r.TaskId!).ToList(), _host.Cancellation));
                }
                catch (HuaweiCloudApiException ex)
                {
                    foreach (var row in withTask) read.Errors[row.TaskId!] = ex;
                }
            }
            foreach (var row in rows)
            {
                if (row.TaskId is null)
                {
                    result.Add((row, null));
                    continue;
                }
                if (read.Found.TryGetValue(row.TaskId, out var task)) result.Add((row, task));
                else if (read.Errors.TryGetValue(row.TaskId, out var error)) Failed(row, TaskErrors.Of(service, row.TaskId, null, error, service.ErrorPrefix + "ReadFailed"));
                else result.Add((row, null));
            }
            return result;
        }
    }
}
