using System;
using System.Collections.Generic;

namespace HuaweiMigration.Client.Reports
{
    /// <summary>
    /// Where a task stands, for a person reading a report: the groups its totals count and its colours show, in the
    /// order the table lists them (problems first).
    /// </summary>
    public enum ReportStateGroup
    {
        /// <summary>Failed or in error: needs a person.</summary>
        Failed,
        /// <summary>Stopped before the end (paused, terminated, skipped).</summary>
        Stopped,
        /// <summary>Moving data or changing state.</summary>
        Running,
        /// <summary>Not started yet, or not created yet.</summary>
        Waiting,
        /// <summary>A state this version does not know.</summary>
        Other,
        /// <summary>Finished.</summary>
        Done,
    }

    /// <summary>One row of a migration report: one SMS or DCS task, with the plan result about it when there is one.</summary>
    public sealed class ReportRow
    {
        /// <summary>Server (an SMS task) or Redis (a DCS migration task).</summary>
        public string Kind { get; set; } = Models.MigrationPlanKinds.Server;

        public string? Name { get; set; }

        /// <summary>The task id; empty for a plan row whose task was not found.</summary>
        public string? Id { get; set; }

        /// <summary>The state as the service spells it (or the plan's outcome, for a row without a task).</summary>
        public string? State { get; set; }

        public ReportStateGroup Group { get; set; } = ReportStateGroup.Other;

        /// <summary>0 to 100; null when it is not known.</summary>
        public int? Progress { get; set; }

        /// <summary>Data rate in Mbit/s; null when nothing is moving or it is not known.</summary>
        public double? SpeedMbitPerSecond { get; set; }

        /// <summary>Seconds until the service expects the task to finish; null when not known.</summary>
        public long? SecondsLeft { get; set; }

        /// <summary>What else matters about the row's progress (the SMS step; the Redis keys copied).</summary>
        public string? Detail { get; set; }

        /// <summary>The last error's code (SMS.6509), when the service gave one.</summary>
        public string? ErrorCode { get; set; }

        /// <summary>The last error as the service said it.</summary>
        public string? ErrorMessage { get; set; }

        /// <summary>What to do about the last error.</summary>
        public string? Advice { get; set; }

        /// <summary>The plan stage of the result merged in (Create, Replicate, …).</summary>
        public string? Stage { get; set; }

        /// <summary>The plan result's outcome (Done, Failed, …).</summary>
        public string? Outcome { get; set; }

        /// <summary>The plan result's message.</summary>
        public string? Message { get; set; }

        public override string ToString() => Kind + " " + Name + " " + State + (Progress is int p ? " " + p + "%" : string.Empty);
    }

    /// <summary>A report: when, where and for whom it was made, and its rows, problems first.</summary>
    public sealed class MigrationReport
    {
        public MigrationReport(string title, DateTime madeAtUtc, string? region, string? projectId, IReadOnlyList<ReportRow> rows)
        {
            Title = title;
            MadeAtUtc = madeAtUtc;
            Region = region;
            ProjectId = projectId;
            Rows = rows;
            var totals = new Dictionary<ReportStateGroup, int>();
            foreach (ReportStateGroup g in Enum.GetValues(typeof(ReportStateGroup))) totals[g] = 0;
            foreach (var row in rows) totals[row.Group]++;
            Totals = totals;
        }

        public string Title { get; }

        public DateTime MadeAtUtc { get; }

        public string? Region { get; }

        public string? ProjectId { get; }

        /// <summary>The rows, problems first (<see cref="ReportStateGroup"/> order), then by kind and name.</summary>
        public IReadOnlyList<ReportRow> Rows { get; }

        /// <summary>How many rows are in each group (every group present, zero included).</summary>
        public IReadOnlyDictionary<ReportStateGroup, int> Totals { get; }

        /// <summary>The time it was made, as ISO 8601 in UTC (2026-12-04T14:05:00Z).</summary>
        public string MadeAtText => MadeAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
    }
}
