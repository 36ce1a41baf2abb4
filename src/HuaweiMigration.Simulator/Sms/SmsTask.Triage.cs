using System;
using System.Collections.Generic;

namespace HuaweiMigration.Simulator.Sms;

/// <summary>What triage keeps of a task: its log upload, advanced settings and consistency results.</summary>
internal sealed partial class SmsTask
{
    /// <summary>The OBS bucket of the last log upload (POST /v3/tasks/{id}/log), or null.</summary>
    public string? LogBucket { get; set; }

    /// <summary>When the last log upload was asked for, and when it is done.</summary>
    public DateTime? LogUploadStarted { get; set; }
    public DateTime LogUploadDone { get; set; }

    /// <summary>INIT before any upload; UPLOADING until the upload is done, then UPLOADED (the SDK's log_collect_status values).</summary>
    public string LogCollectStatus(DateTime now) =>
        LogUploadStarted is null ? "INIT" : now < LogUploadDone ? "UPLOADING" : "UPLOADED";

    /// <summary>The advanced settings as last set (configuration-setting), in order.</summary>
    public List<(string Key, string Value, string? Status)> Configurations { get; set; } = new();

    /// <summary>The consistency check results (result_list), as the agent would have uploaded them.</summary>
    public List<string> ConsistencyResults { get; set; } = new();
}
