using System;
using System.Collections.Generic;
using System.Linq;
using HuaweiMigration.Models.Serialization;

namespace HuaweiMigration.Models
{
    /// <summary>
    /// How many source servers of the account are in each state (<c>GET /v3/sources/overview</c>), with their
    /// <see cref="Total"/>. A state the API adds later is kept in AdditionalProperties and counted in the total.
    /// </summary>
    public class SmsOverview : ApiObject
    {
        /// <summary>Agents not connected.</summary>
        public int Unavailable { get; set; }
        /// <summary>Connected, waiting for a task or a start.</summary>
        public int Waiting { get; set; }
        public int Initialize { get; set; }
        public int Replicate { get; set; }
        public int Syncing { get; set; }
        public int Stopping { get; set; }
        public int Stopped { get; set; }
        public int Skipping { get; set; }
        public int Deleting { get; set; }
        public int Cloning { get; set; }
        public int Cutovering { get; set; }
        public int Finished { get; set; }
        public int Error { get; set; }
        /// <summary>Registered, not yet configured.</summary>
        public int Unconfigured { get; set; }

        /// <summary>Every count added up, states the API added later (integer AdditionalProperties) included.</summary>
        public int Total =>
            Unavailable + Waiting + Initialize + Replicate + Syncing + Stopping + Stopped + Skipping + Deleting + Cloning + Cutovering + Finished + Error + Unconfigured
            + AdditionalProperties.Values.Sum(v => v is long n && n >= 0 && n <= int.MaxValue ? (int)n : 0);

        public override string ToString() => Total + " source servers (" + Error + " in error)";
    }

    /// <summary>
    /// A source server whose migration failed (<c>GET /v3/errors</c>): its name, id, host name and addresses, and the
    /// error the service recorded. <see cref="ErrorJson"/> is the text as sent; <see cref="ErrorCode"/>,
    /// <see cref="ErrorMessage"/> and <see cref="ErrorParameters"/> are read from it when it is JSON (they stay empty
    /// when it is not). Its <see cref="Id"/> pipes into <c>Get-SmsSourceServer</c>.
    /// </summary>
    public class SmsMigrationError : ApiObject
    {
        /// <summary>The source server's id.</summary>
        [ApiField("source_id")] public string? Id { get; set; }
        /// <summary>The source server's name in SMS.</summary>
        public string? Name { get; set; }
        /// <summary>The host name the agent reported (may be empty).</summary>
        public string? HostName { get; set; }
        public string? SourceIp { get; set; }
        public string? TargetIp { get; set; }
        /// <summary>The error as the service sent it (JSON text: error_code, error_msg, error_param).</summary>
        [LooseText] public string? ErrorJson { get; set; }

        /// <summary>The SMS error code read from <see cref="ErrorJson"/> (SMS.6509).</summary>
        public string? ErrorCode { get; internal set; }
        /// <summary>The message read from <see cref="ErrorJson"/>.</summary>
        public string? ErrorMessage { get; internal set; }
        /// <summary>The values the message refers to, read from <see cref="ErrorJson"/>.</summary>
        public string[] ErrorParameters { get; internal set; } = new string[0];

        /// <summary>The source server's id, as <c>Get-SmsSourceServer</c> takes it.</summary>
        public string? SourceServerId => Id;

        public override string ToString() => Name + ": " + (ErrorCode is null ? ErrorJson : ErrorCode + " " + ErrorMessage);
    }

    /// <summary>
    /// The consistency check results of an SMS task (<c>GET /v3/tasks/{id}/consistency-result</c>): the texts the
    /// service keeps (<see cref="ResultList"/>), and those that are JSON read into <see cref="Checks"/>.
    /// </summary>
    public class SmsConsistencyResult : ApiObject
    {
        public string? TaskId { get; set; }
        /// <summary>The results as the service sent them, one text per check.</summary>
        public ApiList<string> ResultList { get; set; } = new ApiList<string>();

        /// <summary>The results of <see cref="ResultList"/> that are JSON, read: when each check finished, its outcome and its directories.</summary>
        public ApiList<SmsConsistencyCheck> Checks { get; internal set; } = new ApiList<SmsConsistencyCheck>();

        public override string ToString() => TaskId + ": " + ResultList.Count + (ResultList.Count == 1 ? " result" : " results");
    }

    /// <summary>One consistency check of a task: when it finished, its outcome, and what it found per directory.</summary>
    public class SmsConsistencyCheck : ApiObject
    {
        [EpochMilliseconds] public DateTime? FinishedTime { get; set; }
        public string? CheckResult { get; set; }
        /// <summary>Each directory checked.</summary>
        public ApiList<SmsConsistencyDirectory> ConsistencyResult { get; set; } = new ApiList<SmsConsistencyDirectory>();

        public override string ToString() => (CheckResult ?? "checked") + (ConsistencyResult.Count == 0 ? string.Empty : ": " + ConsistencyResult);
    }

    /// <summary>What a consistency check found in one directory (the SDK's ConsistencyResult).</summary>
    public class SmsConsistencyDirectory : ApiObject
    {
        public string? DirCheck { get; set; }
        public int? NumTotalFiles { get; set; }
        public int? NumDifferentFiles { get; set; }
        public int? NumTargetMissFiles { get; set; }
        public int? NumTargetMoreFiles { get; set; }

        public override string ToString() =>
            DirCheck + " " + NumDifferentFiles + " of " + NumTotalFiles + " differ, " + NumTargetMissFiles + " missing, " + NumTargetMoreFiles + " extra";
    }

    /// <summary>
    /// The advanced settings of an SMS task (<c>GET /v3/tasks/{id}/configuration-setting</c>): directories excluded
    /// from migration or sync, directories to sync only, the agent's resource limits and the like, as key and value.
    /// </summary>
    public class SmsTaskConfiguration : ApiObject
    {
        public string? TaskId { get; set; }
        /// <summary>WINDOWS_MIGRATE_BLOCK, LINUX_MIGRATE_FILE or LINUX_MIGRATE_BLOCK.</summary>
        public string? MigrateType { get; set; }
        public ApiList<SmsConfigItem> Configurations { get; set; } = new ApiList<SmsConfigItem>();

        /// <summary>The value of one setting (<c>MIGRATE_EXCLUDE_DIR</c>), or null when it is not set.</summary>
        public string? this[string key] => Configurations.LastOrDefault(c => string.Equals(c.ConfigKey, key, StringComparison.OrdinalIgnoreCase))?.ConfigValue;

        public override string ToString() => TaskId + ": " + Configurations;
    }
}
