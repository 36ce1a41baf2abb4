using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client.Http;
using HuaweiMigration.Models;
using Newtonsoft.Json.Linq;
using RestSharp;

namespace HuaweiMigration.Client.Sms
{
    /// <summary>What a new task is to be (<c>POST /v3/tasks</c>, PostTask): the source server, the target and the settings.</summary>
    public sealed class SmsNewTask
    {
        public string SourceServerId { get; set; } = string.Empty;

        /// <summary>The task name; null: the source server's name.</summary>
        public string? Name { get; set; }

        /// <summary>The <c>vm_id</c> of an existing ECS to migrate onto (<c>exist_server: true</c>).</summary>
        public string? TargetServerId { get; set; }

        /// <summary>A template for a new ECS (<c>exist_server: false</c>, <c>vm_template_id</c>).</summary>
        public string? TemplateId { get; set; }

        /// <summary>The target server's name; null: the task name.</summary>
        public string? TargetServerName { get; set; }

        /// <summary>MIGRATE_BLOCK or MIGRATE_FILE (PostTask requires it; null sends MIGRATE_BLOCK).</summary>
        public string? Type { get; set; }

        /// <summary>0 low, 1 standard, 2 high; null: not sent (the API's default, 1).</summary>
        public int? Priority { get; set; }

        public string RegionId { get; set; } = string.Empty;
        public string RegionName { get; set; } = string.Empty;
        public string ProjectId { get; set; } = string.Empty;
        public string ProjectName { get; set; } = string.Empty;

        public bool? UsePublicIp { get; set; }
        public bool? Syncing { get; set; }
        public bool? StartTargetServer { get; set; }
        public bool? StartNetworkCheck { get; set; }
        public int? SpeedLimit { get; set; }
        public string? MigrationIp { get; set; }
        public bool? AutoStart { get; set; }
        public bool? ConsistencyCheck { get; set; }
        public bool? NeedMigrationTest { get; set; }
    }

    /// <summary>Why a task was not created for a source server (nothing was sent to create it).</summary>
    public enum SmsTaskRefusalReason
    {
        /// <summary>Neither a target server nor a template was given.</summary>
        NoTarget,
        /// <summary>The task name is one the API refuses.</summary>
        InvalidName,
        /// <summary>The source server's agent is not connected.</summary>
        NotConnected,
        /// <summary>The source server already has a task (<see cref="SmsTaskRefusedException.ExistingTask"/>).</summary>
        HasTask,
        /// <summary>The source server has no <c>init_target_server</c> disks to give the target.</summary>
        NoTargetLayout,
    }

    /// <summary>A task the client would not create, and why; nothing was sent to create it.</summary>
    public sealed class SmsTaskRefusedException : Exception
    {
        public SmsTaskRefusedException(SmsTaskRefusalReason reason, string message, SmsSourceServer? source = null, SmsSourceServerTask? existingTask = null)
            : base(message)
        {
            Reason = reason;
            SourceServer = source;
            ExistingTask = existingTask;
        }

        public SmsTaskRefusalReason Reason { get; }

        /// <summary>The source server as read, when it was.</summary>
        public SmsSourceServer? SourceServer { get; }

        /// <summary>The task the source server already has (<see cref="SmsTaskRefusalReason.HasTask"/>).</summary>
        public SmsSourceServerTask? ExistingTask { get; }
    }

    /// <summary>The changes of <c>PUT /v3/tasks/{id}</c> (PutTaskReq): null leaves a setting as it is.</summary>
    public sealed class SmsTaskChanges
    {
        public string? Name { get; set; }
        public int? SpeedLimit { get; set; }
        public string? MigrationIp { get; set; }

        public bool IsEmpty => Name is null && SpeedLimit is null && MigrationIp is null;
    }

    public sealed partial class SmsClient
    {
        private static readonly Regex TaskNamePattern = new Regex("^[A-Za-z0-9_.-]{1,255}\\z", RegexOptions.CultureInvariant);

        /// <summary>
        /// Throws unless <paramref name="name"/> is a task name the API takes: 1 to 255 ASCII letters, digits, '-',
        /// '_' and '.' (the API answers SMS.7711 to anything else).
        /// </summary>
        public static string ValidateTaskName(string? name, string paramName = "name")
        {
            if (!TryValidateTaskName(name, out var reason)) throw new ArgumentException(reason + ".", paramName);
            return name!;
        }

        /// <summary>
        /// False, with the reason as a sentence without its final full stop (no control character, no parameter
        /// name), unless <paramref name="name"/> is a task name the API takes (<see cref="ValidateTaskName"/>).
        /// </summary>
        public static bool TryValidateTaskName(string? name, out string reason)
        {
            if (name != null && TaskNamePattern.IsMatch(name))
            {
                reason = string.Empty;
                return true;
            }
            var shown = name is null ? "(none)" : "'" + Printable(name.Length > 60 ? name.Substring(0, 60) + "…" : name) + "'";
            reason = "The task name " + shown + (name != null && name.Length > 255 ? " is " + name.Length + " characters long" : " is not one the API takes")
                + ": a task name is 1 to 255 letters, digits, '-', '_' and '.'";
            return false;
        }

        private static string Printable(string s) => new string(s.Select(c => char.IsControl(c) ? '?' : c).ToArray());

        /// <summary>The task of a source server, if it has one (<c>GET /v3/tasks?source_server_id=</c>).</summary>
        public async Task<SmsTask?> FindTaskOfSourceServerAsync(string sourceServerId, CancellationToken cancellationToken)
        {
            InputValidation.Id(sourceServerId, 64, "SMS source server id");
            var page = await ListTasksPageAsync(null, new SmsTaskFilter { SourceServerId = sourceServerId }, 0, 10, cancellationToken).ConfigureAwait(false);
            return page.Tasks.FirstOrDefault(t => t.SourceServer?.Id is null || string.Equals(t.SourceServer.Id, sourceServerId, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>
        /// Checks a new task before anything is sent: a target is given, and a name given is one the API takes.
        /// Throws <see cref="SmsTaskRefusedException"/>.
        /// </summary>
        public static void CheckNewTask(SmsNewTask task)
        {
            InputValidation.Id(task.SourceServerId, 64, "SMS source server id");
            if (string.IsNullOrEmpty(task.TargetServerId) && string.IsNullOrEmpty(task.TemplateId))
            {
                throw new SmsTaskRefusedException(SmsTaskRefusalReason.NoTarget,
                    "SMS source server " + task.SourceServerId + " was given no target: pass -TargetServerId (an existing ECS) or -TemplateId (a new ECS from a template).");
            }
            if (task.Name != null) RefuseBadName(task.Name, task.SourceServerId, null);
        }

        private static void RefuseBadName(string name, string describedSource, SmsSourceServer? source)
        {
            try
            {
                ValidateTaskName(name);
            }
            catch (ArgumentException ex)
            {
                throw new SmsTaskRefusedException(SmsTaskRefusalReason.InvalidName, "SMS source server " + describedSource + ": " + ex.Message
                    + (source != null ? " Pass -Name." : string.Empty), source);
            }
        }

        private static string Describe(SmsSourceServer source, string id) =>
            source.Name is { Length: > 0 } name ? "'" + name + "' (" + id + ")" : id;

        /// <summary>
        /// Creates a source server's task: reads the server (<c>GET /v3/sources/{id}</c>, one request that also tells
        /// of its task), refuses what the API would
        /// refuse or what would give the server a second task (<see cref="SmsTaskRefusedException"/>, nothing sent
        /// to create it), then <c>POST /v3/tasks</c> with the target's disks and volume groups taken from the server's
        /// <c>init_target_server</c>. Returns the new task's id. A POST whose answer was lost is never sent again: the
        /// server's task is looked for instead.
        /// </summary>
        public async Task<string> CreateTaskAsync(SmsNewTask task, CancellationToken cancellationToken)
        {
            CheckNewTask(task);
            var id = task.SourceServerId;
            var source = await GetSourceServerAsync(id, cancellationToken).ConfigureAwait(false);
            var described = Describe(source, id);
            // The server's task is in its answer (current_task): no second request to look for it. It comes first, so a wave
            // run again finds its tasks even where an agent went offline since.
            if (source.CurrentTask is { Id: { Length: > 0 } } existing)
            {
                throw new SmsTaskRefusedException(SmsTaskRefusalReason.HasTask,
                    "SMS source server " + described + " already has a task: SMS task " + (existing.Name is { Length: > 0 } n ? "'" + n + "' (" + existing.Id + ")" : existing.Id)
                    + ". Use -SkipExisting to write it instead.", source, existing);
            }
            if (source.Connected != true)
            {
                throw new SmsTaskRefusedException(SmsTaskRefusalReason.NotConnected,
                    "SMS source server " + described + " is not connected: its agent is offline, so no task can be created for it. Start the SMS agent on the server.", source);
            }
            var name = task.Name ?? source.Name ?? string.Empty;
            RefuseBadName(name, described, task.Name is null ? source : null);
            var init = source.InitTargetServer;
            if (init?.Disks is not { Count: > 0 })
            {
                throw new SmsTaskRefusedException(SmsTaskRefusalReason.NoTargetLayout,
                    "SMS source server " + described + " has no target layout yet (its init_target_server has no disks), so the target's disks cannot be given. Wait until the agent has reported the server's disks.", source);
            }
            var body = PostTaskBody(task, name, init).ToString(Newtonsoft.Json.Formatting.None);
            for (var attempt = 1; ; attempt++)
            {
                var request = new ApiRequest(Service, _context.SmsEndpoint, Method.Post, "v3", "tasks") { JsonBody = body, Idempotent = false };
                try
                {
                    var newId = (await SendAsync<SmsCreatedAnswer>(request, cancellationToken).ConfigureAwait(false))?.Id;
                    if (string.IsNullOrEmpty(newId))
                    {
                        throw new HuaweiCloudApiException("The SMS answer to creating a task for source server " + described + " has no task id.", ApiErrorKind.InvalidResponse, service: Service);
                    }
                    return newId!;
                }
                catch (HuaweiCloudApiException ex) when (ex.MaybeApplied || ex.OutcomeUnknown)
                {
                    // Whether the task was made is open: look, and send again only when it was not (never twice once it was).
                    var made = await FindTaskOfSourceServerAsync(id, cancellationToken).ConfigureAwait(false);
                    if (made != null && string.Equals(made.Name, name, StringComparison.Ordinal))
                    {
                        _log.Verbose("SMS: the answer to creating task '" + name + "' was lost, but the task was made (" + made.Id + ").");
                        return made.Id;
                    }
                    if (made != null || attempt >= MaxCreateAttempts) throw;
                    _log.Verbose("SMS: creating task '" + name + "' failed (" + ex.Message + ") and no task was made; sending it again.");
                    await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken).ConfigureAwait(false);
                }
            }
        }

        /// <summary>How many times a creation is sent at most when its answers are lost and the task was not made.</summary>
        private const int MaxCreateAttempts = 3;

        /// <summary>PostTask: the required keys, the target from the server's <c>init_target_server</c>, and only the options given.</summary>
        internal static JObject PostTaskBody(SmsNewTask task, string name, SmsInitTargetServer init)
        {
            var target = new JObject
            {
                ["vm_id"] = task.TargetServerId ?? string.Empty,
                ["name"] = task.TargetServerName ?? name,
                ["disks"] = new JArray(init.Disks.Where(d => d != null).Select(d => (object)TargetDisk(d)).ToArray()),
                ["volume_groups"] = new JArray((init.VolumeGroups ?? new ApiList<SmsVolumeGroup>()).Select(v => (object)VolumeGroup(v)).ToArray()),
            };
            var body = new JObject
            {
                ["name"] = name,
                ["type"] = task.Type ?? "MIGRATE_BLOCK",
                ["region_id"] = task.RegionId,
                ["region_name"] = task.RegionName,
                ["project_id"] = task.ProjectId,
                ["project_name"] = task.ProjectName,
                ["source_server"] = new JObject { ["id"] = task.SourceServerId },
                ["target_server"] = target,
                ["exist_server"] = !string.IsNullOrEmpty(task.TargetServerId),
            };
            if (string.IsNullOrEmpty(task.TargetServerId)) body["vm_template_id"] = task.TemplateId;
            void Option(string key, object? value)
            {
                if (value != null) body[key] = JToken.FromObject(value);
            }
            Option("priority", task.Priority);
            Option("use_public_ip", task.UsePublicIp);
            Option("syncing", task.Syncing);
            Option("start_target_server", task.StartTargetServer);
            Option("start_network_check", task.StartNetworkCheck);
            Option("speed_limit", task.SpeedLimit);
            Option("migration_ip", task.MigrationIp);
            Option("auto_start", task.AutoStart);
            Option("is_need_consistency_check", task.ConsistencyCheck);
            Option("need_migration_test", task.NeedMigrationTest);
            return body;
        }

        // TargetDisks (CreateTask): a str disk_id and no int id; the disk as init_target_server gives it.
        private static JObject TargetDisk(SmsTargetDisk d)
        {
            var o = new JObject();
            Put(o, "name", d.Name);
            Put(o, "size", d.Size);
            Put(o, "used_size", d.UsedSize);
            Put(o, "device_use", d.DeviceUse);
            Put(o, "disk_id", d.DiskId);
            o["physical_volumes"] = new JArray(d.PhysicalVolumes.Select(p =>
            {
                var v = new JObject();
                Put(v, "name", p.Name);
                Put(v, "index", p.Index);
                Put(v, "size", p.Size);
                Put(v, "used_size", p.UsedSize);
                Put(v, "device_use", p.DeviceUse);
                Put(v, "file_system", p.FileSystem);
                Put(v, "mount_point", p.MountPoint);
                Put(v, "inode_size", p.InodeSize);
                Put(v, "uuid", p.Uuid);
                return (object)v;
            }).ToArray());
            return o;
        }

        private static JObject VolumeGroup(SmsVolumeGroup g)
        {
            var o = new JObject();
            Put(o, "name", g.Name);
            Put(o, "components", g.Components);
            Put(o, "size", g.Size);
            Put(o, "free_size", g.FreeSize);
            o["logical_volumes"] = new JArray(g.LogicalVolumes.Select(l =>
            {
                var v = new JObject();
                Put(v, "name", l.Name);
                Put(v, "device_use", l.DeviceUse);
                Put(v, "file_system", l.FileSystem);
                Put(v, "mount_point", l.MountPoint);
                Put(v, "block_count", l.BlockCount);
                Put(v, "block_size", l.BlockSize);
                Put(v, "inode_nums", l.InodeNums);
                Put(v, "inode_size", l.InodeSize);
                Put(v, "size", l.Size);
                Put(v, "used_size", l.UsedSize);
                Put(v, "free_size", l.FreeSize);
                return (object)v;
            }).ToArray());
            return o;
        }

        private static void Put(JObject o, string key, object? value)
        {
            if (value != null) o[key] = JToken.FromObject(value);
        }

        /// <summary>
        /// <c>PUT /v3/tasks/{id}</c> (PutTaskReq) with the task's current settings (read first) and the changes.
        /// Setting the same values twice leaves the task the same, so it may be retried like a read.
        /// </summary>
        public async Task UpdateTaskAsync(string id, SmsTaskChanges changes, CancellationToken cancellationToken)
        {
            InputValidation.SmsTaskId(id);
            if (changes.Name != null) ValidateTaskName(changes.Name, "Name");
            if (changes.SpeedLimit is int s && (s < 0 || s > 1000)) throw new ArgumentException("The speed limit must be 0 to 1000 Mbit/s (0: no limit).", "SpeedLimit");
            var current = await GetTaskAsync(id, cancellationToken).ConfigureAwait(false);
            var body = PutTaskBody(current, changes);
            var request = new ApiRequest(Service, _context.SmsEndpoint, Method.Put, "v3", "tasks", id) { JsonBody = body.ToString(Newtonsoft.Json.Formatting.None) };
            await SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        internal static JObject PutTaskBody(SmsTask current, SmsTaskChanges changes)
        {
            var body = new JObject();
            Put(body, "name", changes.Name ?? current.Name);
            Put(body, "type", current.Type);
            Put(body, "speed_limit", changes.SpeedLimit ?? current.SpeedLimit);
            Put(body, "migration_ip", changes.MigrationIp ?? current.MigrationIp);
            Put(body, "region_id", current.RegionId);
            Put(body, "region_name", current.RegionName);
            Put(body, "project_id", current.ProjectId);
            Put(body, "project_name", current.ProjectName);
            Put(body, "vm_template_id", string.IsNullOrEmpty(current.VmTemplateId) ? null : current.VmTemplateId);
            return body;
        }
    }

    /// <summary>
    /// Region display names as SMS takes them in <c>region_name</c> (the console's names). An unknown region is
    /// given by its id.
    /// </summary>
    public static class SmsRegionNames
    {
        private static readonly Dictionary<string, string> Names = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ap-southeast-1"] = "AP-Hong Kong",
            ["ap-southeast-2"] = "AP-Bangkok",
            ["ap-southeast-3"] = "AP-Singapore",
            ["ap-southeast-4"] = "AP-Jakarta",
            ["cn-north-4"] = "CN North-Beijing4",
            ["cn-north-9"] = "CN North-Ulanqab1",
            ["cn-east-3"] = "CN East-Shanghai1",
            ["cn-south-1"] = "CN South-Guangzhou",
            ["cn-southwest-2"] = "CN Southwest-Guiyang1",
            ["eu-west-101"] = "EU-Dublin",
            ["af-south-1"] = "AF-Johannesburg",
            ["la-south-2"] = "LA-Santiago",
            ["la-north-2"] = "LA-Mexico City2",
            ["sa-brazil-1"] = "LA-Sao Paulo1",
            ["tr-west-1"] = "TR-Istanbul",
            ["me-east-1"] = "ME-Riyadh",
        };

        public static string DisplayName(string region) => Names.TryGetValue(region, out var name) ? name : region;
    }
}
