using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace HuaweiMigration.Simulator.Dcs;

internal enum DcsExchangeResult
{
    Accepted,
    NotFound,
    Refused,
    BadIps,
}

/// <summary>
/// The cutover of a simulated Redis migration: exchange-ip makes the task EXCHANGING for
/// <see cref="SimulatorTimings.DcsExchangeDelay"/>, then it is back in its status with the source and target IPs
/// swapped (the instances' <c>ip</c> and <c>addrs</c>); rollback-ip does the same backwards, and is refused when
/// nothing was switched. Every change is written to the task's log.
/// </summary>
public sealed partial class DcsStore
{
    private static readonly HashSet<string> Switchable = new(StringComparer.Ordinal) { "INCRMIGEATING", "SUCCESS", "MIGRATION_SUCCESS" };

    /// <summary>POST exchange-ip: the IPs must be the task's source and target IPs (in any order).</summary>
    internal (DcsExchangeResult Result, string? Why) ExchangeIp(string id, IReadOnlyList<string> ips, bool domain)
    {
        lock (_lock)
        {
            var now = DateTime.UtcNow;
            var task = Find(id, now);
            if (task is null) return (DcsExchangeResult.NotFound, null);
            if (task.ExchangeDue is not null) return (DcsExchangeResult.Refused, "The IP addresses of this migration task are being switched.");
            if (!Switchable.Contains(task.Status) || task.MigrationType != "online_migration")
            {
                return (DcsExchangeResult.Refused, "IP addresses cannot be switched in the current status of the migration task (" + task.Status + ").");
            }
            var expected = new HashSet<string>(StringComparer.Ordinal) { task.SourceAddr, task.TargetAddr };
            if (!expected.SetEquals(ips)) return (DcsExchangeResult.BadIps, "Invalid parameter: exchanged_ip must hold the IP addresses of the source and target instances.");
            Begin(task, switching: true, now);
            Log(task, "Info", "DCS.MIG.0301", "IP switch started" + (domain ? " (domain names too)" : "") + ".", task.SourceAddr, task.TargetAddr);
            return (DcsExchangeResult.Accepted, null);
        }
    }

    /// <summary>POST rollback-ip: refused while switching, and when the IPs were never switched.</summary>
    internal (DcsExchangeResult Result, string? Why) RollbackIp(string id)
    {
        lock (_lock)
        {
            var now = DateTime.UtcNow;
            var task = Find(id, now);
            if (task is null) return (DcsExchangeResult.NotFound, null);
            if (task.ExchangeDue is not null) return (DcsExchangeResult.Refused, "The IP addresses of this migration task are being switched.");
            if (!task.IpsSwitched) return (DcsExchangeResult.Refused, "The IP addresses of this migration task have not been switched: there is nothing to roll back.");
            Begin(task, switching: false, now);
            Log(task, "Warning", "DCS.MIG.0303", "IP roll-back started.", task.SourceAddr, task.TargetAddr);
            return (DcsExchangeResult.Accepted, null);
        }
    }

    /// <summary>GET logs: newest last, filtered by level (case-insensitive), one page.</summary>
    internal (int Count, List<JsonObject> Page)? Logs(string id, string level, int offset, int limit)
    {
        lock (_lock)
        {
            var task = Find(id, DateTime.UtcNow);
            if (task is null) return null;
            var matching = task.Logs.Where(l => level.Length == 0 || string.Equals(l.Level, level, StringComparison.OrdinalIgnoreCase)).ToList();
            return (matching.Count, matching.Skip(offset).Take(limit).Select(l => l.ToJson()).ToList());
        }
    }

    /// <summary>Adds <paramref name="count"/> log entries to a task (levels cycling Info, Info, Warning, Error), for tests of paging.</summary>
    public void AddLogs(string id, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_lock)
        {
            var task = Find(id, DateTime.UtcNow) ?? throw new KeyNotFoundException($"No DCS migration task '{id}'.");
            var levels = new[] { "Info", "Info", "Warning", "Error" };
            for (var i = 0; i < count; i++)
            {
                task.Logs.Add(new DcsLogEntry(task.CreatedAt.AddSeconds(i + 1).AddMilliseconds(i % 1000), levels[i % levels.Length],
                    "DCS.MIG." + (9000 + i % 100).ToString(CultureInfo.InvariantCulture), "Replication checkpoint " + (i + 1).ToString(CultureInfo.InvariantCulture) + ".",
                    new[] { task.TaskName }));
            }
        }
    }

    /// <summary>Whether the task's IPs are switched now (for tests).</summary>
    public bool IpsSwitched(string id)
    {
        lock (_lock)
        {
            return Find(id, DateTime.UtcNow)?.IpsSwitched ?? throw new KeyNotFoundException($"No DCS migration task '{id}'.");
        }
    }

    private void Begin(DcsTask task, bool switching, DateTime now)
    {
        task.ExchangeDue = now + _timings.DcsExchangeDelay;
        task.Switching = switching;
        task.UpdatedAt = now;
    }

    /// <summary>Ends a switch or roll-back whose time has come: the IPs swap, the task shows its status again.</summary>
    private static void AdvanceExchange(DcsTask task, DateTime now)
    {
        if (task.ExchangeDue is not DateTime due || due > now) return;
        task.ExchangeDue = null;
        (task.SourceAddr, task.TargetAddr) = (task.TargetAddr, task.SourceAddr);
        task.IpsSwitched = !task.IpsSwitched;
        task.UpdatedAt = due;
        if (task.Switching) Log(task, "Info", "DCS.MIG.0302", "IP addresses switched.", task.SourceAddr, task.TargetAddr, at: due);
        else Log(task, "Info", "DCS.MIG.0304", "IP addresses rolled back.", task.SourceAddr, task.TargetAddr, at: due);
    }

    /// <summary>A status change, as the task's log shows it.</summary>
    private static void LogStatus(DcsTask task, string status, DateTime at)
    {
        var (level, code, text) = status switch
        {
            "TERMINATING" => ("Info", "DCS.MIG.0201", "Stopping the migration."),
            "TERMINATED" => ("Info", "DCS.MIG.0202", "Migration stopped."),
            "FAILED" or "MIGRATION_FAILED" or "ERROR" => ("Error", "DCS.MIG.0500", "Migration failed."),
            "SUCCESS" or "MIGRATION_SUCCESS" => ("Info", "DCS.MIG.0200", "Migration succeeded."),
            "INCRMIGEATING" => ("Info", "DCS.MIG.0102", "Full migration done; incremental migration running."),
            "MIGRATING" or "FULLMIGRATING" => ("Info", "DCS.MIG.0101", "Migration started."),
            _ => ("Info", "DCS.MIG.0100", "Status changed to " + status + "."),
        };
        Log(task, level, code, text, task.TaskName, at: at);
    }

    private static void Log(DcsTask task, string level, string code, string message, params string[] keywords) =>
        Log(task, level, code, message, keywords, DateTime.UtcNow);

    private static void Log(DcsTask task, string level, string code, string message, string keyword, DateTime at) =>
        Log(task, level, code, message, new[] { keyword }, at);

    private static void Log(DcsTask task, string level, string code, string message, string first, string second, DateTime at) =>
        Log(task, level, code, message, new[] { first, second }, at);

    private static void Log(DcsTask task, string level, string code, string message, string[] keywords, DateTime at) =>
        task.Logs.Add(new DcsLogEntry(at, level, code, message, keywords));
}

/// <summary>One entry of a task's log (the SDK's MigrationLog).</summary>
internal sealed record DcsLogEntry(DateTime At, string Level, string Code, string Message, string[] Keywords)
{
    public JsonObject ToJson() => new()
    {
        ["created_at"] = At.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["keyword"] = new JsonArray(Keywords.Select(k => (JsonNode?)k).ToArray()),
        ["log_code"] = Code,
        ["log_level"] = Level,
        ["message"] = Message,
    };
}

internal sealed partial class DcsTask
{
    /// <summary>When the running switch or roll-back ends; null when none runs.</summary>
    public DateTime? ExchangeDue { get; set; }

    /// <summary>True for a switch, false for a roll-back (while <see cref="ExchangeDue"/> is set).</summary>
    public bool Switching { get; set; }

    /// <summary>Whether the IPs are switched now.</summary>
    public bool IpsSwitched { get; set; }

    public List<DcsLogEntry> Logs { get; } = new();

    /// <summary>task_status: EXCHANGING while IPs are switched or rolled back, else absent.</summary>
    private string? ExchangeStatus => ExchangeDue is not null ? "EXCHANGING" : null;
}
