using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace HuaweiMigration.Simulator.Sms;

/// <summary>
/// <c>POST /v3/tasks</c> (CreateTask, body PostTask) and <c>PUT /v3/tasks/{task_id}</c> (UpdateTask, body PutTaskReq),
/// held to the SDK's shapes: unknown keys and keys of the wrong type are refused (SMS.0201), as are missing required
/// keys (SMS.0205 naming the key); the rules of API.md "Creating tasks" follow.
/// </summary>
internal static class TaskCreateEndpoints
{
    // PostTask's fields and their JSON kinds (sdk-shapes.json).
    private static readonly Dictionary<string, string> PostTaskFields = new(StringComparer.Ordinal)
    {
        ["auto_start"] = "bool", ["clonevm_template_id"] = "str", ["exist_server"] = "bool", ["is_need_consistency_check"] = "bool",
        ["migration_ip"] = "str", ["name"] = "str", ["need_migration_test"] = "bool", ["os_type"] = "str",
        ["over_speed_threshold"] = "num", ["priority"] = "int", ["project_id"] = "str", ["project_name"] = "str",
        ["region_id"] = "str", ["region_name"] = "str", ["source_server"] = "obj", ["speed_limit"] = "int",
        ["start_network_check"] = "bool", ["start_target_server"] = "bool", ["syncing"] = "bool", ["target_server"] = "obj",
        ["type"] = "str", ["use_ipv6"] = "bool", ["use_public_ip"] = "bool", ["vm_template_id"] = "str",
    };

    private static readonly string[] PostTaskRequired = { "name", "type", "region_id", "region_name", "project_id", "project_name", "source_server", "target_server" };

    private static readonly Dictionary<string, string> TargetServerByTaskFields = new(StringComparer.Ordinal)
    {
        ["btrfs_list"] = "arr", ["disks"] = "arr", ["name"] = "str", ["vm_id"] = "str", ["volume_groups"] = "arr",
    };

    // PutTaskReq's top-level fields (nested target_server and clone_server are taken as objects).
    private static readonly Dictionary<string, string> PutTaskFields = new(StringComparer.Ordinal)
    {
        ["clone_server"] = "obj", ["cutovered_snapshot_ids"] = "str", ["enterprise_project"] = "str", ["exist_server"] = "bool",
        ["image_disk_id"] = "str", ["migration_ip"] = "str", ["name"] = "str", ["project_id"] = "str", ["project_name"] = "str",
        ["region_id"] = "str", ["region_name"] = "str", ["snapshot_ids"] = "str", ["speed_limit"] = "int",
        ["target_disk_ids"] = "str", ["target_server"] = "obj", ["type"] = "str", ["use_ipv6"] = "bool",
        ["use_public_ip"] = "bool", ["vm_template_id"] = "str",
    };

    /// <summary>SMS task names: letters, digits, '-', '_' and '.', 1 to 255 (else SMS.7711).</summary>
    private static readonly Regex TaskName = new("^[A-Za-z0-9_.-]{1,255}\\z", RegexOptions.CultureInvariant);

    /// <summary>POST /v3/tasks: creates a READY task for a connected source server that has none; answers {"id"}.</summary>
    public static Task Create(HttpContext ctx, SmsStore store, byte[] body)
    {
        var root = Reply.ParseObject(body);
        if (root is null || Mismatch(root, PostTaskFields) is not null) return Reply.SmsError(ctx, 400, "SMS.0201", "Invalid request body");
        foreach (var key in PostTaskRequired)
        {
            if (root[key] is null || (root[key] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length == 0))
            {
                return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: " + key);
            }
        }
        var source = (JsonObject)root["source_server"]!;
        if (source.Any(p => p.Key != "id") || source["id"] is not JsonValue sid || !sid.TryGetValue<string>(out var sourceId) || sourceId.Length == 0)
        {
            return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: source_server.id");
        }
        var target = (JsonObject)root["target_server"]!;
        if (Mismatch(target, TargetServerByTaskFields) is not null || Str(target, "name") is not { Length: > 0 } targetName || Str(target, "vm_id") is null)
        {
            return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: target_server");
        }
        var name = Str(root, "name")!;
        if (!TaskName.IsMatch(name)) return Reply.SmsError(ctx, 400, "SMS.7711", "Invalid task name: use 1 to 255 letters, digits, '-', '_' and '.'.");
        var type = Str(root, "type")!;
        if (type is not ("MIGRATE_FILE" or "MIGRATE_BLOCK")) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: type");
        var priority = Int(root, "priority") ?? 1;
        if (priority is < 0 or > 2) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: priority");
        var speedLimit = Int(root, "speed_limit") ?? 0;
        if (speedLimit is < 0 or > 1000) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: speed_limit");
        var region = Str(root, "region_id")!;
        if (!SimulatorCredentials.Regions.Contains(region)) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: region_id");
        if (Str(root, "project_id") != SimulatorCredentials.ProjectIdFor(region)) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: project_id (not the project of region " + region + ")");
        var existServer = Bool(root, "exist_server") ?? false;
        var vmId = Str(target, "vm_id")!;
        var templateId = Str(root, "vm_template_id");
        if (existServer && vmId.Length == 0) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: target_server.vm_id");
        if (!existServer && string.IsNullOrEmpty(templateId)) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: vm_template_id");

        var spec = new SmsNewTaskSpec
        {
            SourceServerId = sourceId,
            Name = name,
            Type = type,
            Priority = priority,
            SpeedLimit = speedLimit,
            Region = region,
            TargetVmId = existServer ? vmId : null,
            TargetName = targetName,
            Disks = target["disks"] as JsonArray ?? new JsonArray(),
            VolumeGroups = target["volume_groups"] as JsonArray ?? new JsonArray(),
            Settings = new SmsTaskSettings
            {
                ProjectName = Str(root, "project_name")!,
                RegionName = Str(root, "region_name")!,
                VmTemplateId = existServer ? null : templateId,
                ExistServer = existServer,
                UsePublicIp = Bool(root, "use_public_ip") ?? true,
                Syncing = Bool(root, "syncing") ?? false,
                StartTargetServer = Bool(root, "start_target_server") ?? false,
                StartNetworkCheck = Bool(root, "start_network_check") ?? false,
                NeedMigrationTest = Bool(root, "need_migration_test") ?? false,
                MigrationIp = Str(root, "migration_ip"),
            },
        };
        var (outcome, id) = store.CreateTask(spec);
        return outcome switch
        {
            SmsCreateOutcome.Created => Reply.Json(ctx, 200, new JsonObject { ["id"] = id }),
            SmsCreateOutcome.NoSuchSource => Reply.SmsError(ctx, 404, "SMS.0404", "The source server does not exist."),
            // The SDK and API reference document no code for these two; SMS.1302 and SMS.1303 are the simulator's.
            SmsCreateOutcome.NotConnected => Reply.SmsError(ctx, 400, "SMS.1302", "The source server is not connected."),
            SmsCreateOutcome.HasTask => Reply.SmsError(ctx, 400, "SMS.1303", "The source server already has a migration task (" + id + ")."),
            _ => Reply.SmsError(ctx, 400, "SMS.0515", "The target server's disks or volume groups do not match the source server."),
        };
    }

    /// <summary>PUT /v3/tasks/{task_id}: updates name, speed_limit and migration_ip (others are taken and kept); answers {"id"}.</summary>
    public static Task Update(HttpContext ctx, SmsStore store, byte[] body)
    {
        var id = ctx.Request.RouteValues["task_id"] as string ?? string.Empty;
        if (id.Length is < 1 or > 36) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: task_id");
        var root = Reply.ParseObject(body);
        if (root is null || Mismatch(root, PutTaskFields) is not null) return Reply.SmsError(ctx, 400, "SMS.0201", "Invalid request body");
        var name = Str(root, "name");
        if (name is not null && !TaskName.IsMatch(name)) return Reply.SmsError(ctx, 400, "SMS.7711", "Invalid task name: use 1 to 255 letters, digits, '-', '_' and '.'.");
        var speedLimit = Int(root, "speed_limit");
        if (speedLimit is < 0 or > 1000) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: speed_limit");
        var type = Str(root, "type");
        if (type is not null and not ("MIGRATE_FILE" or "MIGRATE_BLOCK")) return Reply.SmsError(ctx, 400, "SMS.0205", "Invalid parameter: type");
        return store.UpdateTask(id, name, speedLimit, Str(root, "migration_ip"))
            ? Reply.Json(ctx, 200, new JsonObject { ["id"] = id })
            : Reply.SmsError(ctx, 404, "SMS.0404", "The task does not exist.");
    }

    /// <summary>The first key that is not a field of the model, or whose value is of the wrong kind; null when all fit.</summary>
    private static string? Mismatch(JsonObject o, Dictionary<string, string> fields)
    {
        foreach (var (key, node) in o)
        {
            if (!fields.TryGetValue(key, out var kind)) return key;
            if (node is null) continue;
            var ok = kind switch
            {
                "str" => node.GetValueKind() == JsonValueKind.String,
                "bool" => node.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
                "int" => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out _),
                "num" => node.GetValueKind() == JsonValueKind.Number,
                "obj" => node is JsonObject,
                "arr" => node is JsonArray,
                _ => false,
            };
            if (!ok) return key;
        }
        return null;
    }

    private static string? Str(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static int? Int(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<long>(out var n) ? (int)Math.Clamp(n, int.MinValue, int.MaxValue) : null;

    private static bool? Bool(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;
}

/// <summary>What POST /v3/tasks asked for, checked for shape.</summary>
internal sealed class SmsNewTaskSpec
{
    public string SourceServerId { get; init; } = string.Empty;
    public string Name { get; init; } = string.Empty;
    public string Type { get; init; } = "MIGRATE_BLOCK";
    public int Priority { get; init; } = 1;
    public int SpeedLimit { get; init; }
    public string Region { get; init; } = SimulatorCredentials.DefaultRegion;
    public string? TargetVmId { get; init; }
    public string TargetName { get; init; } = string.Empty;
    public JsonArray Disks { get; init; } = new();
    public JsonArray VolumeGroups { get; init; } = new();
    public SmsTaskSettings Settings { get; init; } = new();
}

internal enum SmsCreateOutcome
{
    Created,
    NoSuchSource,
    NotConnected,
    HasTask,
    LayoutMismatch,
}

/// <summary>
/// The settings a task created by POST /v3/tasks carries that seeded tasks make up: ShowTask and ListTasks answer
/// them as given.
/// </summary>
internal sealed class SmsTaskSettings
{
    public string ProjectName { get; set; } = string.Empty;
    public string RegionName { get; set; } = string.Empty;
    public string? VmTemplateId { get; set; }
    public bool ExistServer { get; set; }
    public bool UsePublicIp { get; set; }
    public bool Syncing { get; set; }
    public bool StartTargetServer { get; set; }
    public bool StartNetworkCheck { get; set; }
    public bool NeedMigrationTest { get; set; }
    public string? MigrationIp { get; set; }

    /// <summary>Puts the settings into the task's answer (a list row or the show answer).</summary>
    public void Apply(JsonObject o, bool show, string state)
    {
        o["start_target_server"] = StartTargetServer;
        o["need_migration_test"] = NeedMigrationTest;
        if (MigrationIp is not null) o["migration_ip"] = MigrationIp;
        if (show)
        {
            o["region_name"] = RegionName;
            o["project_name"] = ProjectName;
            o["vm_template_id"] = VmTemplateId;
        }
        else
        {
            o["syncing"] = Syncing || state == "SYNCING";
        }
    }
}
