using HuaweiMigration.Models.Serialization;

namespace HuaweiMigration.Models
{
    /// <summary>
    /// One entry of a DCS migration task's log (<c>GET /v2/{project_id}/migration-task/{task_id}/logs</c>, the SDK's
    /// MigrationLog): when, how serious, the service's code and message, and the keywords the message refers to.
    /// </summary>
    public class DcsMigrationLogEntry : ApiObject
    {
        /// <summary>The task the entry belongs to (not an API field: the log is read per task).</summary>
        public string? TaskId { get; set; }

        /// <summary>When it was logged, in UTC (the API sends text like 2023-05-15T09:11:25.449Z; the converter reads ISO text as well as epoch milliseconds).</summary>
        [EpochMilliseconds] public System.DateTime? CreatedAt { get; set; }

        /// <summary>The level as the API sends it (for example Info, Warning, Error).</summary>
        [ApiField("log_level")] public string? Level { get; set; }

        /// <summary>The service's code for the entry.</summary>
        [ApiField("log_code")] public string? Code { get; set; }

        /// <summary>The message, cleaned for a person.</summary>
        [LooseText] public string? Message { get; set; }

        /// <summary>The keywords (names, addresses) the message refers to.</summary>
        [ApiField("keyword")] public ApiList<string> Keywords { get; set; } = new ApiList<string>();

        public override string ToString() => (CreatedAt?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "?") + " " + Level + " " + Code + " " + Message;
    }
}
