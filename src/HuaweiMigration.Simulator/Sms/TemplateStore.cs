using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace HuaweiMigration.Simulator.Sms;

/// <summary>
/// The simulated templates of target servers, kept in the shape ShowTemplate answers (TemplateResponseBody:
/// <c>is_template</c> a string). The target password is kept apart and answered in plain text, as the real API does;
/// the request log never holds it (JsonRedactor).
/// </summary>
public sealed class TemplateStore
{
    private readonly object _lock = new();
    private readonly List<(string Id, JsonObject Fields, string Password)> _templates = new();
    private int _next;

    /// <summary>Template ids in list order.</summary>
    public IReadOnlyList<string> Ids
    {
        get
        {
            lock (_lock)
            {
                return _templates.Select(t => t.Id).ToList();
            }
        }
    }

    /// <summary>Removes every template.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _templates.Clear();
            _next = 0;
        }
    }

    /// <summary>The target password the simulator holds for a template (what a client sent), or null for no template.</summary>
    public string? PasswordOf(string id)
    {
        lock (_lock)
        {
            return _templates.Where(t => t.Id == id).Select(t => t.Password).FirstOrDefault();
        }
    }

    /// <summary>A copy of a template as ShowTemplate answers it, or null.</summary>
    public JsonObject? Get(string id) => Show(id);

    /// <summary>
    /// Adds a general template (a test seeding it directly) with a VPC, a subnet, a security group and a system disk; returns its id.
    /// <paramref name="vpc"/>, <paramref name="nic"/> and <paramref name="securityGroup"/> false leave that part out (an
    /// empty flavor or availability zone leaves those out), as a template a new target server cannot be made from.
    /// </summary>
    public string Add(string name, string region = "ap-southeast-1", string availabilityZone = "ap-southeast-1a", string flavor = "s6.large.2",
        string targetPassword = "", bool isTemplate = true, bool vpc = true, bool nic = true, bool securityGroup = true)
    {
        if (string.IsNullOrEmpty(name)) throw new ArgumentException("'name' must not be empty.");
        var fields = new JsonObject
        {
            ["name"] = name,
            ["is_template"] = isTemplate,
            ["region"] = region,
            ["projectid"] = "proj-" + region,
            ["availability_zone"] = availabilityZone,
            ["flavor"] = flavor,
            ["volumetype"] = "SSD",
            ["data_volume_type"] = "SAS",
            ["target_server_name"] = name + "-target",
            ["vpc"] = new JsonObject { ["id"] = "vpc-0001", ["name"] = "vpc-wave", ["cidr"] = "192.168.0.0/16" },
            ["nics"] = new JsonArray(new JsonObject { ["id"] = "subnet-0001", ["name"] = "subnet-wave", ["cidr"] = "192.168.1.0/24", ["ip"] = "" }),
            ["security_groups"] = new JsonArray(new JsonObject { ["id"] = "sg-0001", ["name"] = "sg-wave" }),
            ["publicip"] = new JsonObject { ["type"] = "5_bgp", ["bandwidth_size"] = 10, ["bandwidth_share_type"] = "PER" },
            ["disk"] = new JsonArray(new JsonObject { ["id"] = 0, ["index"] = 0, ["name"] = "/dev/vda", ["disktype"] = "SSD", ["size"] = 40, ["device_use"] = "BOOT" }),
        };
        if (!vpc) fields.Remove("vpc");
        if (!nic) fields["nics"] = new JsonArray();
        if (!securityGroup) fields["security_groups"] = new JsonArray();
        return Create(fields, targetPassword);
    }

    internal string Create(JsonObject request, string password)
    {
        lock (_lock)
        {
            var id = "7e3a" + (++_next).ToString("x28", CultureInfo.InvariantCulture);
            var fields = new JsonObject();
            Merge(fields, request);
            // A template created without is_template is one tied to a task.
            fields["is_template"] = request["is_template"] is JsonValue v && v.TryGetValue<bool>(out var general) && general ? "true" : "false";
            _templates.Add((id, fields, password));
            return id;
        }
    }

    internal bool Update(string id, JsonObject request, string? password)
    {
        lock (_lock)
        {
            var index = _templates.FindIndex(t => t.Id == id);
            if (index < 0) return false;
            var (_, fields, old) = _templates[index];
            Merge(fields, request);
            if (request["is_template"] is JsonValue v && v.TryGetValue<bool>(out var general)) fields["is_template"] = general ? "true" : "false";
            _templates[index] = (id, fields, password ?? old);
            return true;
        }
    }

    internal JsonObject? Show(string id)
    {
        lock (_lock)
        {
            var found = _templates.FirstOrDefault(t => t.Id == id);
            return found.Id is null ? null : Answer(found);
        }
    }

    internal (int Count, List<JsonNode> Page) List(Func<JsonObject, bool> filter, int offset, int limit)
    {
        lock (_lock)
        {
            var matching = _templates.Select(Answer).Where(filter).ToList();
            return (matching.Count, matching.Skip(offset).Take(limit).Cast<JsonNode>().ToList());
        }
    }

    /// <summary>Deletes all of <paramref name="ids"/> or none: false (and nothing deleted) when one is unknown.</summary>
    internal bool Delete(IReadOnlyList<string> ids)
    {
        lock (_lock)
        {
            if (ids.Any(id => _templates.All(t => t.Id != id))) return false;
            _templates.RemoveAll(t => ids.Contains(t.Id));
            return true;
        }
    }

    /// <summary>TemplateResponseBody: every required key, the password in plain text as the real API sends it.</summary>
    private static JsonObject Answer((string Id, JsonObject Fields, string Password) t)
    {
        var o = new JsonObject
        {
            ["id"] = t.Id,
            ["name"] = string.Empty,
            ["is_template"] = "false",
            ["region"] = string.Empty,
            ["projectid"] = string.Empty,
            ["target_server_name"] = string.Empty,
            ["availability_zone"] = string.Empty,
            ["volumetype"] = "SAS",
            ["data_volume_type"] = "SAS",
            ["flavor"] = string.Empty,
            ["vpc"] = null,
            ["nics"] = new JsonArray(),
            ["security_groups"] = new JsonArray(),
            ["publicip"] = null,
            ["disk"] = new JsonArray(),
            ["image_id"] = string.Empty,
            ["target_password"] = t.Password,
        };
        Merge(o, t.Fields);
        return o;
    }

    private static void Merge(JsonObject into, JsonObject from)
    {
        foreach (var (key, value) in from)
        {
            if (key == "target_password") continue;
            into[key] = value?.DeepClone();
        }
    }
}
