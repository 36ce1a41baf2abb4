using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using HuaweiMigration.Client.Waiting;
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
    /// Everything the module knows about one operation of <c>POST /v3/tasks/{id}/action</c>: its body, how to tell
    /// from the task that it took effect (so it is never sent twice), what waiting for it means, and its words for
    /// prompts, progress and messages. Adding an action is one descriptor here and one small cmdlet class.
    /// </summary>
    public sealed class SmsTaskAction
    {
        private static readonly Regex OperationPattern = new Regex("^[a-z_]{1,64}\\z", RegexOptions.CultureInvariant);

        private SmsTaskAction(
            string operation,
            string verb,
            string activity,
            string goal,
            string settled,
            Func<SmsTask?, bool?> tookEffect,
            Func<TimeSpan, Func<WaitEntry<SmsTask>, SmsTask?, WaitVerdict>>? waitRule,
            bool needsTemplate = false)
        {
            Operation = operation;
            Verb = verb;
            Activity = activity;
            Goal = goal;
            Settled = settled;
            TookEffect = tookEffect;
            WaitRule = waitRule;
            NeedsTemplate = needsTemplate;
        }

        /// <summary>The API's operation word.</summary>
        public string Operation { get; }

        /// <summary>What -WhatIf and -Confirm say is done ("Restart").</summary>
        public string Verb { get; }

        /// <summary>The progress activity while waiting ("Restarting SMS tasks").</summary>
        public string Activity { get; }

        /// <summary>For a time-out: "did not {Goal} within …" ("restart").</summary>
        public string Goal { get; }

        /// <summary>The progress status word: "3 of 10 tasks {Settled}" ("restarted").</summary>
        public string Settled { get; }

        /// <summary>
        /// Whether the task as read (null: gone) shows the action happened; null when it cannot be told. An action
        /// whose effect cannot be told is never sent again after an answer that leaves it open: its outcome is
        /// reported as unknown instead.
        /// </summary>
        public Func<SmsTask?, bool?> TookEffect { get; }

        /// <summary>What <c>-Wait</c> waits for, given how long a failed state must last to be believed; null when the action has no wait.</summary>
        public Func<TimeSpan, Func<WaitEntry<SmsTask>, SmsTask?, WaitVerdict>>? WaitRule { get; }

        /// <summary>True when the body must carry <c>template_id</c>.</summary>
        public bool NeedsTemplate { get; }

        /// <summary>The request body: the operation plus the options given.</summary>
        public string Body(SmsActionOptions? options)
        {
            var body = new JObject { ["operation"] = Operation };
            if (options?.TemplateId != null) body["template_id"] = options.TemplateId;
            if (options?.SwitchHce == true) body["switch_hce"] = true;
            if (options?.ConsistencyCheck == true) body["is_need_consistency_check"] = true;
            return body.ToString(Newtonsoft.Json.Formatting.None);
        }

        private static bool? InStates(SmsTask? task, IReadOnlyCollection<SmsTaskState> states) => task != null && states.Contains(task.State);

        private static readonly IReadOnlyCollection<SmsTaskState> Stopping = new HashSet<SmsTaskState> { SmsTaskState.ABORTING, SmsTaskState.ABORT };

        public static SmsTaskAction Start { get; } = new SmsTaskAction("start", "Start", "Starting SMS tasks", "start", "started",
            t => InStates(t, SmsTaskStates.Started), SmsWaitRules.Start);

        public static SmsTaskAction Stop { get; } = new SmsTaskAction("stop", "Suspend (pause)", "Pausing SMS tasks", "pause", "paused",
            t => InStates(t, Stopping), _ => SmsWaitRules.Suspend);

        public static SmsTaskAction Restart { get; } = new SmsTaskAction("restart", "Restart", "Restarting SMS tasks", "restart", "restarted",
            t => InStates(t, SmsTaskStates.Started), SmsWaitRules.Start);

        // A launch shows only in the sub-tasks, and not at once: its effect cannot be told from the task.
        public static SmsTaskAction Test { get; } = new SmsTaskAction("test", "Launch the target server for a test", "Testing SMS tasks", "launch the test", "launched",
            _ => null, null);

        public static SmsTaskAction Cutover { get; } = new SmsTaskAction("cutover", "Cut over to the target server", "Cutting over SMS tasks", "cut over", "cut over",
            _ => null, null);

        public static SmsTaskAction CloneTest { get; } = new SmsTaskAction("clone_test", "Clone the target server for a test", "Cloning SMS targets", "clone", "cloned",
            _ => null, null, needsTemplate: true);

        public static SmsTaskAction MigrationDrill { get; } = new SmsTaskAction("migration_test", "Run a migration drill", "Running migration drills", "run the drill", "drilled",
            _ => null, null);

        // An earlier check's result looks the same as this one's: the effect cannot be told, but waiting can.
        public static SmsTaskAction NetworkCheck { get; } = new SmsTaskAction("network_check", "Check the network", "Checking SMS task networks", "finish the network check", "checked",
            _ => null, _ => SmsWaitRules.NetworkChecked);

        public static SmsTaskAction Clear { get; } = new SmsTaskAction("clear", "Delete the snapshot resources", "Clearing SMS task snapshots", "clear", "cleared",
            t => t is null ? (bool?)null : string.IsNullOrEmpty(t.TargetSnapshotId), null);

        /// <summary>The descriptors of the operations the module knows.</summary>
        public static IReadOnlyList<SmsTaskAction> Known { get; } = new[] { Start, Stop, Restart, Test, Cutover, CloneTest, MigrationDrill, NetworkCheck, Clear, Skip() };

        /// <summary>Operation words for completion: the known ones, and the documented ones without a cmdlet.</summary>
        public static IReadOnlyList<string> KnownOperations { get; } = Known.Select(a => a.Operation).ToArray();

        private static SmsTaskAction Skip() => Custom("skip");

        /// <summary>
        /// The descriptor of any operation word: a known one, or one this version does not know (its effect cannot
        /// be told; -Wait waits until the task settles). Throws for a word that is not 1–64 lowercase letters and
        /// underscores.
        /// </summary>
        public static SmsTaskAction For(string operation)
        {
            var known = Known.FirstOrDefault(a => string.Equals(a.Operation, operation, StringComparison.Ordinal));
            return known ?? Custom(operation);
        }

        private static SmsTaskAction Custom(string operation)
        {
            if (operation is null || !OperationPattern.IsMatch(operation))
            {
                throw new ArgumentException("'" + operation + "' is not an SMS task operation: operations are 1 to 64 lowercase letters and underscores (start, stop, restart, test, cutover, clone_test, migration_test, network_check, clear, skip).", "operation");
            }
            return new SmsTaskAction(operation, "Send the '" + operation + "' action", "Sending '" + operation + "' to SMS tasks", "settle", "settled",
                _ => null, _ => SmsWaitRules.States(SmsTaskStates.Settled));
        }

        public override string ToString() => Operation;
    }
}
