using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace HuaweiMigration.Simulator.Sms;

/// <summary>The settings of one simulated migration project (MigProject's fields).</summary>
public sealed class SimMigProject
{
    public string Id { get; init; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string Region { get; set; } = "ap-southeast-1";
    public string Type { get; set; } = "MIGRATE_BLOCK";
    public bool IsDefault { get; set; }
    public string Description { get; set; } = string.Empty;
    public string EnterpriseProject { get; set; } = "0";
    public bool ExistServer { get; set; }
    public bool UsePublicIp { get; set; } = true;
    public bool Syncing { get; set; }
    public bool StartTargetServer { get; set; }
    public bool StartNetworkCheck { get; set; }
    public int SpeedLimit { get; set; }

    internal SimMigProject Copy() => (SimMigProject)MemberwiseClone();

    /// <summary>As a list row (with id) or as ShowMigproject answers it (without).</summary>
    internal JsonObject ToJson(bool withId)
    {
        var o = new JsonObject();
        if (withId) o["id"] = Id;
        o["name"] = Name;
        o["region"] = Region;
        o["type"] = Type;
        o["isdefault"] = IsDefault;
        o["description"] = Description;
        o["enterprise_project"] = EnterpriseProject;
        o["exist_server"] = ExistServer;
        o["use_public_ip"] = UsePublicIp;
        o["syncing"] = Syncing;
        o["start_target_server"] = StartTargetServer;
        o["start_network_check"] = StartNetworkCheck;
        o["speed_limit"] = SpeedLimit;
        return o;
    }
}

/// <summary>Why a project change was refused.</summary>
internal enum MigProjectResult
{
    Done,
    NotFound,
    NameTaken,
    DefaultNotDeletable,
}

/// <summary>
/// The simulated migration projects. There is always exactly one default project; a fresh or reseeded simulator has
/// one, named "default". Names are unique.
/// </summary>
public sealed class MigProjectStore
{
    private readonly object _lock = new();
    private readonly List<SimMigProject> _projects = new();
    private int _next;

    internal MigProjectStore() => Seed();

    /// <summary>The id of the account's current default project (where new source servers register).</summary>
    public string DefaultId
    {
        get
        {
            lock (_lock)
            {
                return _projects.First(p => p.IsDefault).Id;
            }
        }
    }

    /// <summary>Project ids in list order.</summary>
    public IReadOnlyList<string> Ids
    {
        get
        {
            lock (_lock)
            {
                return _projects.Select(p => p.Id).ToList();
            }
        }
    }

    /// <summary>A copy of a project's settings, or null.</summary>
    public SimMigProject? Get(string id)
    {
        lock (_lock)
        {
            return Find(id)?.Copy();
        }
    }

    /// <summary>Replaces every project with the one default project, "default".</summary>
    public void Seed()
    {
        lock (_lock)
        {
            _projects.Clear();
            _next = 0;
            _projects.Add(new SimMigProject { Id = NewId(), Name = "default", IsDefault = true, Description = "The default migration project." });
        }
    }

    /// <summary>
    /// Adds a project (a test seeding it directly) and returns its id; <paramref name="makeDefault"/> makes it the default.
    /// </summary>
    /// <exception cref="ArgumentException">The name is empty or taken.</exception>
    public string Add(string name, string region = "ap-southeast-1", string type = "MIGRATE_BLOCK", bool makeDefault = false,
        string description = "", bool existServer = false, bool usePublicIp = true, bool syncing = false,
        bool startTargetServer = false, bool startNetworkCheck = false, int speedLimit = 0, string enterpriseProject = "0")
    {
        if (string.IsNullOrEmpty(name)) throw new ArgumentException("'name' must not be empty.");
        lock (_lock)
        {
            if (_projects.Any(p => string.Equals(p.Name, name, StringComparison.Ordinal))) throw new ArgumentException($"A migration project named '{name}' exists.");
            var project = new SimMigProject
            {
                Id = NewId(), Name = name, Region = region, Type = type, Description = description, ExistServer = existServer,
                UsePublicIp = usePublicIp, Syncing = syncing, StartTargetServer = startTargetServer, StartNetworkCheck = startNetworkCheck,
                SpeedLimit = speedLimit, EnterpriseProject = enterpriseProject,
            };
            _projects.Add(project);
            if (makeDefault) MakeDefault(project);
            return project.Id;
        }
    }

    internal (int Count, List<JsonNode> Page) List(int offset, int limit)
    {
        lock (_lock)
        {
            return (_projects.Count, _projects.Skip(offset).Take(limit).Select(p => (JsonNode)p.ToJson(withId: true)).ToList());
        }
    }

    internal JsonObject? Show(string id)
    {
        lock (_lock)
        {
            return Find(id)?.ToJson(withId: false);
        }
    }

    internal (MigProjectResult Result, string? Id) Create(SimMigProject settings, bool makeDefault)
    {
        lock (_lock)
        {
            if (_projects.Any(p => p.Name == settings.Name)) return (MigProjectResult.NameTaken, null);
            var project = new SimMigProject { Id = NewId() };
            Copy(settings, project);
            _projects.Add(project);
            if (makeDefault) MakeDefault(project);
            return (MigProjectResult.Done, project.Id);
        }
    }

    /// <summary>Applies a change to a project under the lock; the change sees a copy and is kept only when accepted.</summary>
    internal MigProjectResult Update(string id, Action<SimMigProject> change, bool makeDefault)
    {
        lock (_lock)
        {
            var project = Find(id);
            if (project is null) return MigProjectResult.NotFound;
            var copy = project.Copy();
            change(copy);
            if (_projects.Any(p => p != project && p.Name == copy.Name)) return MigProjectResult.NameTaken;
            var index = _projects.IndexOf(project);
            copy.IsDefault = project.IsDefault;
            _projects[index] = copy;
            if (makeDefault) MakeDefault(copy);
            return MigProjectResult.Done;
        }
    }

    internal MigProjectResult SetDefault(string id)
    {
        lock (_lock)
        {
            var project = Find(id);
            if (project is null) return MigProjectResult.NotFound;
            MakeDefault(project);
            return MigProjectResult.Done;
        }
    }

    internal MigProjectResult Delete(string id)
    {
        lock (_lock)
        {
            var project = Find(id);
            if (project is null) return MigProjectResult.NotFound;
            if (project.IsDefault) return MigProjectResult.DefaultNotDeletable;
            _projects.Remove(project);
            return MigProjectResult.Done;
        }
    }

    private static void Copy(SimMigProject from, SimMigProject to)
    {
        to.Name = from.Name;
        to.Region = from.Region;
        to.Type = from.Type;
        to.Description = from.Description;
        to.EnterpriseProject = from.EnterpriseProject;
        to.ExistServer = from.ExistServer;
        to.UsePublicIp = from.UsePublicIp;
        to.Syncing = from.Syncing;
        to.StartTargetServer = from.StartTargetServer;
        to.StartNetworkCheck = from.StartNetworkCheck;
        to.SpeedLimit = from.SpeedLimit;
    }

    private void MakeDefault(SimMigProject project)
    {
        foreach (var p in _projects) p.IsDefault = false;
        project.IsDefault = true;
    }

    private SimMigProject? Find(string id) => _projects.FirstOrDefault(p => p.Id == id);

    // Deterministic, 32 hex digits like the real ids.
    private string NewId() => "5f0e" + (++_next).ToString("x28", System.Globalization.CultureInfo.InvariantCulture);
}
