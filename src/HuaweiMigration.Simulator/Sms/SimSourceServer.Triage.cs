namespace HuaweiMigration.Simulator.Sms;

/// <summary>The error a source server without a task records (ListErrorServers' error_json), set by a test.</summary>
internal sealed partial class SimSourceServer
{
    public string? ErrorJson { get; set; }
}
