using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client.Concurrency;
using HuaweiMigration.Client.Dcs;
using HuaweiMigration.Client.Plans;
using HuaweiMigration.Client.Json;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Models;

namespace HuaweiMigration.Client.Reports
{
    /// <summary>
    /// Builds a report's rows from SMS tasks, DCS migration tasks, plan results and plan rows, reading only what is
    /// missing, in batches: the tasks of results piped without them through the engine's refreshers (a listing, not a
    /// GET per task, once that is cheaper), the tasks of plan rows from one listing per service, and the figures of the
    /// Redis migrations that are moving (one GET per such task, a few at a time). One failed read costs only its row's
    /// detail, with a warning.
    /// </summary>
    public sealed class ReportBuilder
    {
        private readonly SmsClient _sms;
        private readonly DcsClient? _dcs;
        private readonly List<string> _warnings = new List<string>();

        /// <param name="sms">The SMS client.</param>
        /// <param name="dcs">The DCS client; may be null when nothing in the report is a Redis migration (<see cref="NeedsDcs"/>).</param>
        public ReportBuilder(SmsClient sms, DcsClient? dcs)
        {
            _sms = sms ?? throw new ArgumentNullException(nameof(sms));
            _dcs = dcs;
        }

        /// <summary>True when the inputs or plan rows have a Redis migration, so a DCS client is needed.</summary>
        public static bool NeedsDcs(IEnumerable<object> inputs, IEnumerable<PlannedTask> planned) =>
            inputs.Any(i => i is DcsMigrationTask || (i is MigrationPlanResult r && KindKey(r.Kind) == "R")) || planned.Any(p => KindKey(p.Kind) == "R");

        private DcsClient Dcs => _dcs ?? throw new InvalidOperationException("The report has a Redis migration but no DCS client was given.");

        /// <summary>How many DCS progress reads may be in flight at once.</summary>
        public int Concurrency { get; set; } = 8;

        /// <summary>What could not be read, each a sentence naming the task; the report is made without it.</summary>
        public IReadOnlyList<string> Warnings => _warnings;

        /// <summary>
        /// The report of <paramref name="inputs"/> (<see cref="SmsTask"/>, <see cref="DcsMigrationTask"/>,
        /// <see cref="MigrationPlanResult"/> in any mix; anything else is ignored) and <paramref name="planned"/>.
        /// A result is merged into the row of its task (by TaskId); of several results about one task the last counts.
        /// </summary>
        public async Task<MigrationReport> BuildAsync(
            IEnumerable<object> inputs, IEnumerable<PlannedTask>? planned, string title, DateTime madeAtUtc, CancellationToken cancellationToken)
        {
            var sms = new Dictionary<string, SmsTask>(StringComparer.Ordinal);
            var dcs = new Dictionary<string, DcsMigrationTask>(StringComparer.Ordinal);
            var results = new List<MigrationPlanResult>();
            foreach (var input in inputs)
            {
                switch (input)
                {
                    case SmsTask t when !string.IsNullOrEmpty(t.Id):
                        sms[t.Id] = t;
                        break;
                    case DcsMigrationTask t when !string.IsNullOrEmpty(t.TaskId):
                        dcs[t.TaskId] = t;
                        break;
                    case MigrationPlanResult r:
                        results.Add(r);
                        break;
                }
            }

            // The last result about each task (or, without a task id, about each named row) is the one shown.
            var latest = new Dictionary<string, MigrationPlanResult>(StringComparer.Ordinal);
            foreach (var r in results) latest[ResultKey(r)] = r;

            await ReadResultTasksAsync(latest.Values, sms, dcs, cancellationToken).ConfigureAwait(false);
            var unfound = await FindPlannedAsync(planned?.ToList() ?? new List<PlannedTask>(), sms, dcs, cancellationToken).ConfigureAwait(false);
            var progress = await ReadDcsProgressAsync(dcs.Values, cancellationToken).ConfigureAwait(false);

            var rows = new List<ReportRow>();
            var byTask = new Dictionary<string, ReportRow>(StringComparer.Ordinal);
            foreach (var t in sms.Values)
            {
                var row = SmsRow(t, madeAtUtc);
                rows.Add(row);
                byTask["S|" + t.Id] = row;
            }
            foreach (var t in dcs.Values)
            {
                progress.TryGetValue(t.TaskId, out var stats);
                var row = DcsRow(t, stats);
                rows.Add(row);
                byTask["R|" + t.TaskId] = row;
            }
            foreach (var r in latest.Values)
            {
                if (!string.IsNullOrEmpty(r.TaskId) && byTask.TryGetValue(KindKey(r.Kind) + "|" + r.TaskId, out var row))
                {
                    Merge(row, r);
                }
                else
                {
                    rows.Add(ResultRow(r));
                }
            }
            rows.AddRange(unfound.Select(p => new ReportRow
            {
                Kind = p.Kind,
                Name = p.Name,
                State = "NOT_CREATED",
                Group = ReportStateGroup.Waiting,
                Detail = "No task of this name yet.",
            }));

            var sorted = rows
                .OrderBy(r => r.Group)
                .ThenBy(r => r.Kind, StringComparer.Ordinal)
                .ThenBy(r => r.Name ?? string.Empty, StringComparer.OrdinalIgnoreCase)
                .ThenBy(r => r.Id ?? string.Empty, StringComparer.Ordinal)
                .ToList();
            return new MigrationReport(title, madeAtUtc, _sms.Context.Region, _dcs?.ProjectId ?? _sms.Context.ProjectId, sorted);
        }

        private static string KindKey(string? kind) => string.Equals(kind, MigrationPlanKinds.Redis, StringComparison.OrdinalIgnoreCase) ? "R" : "S";

        private static string ResultKey(MigrationPlanResult r) =>
            !string.IsNullOrEmpty(r.TaskId) ? KindKey(r.Kind) + "|" + r.TaskId : "N|" + KindKey(r.Kind) + "|" + r.Name + "|" + r.Row.ToString(CultureInfo.InvariantCulture);

        /// <summary>Reads the tasks of results piped without them: one batched read per service.</summary>
        private async Task ReadResultTasksAsync(IEnumerable<MigrationPlanResult> results, Dictionary<string, SmsTask> sms, Dictionary<string, DcsMigrationTask> dcs, CancellationToken cancellationToken)
        {
            var smsIds = new List<string>();
            var dcsIds = new List<string>();
            foreach (var r in results)
            {
                if (string.IsNullOrEmpty(r.TaskId)) continue;
                var id = r.TaskId!;
                if (KindKey(r.Kind) == "R")
                {
                    if (!dcs.ContainsKey(id) && !dcsIds.Contains(id) && IsValid(i => InputValidation.DcsTaskId(i), id)) dcsIds.Add(id);
                }
                else if (!sms.ContainsKey(id) && !smsIds.Contains(id) && IsValid(i => InputValidation.SmsTaskId(i), id))
                {
                    smsIds.Add(id);
                }
            }
            if (smsIds.Count > 0)
            {
                var read = await Refresh(_sms.CreateRefresher(Concurrency, 1), smsIds, "SMS", cancellationToken).ConfigureAwait(false);
                foreach (var kv in read) sms[kv.Key] = kv.Value;
            }
            if (dcsIds.Count > 0)
            {
                var read = await Refresh(Dcs.CreateRefresher(Concurrency, 1), dcsIds, "DCS", cancellationToken).ConfigureAwait(false);
                foreach (var kv in read) dcs[kv.Key] = kv.Value;
            }
        }

        private static bool IsValid(Action<string> check, string id)
        {
            try
            {
                check(id);
                return true;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        private async Task<IReadOnlyDictionary<string, T>> Refresh<T>(Waiting.ITaskRefresher<T> refresher, IReadOnlyCollection<string> ids, string service, CancellationToken cancellationToken) where T : class
        {
            try
            {
                var read = await refresher.RefreshAsync(ids, cancellationToken).ConfigureAwait(false);
                foreach (var id in read.Gone) _warnings.Add(service + " task " + id + " of a plan result no longer exists: its row shows the result only.");
                foreach (var kv in read.Errors) _warnings.Add(service + " task " + kv.Key + " could not be read (" + kv.Value.Message + "): its row shows the result only.");
                return read.Found;
            }
            catch (HuaweiCloudApiException ex)
            {
                _warnings.Add("The " + service + " tasks of the plan results could not be read (" + ex.Message + "): their rows show the results only.");
                return new Dictionary<string, T>();
            }
        }

        /// <summary>
        /// Finds each plan row's task by name as the plan check does (<see cref="PlanInventory.SmsTasksNamed"/>,
        /// <see cref="PlanInventory.DcsTasksNamed"/>): one listing per service that has rows, whatever the number of
        /// rows. A name that several tasks carry is warned about; the row shows the first listed (the newest).
        /// </summary>
        private async Task<List<PlannedTask>> FindPlannedAsync(List<PlannedTask> planned, Dictionary<string, SmsTask> sms, Dictionary<string, DcsMigrationTask> dcs, CancellationToken cancellationToken)
        {
            var unfound = new List<PlannedTask>();
            if (planned.Count == 0) return unfound;
            var servers = planned.Where(p => KindKey(p.Kind) == "S").ToList();
            var caches = planned.Where(p => KindKey(p.Kind) == "R").ToList();
            var inventory = await PlanInventory.ReadTasksAsync(servers.Count == 0 ? null : _sms, caches.Count == 0 ? null : Dcs, cancellationToken).ConfigureAwait(false);
            // Each planned row's task by name: the first listed (the newest) when several carry it, with a warning.
            void Find<T>(List<PlannedTask> rows, Func<string, IReadOnlyList<T>> named, Func<T, string> idOf, string service, Dictionary<string, T> found)
            {
                foreach (var p in rows)
                {
                    var tasks = named(p.Name);
                    if (tasks.Count == 0)
                    {
                        unfound.Add(p);
                        continue;
                    }
                    if (tasks.Count > 1) _warnings.Add(Several(p.Name, tasks.Count, service, tasks.Select(idOf)));
                    found[idOf(tasks[0])] = tasks[0];
                }
            }
            Find(servers, inventory.SmsTasksNamed, t => t.Id, "SMS", sms);
            Find(caches, inventory.DcsTasksNamed, t => t.TaskId, "DCS migration", dcs);
            return unfound;
        }

        private static string Several(string name, int count, string service, IEnumerable<string?> ids)
        {
            var list = ids.ToList();
            return "The plan's " + PlanText.Quote(name) + " names " + count + " " + service + " tasks (" + string.Join(", ", list) + "): the report shows the first listed ("
                + list[0] + "); remove the extra tasks or rename them so each plan row names one.";
        }

        /// <summary>The figures of the Redis migrations that are moving data, a few reads at a time.</summary>
        private async Task<Dictionary<string, DcsMigrationProgress>> ReadDcsProgressAsync(IEnumerable<DcsMigrationTask> tasks, CancellationToken cancellationToken)
        {
            var figures = new System.Collections.Concurrent.ConcurrentDictionary<string, DcsMigrationProgress>(StringComparer.Ordinal);
            var moving = tasks.Where(t => DcsMigrationTaskStatuses.Migrating.Contains(t.Status)).ToList();
            if (moving.Count == 0) return new Dictionary<string, DcsMigrationProgress>(figures);
            var runner = new BoundedRunner<DcsMigrationTask>(Math.Max(1, Concurrency), cancellationToken);
            foreach (var t in moving)
            {
                runner.Submit(t, async (task, ct) => figures[task.TaskId] = await Dcs.GetProgressAsync(task.TaskId, ct).ConfigureAwait(false));
            }
            await runner.WhenAllAsync().ConfigureAwait(false);
            foreach (var (task, error) in runner.TakeCompleted())
            {
                if (error != null) _warnings.Add(DcsTaskService.DescribeTask(task.TaskId, task) + ": its progress could not be read (" + error.Message + ").");
            }
            return new Dictionary<string, DcsMigrationProgress>(figures);
        }

        internal static ReportRow SmsRow(SmsTask t, DateTime madeAtUtc)
        {
            var group = ReportStates.Of(t.State);
            var row = new ReportRow
            {
                Kind = MigrationPlanKinds.Server,
                Name = t.Name,
                Id = t.Id,
                State = t.RawState,
                Group = group,
                Progress = group == ReportStateGroup.Done && t.SubTasks.Count == 0 ? 100 : t.Progress,
                SpeedMbitPerSecond = t.MigrateSpeed is double s && s > 0 && ReportStates.IsMoving(t.State) ? s : (double?)null,
            };
            if (ReportStates.IsMoving(t.State))
            {
                if (t.RemainSeconds is long left && left > 0) row.SecondsLeft = left;
                else if (t.EstimateCompleteTime is DateTime end && end > madeAtUtc) row.SecondsLeft = (long)Math.Ceiling((end - madeAtUtc).TotalSeconds);
            }
            if (group == ReportStateGroup.Running)
            {
                if (t.CurrentSubTask is SmsSubTask step && !string.IsNullOrEmpty(step.Name)) row.Detail = "Step " + step.Name + " " + (step.Progress ?? 0).ToString(CultureInfo.InvariantCulture) + "%";
            }
            if (!string.IsNullOrWhiteSpace(t.ErrorJson))
            {
                var error = new SmsMigrationError { ErrorJson = t.ErrorJson };
                SmsClient.ReadErrorJson(error);
                row.ErrorCode = error.ErrorCode;
                row.ErrorMessage = error.ErrorCode is null && error.ErrorMessage is null
                    ? t.ErrorJson
                    : error.ErrorMessage + (error.ErrorParameters.Length == 0 ? string.Empty : " (" + string.Join(", ", error.ErrorParameters) + ")");
                row.Advice = ErrorAdvice.ForSms(error.ErrorCode);
            }
            return row;
        }

        internal static ReportRow DcsRow(DcsMigrationTask t, DcsMigrationProgress? stats)
        {
            var group = ReportStates.Of(t.Status);
            var row = new ReportRow
            {
                Kind = MigrationPlanKinds.Redis,
                Name = t.TaskName,
                Id = t.TaskId,
                State = t.RawStatus,
                Group = group,
                Progress = group == ReportStateGroup.Done ? 100 : group == ReportStateGroup.Waiting ? 0 : (int?)null,
            };
            if (stats != null)
            {
                if (stats.PercentComplete is double p && !double.IsNaN(p)) row.Progress = (int)Math.Max(0, Math.Min(100, Math.Floor(p)));
                // target_input_kbps: KB/s arriving at the target (the SDK's "input rate"), here in Mbit/s as SMS speeds are.
                if (ReportStates.IsMoving(t.Status) && double.TryParse(stats.TargetInputKbps, NumberStyles.Float, CultureInfo.InvariantCulture, out var kb) && kb > 0 && !double.IsInfinity(kb))
                {
                    row.SpeedMbitPerSecond = Math.Round(kb * 8 / 1000, 2);
                }
                var keys = stats.TargetKeys is long target && stats.SourceKeys is long source
                    ? target.ToString("N0", CultureInfo.InvariantCulture) + " of " + source.ToString("N0", CultureInfo.InvariantCulture) + " keys"
                    : null;
                var phase = t.Status == DcsMigrationTaskStatus.INCRMIGEATING ? "Incremental sync" : "Full migration";
                row.Detail = keys is null ? phase : phase + ", " + keys;
            }
            if (group == ReportStateGroup.Failed)
            {
                row.ErrorMessage = ServerText.Clean(t.ErrorMessage);
                row.Advice = ErrorAdvice.ForDcs(t.TaskId);
            }
            return row;
        }

        private static void Merge(ReportRow row, MigrationPlanResult r)
        {
            row.Stage = r.Stage;
            row.Outcome = r.Outcome;
            row.Message = r.Message;
            if (string.IsNullOrEmpty(row.Name)) row.Name = r.Name;
            // A row that failed its stage is a problem, whatever its task's state says now.
            if (r.Outcome == MigrationPlanOutcomes.Failed) row.Group = ReportStateGroup.Failed;
        }

        private static ReportRow ResultRow(MigrationPlanResult r)
        {
            var row = new ReportRow
            {
                Kind = KindKey(r.Kind) == "R" ? MigrationPlanKinds.Redis : MigrationPlanKinds.Server,
                Name = r.Name,
                Id = r.TaskId,
                State = r.State ?? r.Outcome,
                Group = ReportStates.OfOutcome(r.Outcome),
            };
            if (r.State != null && r.Outcome != MigrationPlanOutcomes.Failed)
            {
                var byState = row.Kind == MigrationPlanKinds.Redis
                    ? ReportStates.Of(Models.Serialization.StateText.Parse(r.State, DcsMigrationTaskStatus.Unknown))
                    : ReportStates.Of(Models.Serialization.StateText.Parse(r.State, SmsTaskState.Unknown));
                if (byState != ReportStateGroup.Other) row.Group = byState;
            }
            Merge(row, r);
            return row;
        }
    }
}
