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
    /// <exception cref="ArgumentException">An OS type other than WINDOWS or LINUX; a disk size out of range; an empty project id.</exception>
    public string AddSourceServer(string? name = null, bool connected = true, string? state = null, string? osType = null,
        IReadOnlyList<long>? dataDisksGb = null, bool initTarget = true, string? migProjectId = null)
    {
        if (osType is not null && osType is not ("WINDOWS" or "LINUX")) throw new ArgumentException($"'osType' must be WINDOWS or LINUX, was '{osType}'.");
        if (dataDisksGb is not null && dataDisksGb.Any(d => d < 1 || d > 32768))
        {
            throw new ArgumentException("Each data disk size must be 1 to 32768 (GB).");
        }
        if (migProjectId is { Length: 0 }) throw new ArgumentException("'migProjectId' must not be empty.");
        lock (_lock)
        {
            return _sources.Add(name, connected, state, osType, dataDisksGb, initTarget, migProjectId ?? DefaultMigProjectId).Id;
        }
    }
}
