using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Models;
using Newtonsoft.Json.Linq;

namespace HuaweiMigration.Client.Sms
{
    /// <summary>The options an action's body may carry (absent from the body unless given).</summary>
    public sealed class SmsActionOptions
    {
        /// <summary><c>template_id</c>: the target server template (clone_test needs it).</summary>
        public string? TemplateId { get; set; }

        /// <summary><c>switch_hce</c>: true.</summary>
        public bool SwitchHce { get; set; }

        /// <summary><c>is_need_consistency_check</c>: true.</summary>
        public bool ConsistencyCheck { get; set; }
    }

    /// <summary>
    /// The SMS actions: one descriptor per operation of <c>POST /v3/tasks/{id}/action</c> (its words, how its effect
    /// shows on the task, what -Wait waits for), and the deletion. Adding an action is one descriptor here and one
    /// small cmdlet class; completion and <see cref="For"/> read <see cref="Known"/>.
    /// </summary>
    public static class SmsActions
    {
        private static readonly Regex OperationPattern = new Regex("^[a-z_]{1,64}\\z", RegexOptions.CultureInvariant);

        // Every operation declared below, in order; declared first, so that it exists when they register.
        private static readonly List<TaskAction<SmsTask>> Registry = new List<TaskAction<SmsTask>>();

        /// <summary>An operation the module knows: declaring it is registering it (<see cref="Known"/>).</summary>
        private static TaskAction<SmsTask> Operation(string operation, string verb, string activity, string settled, string notReached,
            Func<TimeSpan, Func<Waiting.WaitEntry<SmsTask>, SmsTask?, Waiting.WaitVerdict>> waitRule, Func<SmsTask?, bool?>? tookEffect = null)
        {
            var action = Build(operation, verb, activity, settled, notReached, waitRule, tookEffect);
            Registry.Add(action);
            return action;
        }

        private static TaskAction<SmsTask> Build(string operation, string verb, string activity, string settled, string notReached,
            Func<TimeSpan, Func<Waiting.WaitEntry<SmsTask>, SmsTask?, Waiting.WaitVerdict>> waitRule, Func<SmsTask?, bool?>? tookEffect) =>
            new TaskAction<SmsTask>(operation, new ActionWords(verb, activity, settled, notReached, "the '" + operation + "'"), waitRule, tookEffect);

        private static bool? InStates(SmsTask? task, IReadOnlyCollection<SmsTaskState> states) => task != null && states.Contains(task.State);

        private static readonly IReadOnlyCollection<SmsTaskState> Stopping = new HashSet<SmsTaskState> { SmsTaskState.ABORTING, SmsTaskState.ABORT };

        public static TaskAction<SmsTask> Start { get; } = Operation("start", "Start", "Starting SMS tasks", "started", "did not start",
            SmsWaitRules.Start, t => InStates(t, SmsTaskStates.Started));

        public static TaskAction<SmsTask> Stop { get; } = Operation("stop", "Suspend (pause)", "Pausing SMS tasks", "paused", "did not pause",
            _ => SmsWaitRules.Suspend, t => InStates(t, Stopping));

        public static TaskAction<SmsTask> Restart { get; } = Operation("restart", "Restart", "Restarting SMS tasks", "restarted", "did not restart",
            SmsWaitRules.Start, t => InStates(t, SmsTaskStates.Started));

        // A launch shows on the source server, not at once on the task: its effect cannot be told from the task.
        public static TaskAction<SmsTask> Test { get; } = Launch(Operation("test", "Launch the target server for a test", "Testing SMS tasks", "launched", "did not finish the test launch",
            SmsLaunchRules.Tested), readsSourceServers: true);

        public static TaskAction<SmsTask> Cutover { get; } = Launch(Operation("cutover", "Cut over to the target server", "Cutting over SMS tasks", "cut over", "did not finish the cutover",
            SmsLaunchRules.CutOver));

        public static TaskAction<SmsTask> CloneTest { get; } = NeedsTemplate(Launch(Operation("clone_test", "Clone the target server for a test", "Cloning SMS targets", "cloned", "did not finish the clone",
            SmsLaunchRules.Cloned)));

        public static TaskAction<SmsTask> MigrationDrill { get; } = Launch(Operation("migration_test", "Run a migration drill", "Running migration drills", "drilled", "did not finish the drill",
            SmsLaunchRules.Drilled));

        // An earlier check's result looks the same as this one's: the effect cannot be told, but waiting can.
        public static TaskAction<SmsTask> NetworkCheck { get; } = Operation("network_check", "Check the network", "Checking SMS task networks", "checked", "did not finish the network check",
            _ => SmsWaitRules.NetworkChecked);

        public static TaskAction<SmsTask> Clear { get; } = Launch(Operation("clear", "Delete the snapshot resources", "Clearing SMS task snapshots", "cleared", "did not finish clearing",
            SmsLaunchRules.Cleared, t => t is null ? (bool?)null : string.IsNullOrEmpty(t.TargetSnapshotId)));

        /// <summary>The deletion: <c>DELETE /v3/tasks/{id}</c>, or <c>POST /v3/tasks/delete</c> for up to 50.</summary>
        public static TaskAction<SmsTask> Delete { get; } = new TaskAction<SmsTask>("delete", new ActionWords("Remove", "Removing SMS tasks", "removed", "did not disappear", "the deletion"),
            _ => SmsWaitRules.Gone, t => t is null || t.State == SmsTaskState.DELETING, SmsClient.MaxBatchDelete);

        // A documented operation without a cmdlet of its own: it waits until the task settles.
        public static TaskAction<SmsTask> Skip { get; } = Operation("skip", "Send the 'skip' action", "Sending 'skip' to SMS tasks", "settled", "did not settle",
            _ => SmsWaitRules.States(SmsTaskStates.Settled));

        /// <summary>The descriptors of the operations the module knows, in the order declared (the deletion is not an operation).</summary>
        public static IReadOnlyList<TaskAction<SmsTask>> Known { get; } = Registry.AsReadOnly();

        /// <summary>Operation words for completion: the known ones, and the documented ones without a cmdlet.</summary>
        public static IReadOnlyList<string> KnownOperations { get; } = Known.Select(a => a.Name).ToArray();

        /// <summary>
        /// The descriptor of any operation word: a known one (with its own wait rule), or one this version does not
        /// know (its effect cannot be told; -Wait waits until the task settles). Throws for a word that is not 1–64
        /// lowercase letters and underscores.
        /// </summary>
        public static TaskAction<SmsTask> For(string operation) =>
            Known.FirstOrDefault(a => string.Equals(a.Name, operation, StringComparison.Ordinal)) ?? Custom(operation);

        private static TaskAction<SmsTask> Custom(string operation)
        {
            if (operation is null || !OperationPattern.IsMatch(operation))
            {
                throw new ArgumentException("'" + operation + "' is not an SMS task operation: operations are 1 to 64 lowercase letters and underscores (" + string.Join(", ", KnownOperations) + ").", "operation");
            }
            return Build(operation, "Send the '" + operation + "' action", "Sending '" + operation + "' to SMS tasks", "settled", "did not settle",
                _ => SmsWaitRules.States(SmsTaskStates.Settled), null);
        }

        /// <summary>The request body: the operation plus the options given.</summary>
        public static string Body(TaskAction<SmsTask> action, SmsActionOptions? options)
        {
            var body = new JObject { ["operation"] = action.Name };
            if (options?.TemplateId != null) body["template_id"] = options.TemplateId;
            if (options?.SwitchHce == true) body["switch_hce"] = true;
            if (options?.ConsistencyCheck == true) body["is_need_consistency_check"] = true;
            return body.ToString(Newtonsoft.Json.Formatting.None);
        }

        private static TaskAction<SmsTask> Launch(TaskAction<SmsTask> action, bool readsSourceServers = false)
        {
            // A test launch shows only in the migration cycle (read from the source servers); the others in the state.
            action.WaitState = readsSourceServers ? SmsLaunchRules.SourceCycle : (Func<SmsTask, string?>)SmsLaunchRules.SourceState;
            action.ReadsSourceServers = readsSourceServers;
            return action;
        }

        private static TaskAction<SmsTask> NeedsTemplate(TaskAction<SmsTask> action)
        {
            action.NeedsTemplate = true;
            return action;
        }
    }
}
