using System;
using HuaweiMigration.Client.Waiting;
using HuaweiMigration.Models;

namespace HuaweiMigration.Client.Sms
{
    /// <summary>
    /// When a launch (test, cutover, clone, drill, clear) has ended, read from the task's source server: its
    /// <c>state</c> and <c>migration_cycle</c> (API.md, "Launches"). An end counts once it is surely this launch's:
    /// the source server was seen changing since the first poll, or the end has held for the grace period (a launch
    /// quicker than the first poll, or one that had ended the same way before).
    /// </summary>
    internal static class SmsLaunchRules
    {
        /// <summary>What a launch wait follows: the source server's state (null when not read).</summary>
        public static string? SourceState(SmsTask task) => task.SourceServer?.State;

        /// <summary>What a test launch's wait follows: the source server's migration cycle (null when not read; list rows lack it).</summary>
        public static string? SourceCycle(SmsTask task) => task.SourceServer?.MigrationCycle;

        private static string? State(SmsTask task) => task.SourceServer?.State;

        private static string? Cycle(SmsTask task) => task.SourceServer?.MigrationCycle;

        private static bool Is(string? value, string expected) => string.Equals(value, expected, StringComparison.OrdinalIgnoreCase);

        /// <summary>Test: the migration cycle is <c>tested</c>, or it was seen <c>testing</c> and left it; <c>error</c> fails.</summary>
        public static Func<WaitEntry<SmsTask>, SmsTask?, WaitVerdict> Tested(TimeSpan grace) =>
            Rule(grace, "testing", (entry, t) => Is(Cycle(t), "tested") || (Is(entry.FirstSeenState, "testing") && Cycle(t) != null && !Is(Cycle(t), "testing")),
                t => Is(State(t), "error"));

        /// <summary>Cutover: the source server is <c>finished</c> (cycle <c>cutovered</c>); <c>error</c> fails.</summary>
        public static Func<WaitEntry<SmsTask>, SmsTask?, WaitVerdict> CutOver(TimeSpan grace) =>
            Rule(grace, "cutting over", (_, t) => Is(State(t), "finished") || Is(Cycle(t), "cutovered"), t => Is(State(t), "error"));

        /// <summary>Clone test: the source server has left <c>cloning</c> and the task has a clone server; <c>error</c> fails.</summary>
        public static Func<WaitEntry<SmsTask>, SmsTask?, WaitVerdict> Cloned(TimeSpan grace) =>
            Rule(grace, "cloning", (_, t) => !Is(State(t), "cloning") && !Is(State(t), "error") && !string.IsNullOrEmpty(t.CloneServer?.VmId), t => Is(State(t), "error"));

        /// <summary>Migration drill: the source server is <c>premiged</c>; <c>premigfailed</c> (or <c>error</c>) fails.</summary>
        public static Func<WaitEntry<SmsTask>, SmsTask?, WaitVerdict> Drilled(TimeSpan grace) =>
            Rule(grace, "running the drill", (_, t) => Is(State(t), "premiged"), t => Is(State(t), "premigfailed") || Is(State(t), "error"));

        /// <summary>Clear: the source server is <c>cleared</c>; <c>clearfailed</c> (or <c>error</c>) fails.</summary>
        public static Func<WaitEntry<SmsTask>, SmsTask?, WaitVerdict> Cleared(TimeSpan grace) =>
            Rule(grace, "clearing", (_, t) => Is(State(t), "cleared"), t => Is(State(t), "clearfailed") || Is(State(t), "error"));

        /// <summary>The longest a launch's end waits to be believed: a launch that ended before the first poll is told in about two polls.</summary>
        public static readonly TimeSpan LongestGrace = TimeSpan.FromSeconds(2.5);

        private static Func<WaitEntry<SmsTask>, SmsTask?, WaitVerdict> Rule(TimeSpan grace, string doing, Func<WaitEntry<SmsTask>, SmsTask, bool> done, Func<SmsTask, bool> failed) => (entry, task) =>
        {
            if (grace > LongestGrace) grace = LongestGrace;
            if (task is null) return WaitVerdict.Fail("SmsTaskGone", SmsWaitRules.Describe(entry, null) + " disappeared while " + doing + ".");
            var surelyThisLaunch = entry.ChangedSinceFirstSeen || (entry.FirstSeenUtc.HasValue && DateTime.UtcNow - entry.FirstSeenUtc.Value >= grace);
            if (failed(task))
            {
                return surelyThisLaunch
                    ? WaitVerdict.Fail("SmsLaunchFailed", SmsWaitRules.Describe(entry, task) + " failed while " + doing + ": its source server is " + State(task) + "."
                        + (string.IsNullOrEmpty(task.ErrorJson) ? string.Empty : " Error: " + task.ErrorJson))
                    : WaitVerdict.Continue;
            }
            return done(entry, task) && surelyThisLaunch ? WaitVerdict.Reached : WaitVerdict.Continue;
        };

    }
}
