using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace HuaweiMigration.Simulator.Sms;

/// <summary>The store's source servers: registered on their own or with a task, kept until deleted.</summary>
public sealed partial class SmsStore
{
    /// <summary>Source servers in registration order, filtered and paged as ListServers does.</summary>
    internal (int Count, List<JsonObject> Page) ListSources(Func<SimSourceServer, bool> filter, int offset, int limit)
    {
        lock (_lock)
        {
            var now = DateTime.UtcNow;
            AdvanceAll(now);
            var matching = _sources.All.Where(filter).ToList();
            return (matching.Count, matching.Skip(offset).Take(limit).Select(s => s.ToJson(show: false, now)).ToList());
        }
    }

    internal JsonObject? ShowSource(string id)
    {
        lock (_lock)
        {
            var now = DateTime.UtcNow;
            AdvanceAll(now);
            return _sources.All.FirstOrDefault(s => s.Id == id)?.ToJson(show: true, now);
        }
    }

    /// <summary>
    /// Registers a source server with no task (its agent started); returns its id.
    /// </summary>
    /// <param name="name">Defaults to "src-NNNN".</param>
    /// <param name="connected">Whether its agent is connected (state <c>waiting</c>) or not (<c>unavailable</c>).</param>
    /// <param name="state">Its state while it has no task, when neither of those.</param>
    /// <param name="osType">WINDOWS or LINUX; chosen at random (one in four Windows) when not given.</param>
    /// <param name="dataDisksGb">Its data disks' sizes in GB (1 to 32768 each), after a system disk of 40 GB.</param>
    /// <param name="initTarget">False: SMS has worked out no target for it, so its <c>init_target_server</c> is empty (no disks).</param>
    /// <param name="migProjectId">Its migration project; defaults to the account's default project.</param>
    /// <exception cref="ArgumentException">An OS type other than WINDOWS or LINUX; a disk size out of range; a migration project that does not exist.</exception>
    public string AddSourceServer(string? name = null, bool connected = true, string? state = null, string? osType = null,
        IReadOnlyList<long>? dataDisksGb = null, bool initTarget = true, string? migProjectId = null)
    {
        if (osType is not null && osType is not ("WINDOWS" or "LINUX")) throw new ArgumentException($"'osType' must be WINDOWS or LINUX, was '{osType}'.");
        if (dataDisksGb is not null && dataDisksGb.Any(d => d < 1 || d > 32768))
        {
            throw new ArgumentException("Each data disk size must be 1 to 32768 (GB).");
        }
        if (migProjectId is not null && !MigProjectExists(migProjectId)) throw new ArgumentException($"There is no migration project '{migProjectId}'.");
        lock (_lock)
        {
            return _sources.Add(name, connected, state, osType, dataDisksGb, initTarget, migProjectId ?? DefaultMigProjectId).Id;
        }
    }
    /// <summary>Whether a migration project with this id exists.</summary>
    internal bool MigProjectExists(string id) => Projects.Get(id) is not null;

    /// <summary>Renames the server and/or moves it to another project (UpdateServerName); false when it does not exist.</summary>
    internal bool UpdateSource(string id, string? name, string? migProjectId)
    {
        lock (_lock)
        {
            AdvanceAll(DateTime.UtcNow);
            var server = _sources.Find(id);
            if (server is null) return false;
            if (name is not null) server.Name = name;
            if (migProjectId is not null) server.MigProjectId = migProjectId;
            return true;
        }
    }

    /// <summary>
    /// Deletes all the servers or none (DeleteServer, DeleteServers): every id must exist and have no task. On a
    /// refusal, the id in the way and, when it has one, its task's id.
    /// </summary>
    internal (SmsActionResult Result, string? Id, string? TaskId) DeleteSources(IReadOnlyList<string> ids)
    {
        lock (_lock)
        {
            AdvanceAll(DateTime.UtcNow);
            var servers = new List<SimSourceServer>();
            foreach (var id in ids)
            {
                var server = _sources.Find(id);
                if (server is null) return (SmsActionResult.NotFound, id, null);
                if (server.Task is SmsTask task) return (SmsActionResult.RefusedDelete, id, task.Id);
                servers.Add(server);
            }
            foreach (var server in servers.Distinct()) _sources.Remove(server);
            return (SmsActionResult.Accepted, null, null);
        }
    }

    /// <summary>The migration project of a source server, or null when it does not exist.</summary>
    public string? GetSourceMigProject(string id)
    {
        lock (_lock)
        {
            return _sources.Find(id)?.MigProjectId;
        }
    }
}
