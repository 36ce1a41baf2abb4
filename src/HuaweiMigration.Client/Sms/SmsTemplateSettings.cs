using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security;
using Newtonsoft.Json.Linq;

namespace HuaweiMigration.Client.Sms
{
    /// <summary>
    /// A template's settings to create or change (TemplateRequest). The parts (VPC, NICs, security groups, public IP,
    /// disks) come as dictionaries keyed by the model's fields in PowerShell case (<c>@{ Id = …; Name = …; Cidr = … }</c>,
    /// any case); <see cref="Validate"/> refuses a missing required key or an unknown one, naming it. Null leaves a
    /// setting out. The target server's password stays a <see cref="SecureString"/> until the body is written.
    /// </summary>
    public sealed class SmsTemplateSettings
    {
        public string? Name { get; set; }
        public string? Region { get; set; }
        public string? AvailabilityZone { get; set; }
        public string? Flavor { get; set; }
        /// <summary>The system disk's type (SAS, SSD, SATA, …): the API's <c>volumetype</c>.</summary>
        public string? VolumeType { get; set; }
        public string? DataVolumeType { get; set; }
        public string? TargetServerName { get; set; }
        public string? ImageId { get; set; }
        /// <summary>The API's <c>projectid</c>.</summary>
        public string? ProjectId { get; set; }
        public IDictionary? Vpc { get; set; }
        public IList<IDictionary>? Nics { get; set; }
        public IList<IDictionary>? SecurityGroups { get; set; }
        public IDictionary? PublicIp { get; set; }
        public IList<IDictionary>? Disks { get; set; }
        /// <summary>The target server's password; sent, never kept or shown.</summary>
        public SecureString? TargetPassword { get; set; }

        /// <summary>(PowerShell key, JSON field, integer?, required?) of each part.</summary>
        internal static readonly IReadOnlyDictionary<string, (string Key, string Field, bool Integer, bool Required)[]> Parts =
            new Dictionary<string, (string, string, bool, bool)[]>(StringComparer.Ordinal)
            {
                ["Vpc"] = new[] { ("Id", "id", false, false), ("Name", "name", false, false), ("Cidr", "cidr", false, false) },
                ["Nic"] = new[] { ("Id", "id", false, true), ("Name", "name", false, true), ("Cidr", "cidr", false, true), ("Ip", "ip", false, false) },
                ["SecurityGroup"] = new[] { ("Id", "id", false, true), ("Name", "name", false, true) },
                ["PublicIp"] = new[] { ("Type", "type", false, true), ("BandwidthSize", "bandwidth_size", true, true), ("BandwidthShareType", "bandwidth_share_type", false, false) },
                ["Disk"] = new[]
                {
                    ("Index", "index", true, true), ("Name", "name", false, true), ("DiskType", "disktype", false, true), ("Size", "size", true, true),
                    ("Id", "id", true, false), ("DeviceUse", "device_use", false, false),
                },
            };

        /// <summary>Throws an <see cref="ArgumentException"/> naming the parameter and key of the first setting the API would refuse.</summary>
        public void Validate(bool creating) => ToJson(creating, includePassword: false);

        /// <summary>The TemplateRequest (without the envelope); <c>is_template: true</c> when creating.</summary>
        internal JObject ToJson(bool creating, bool includePassword = true)
        {
            if (creating)
            {
                foreach (var (value, name) in new[] { (Name, nameof(Name)), (Region, nameof(Region)), (AvailabilityZone, nameof(AvailabilityZone)), (Flavor, nameof(Flavor)) })
                {
                    if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException("A template needs -" + name + ".", name);
                }
                if (Vpc is null) throw new ArgumentException("A template needs -Vpc.", nameof(Vpc));
                if (Nics is null || Nics.Count == 0) throw new ArgumentException("A template needs at least one -Nic.", "Nic");
                if (SecurityGroups is null || SecurityGroups.Count == 0) throw new ArgumentException("A template needs at least one -SecurityGroup.", "SecurityGroup");
            }
            var o = new JObject();
            if (Name != null)
            {
                SmsMigrationProjectSettings.ResourceName(Name, "template name", nameof(Name));
                o["name"] = Name;
            }
            if (creating) o["is_template"] = true;
            if (Region != null) o["region"] = InputValidation.Region(Region);
            Text(o, "projectid", ProjectId, nameof(ProjectId));
            Text(o, "target_server_name", TargetServerName, nameof(TargetServerName));
            if (TargetPassword != null)
            {
                if (TargetPassword.Length == 0) throw new ArgumentException("-TargetPassword is empty.", nameof(TargetPassword));
                if (includePassword) o["target_password"] = Auth.ApiCredential.Reveal(TargetPassword);
            }
            Text(o, "availability_zone", AvailabilityZone, nameof(AvailabilityZone));
            Text(o, "volumetype", VolumeType, nameof(VolumeType));
            Text(o, "data_volume_type", DataVolumeType, nameof(DataVolumeType));
            Text(o, "flavor", Flavor, nameof(Flavor));
            Text(o, "image_id", ImageId, nameof(ImageId));
            if (Vpc != null) o["vpc"] = Part(Vpc, "Vpc", null);
            if (Nics != null) o["nics"] = new JArray(Nics.Select((d, i) => (object)Part(d, "Nic", i)).ToArray());
            if (SecurityGroups != null) o["security_groups"] = new JArray(SecurityGroups.Select((d, i) => (object)Part(d, "SecurityGroup", i)).ToArray());
            if (PublicIp != null) o["publicip"] = Part(PublicIp, "PublicIp", null);
            if (Disks != null) o["disk"] = new JArray(Disks.Select((d, i) => (object)Part(d, "Disk", i)).ToArray());
            return o;
        }

        private static void Text(JObject o, string field, string? value, string paramName)
        {
            if (value is null) return;
            if (value.Length == 0) throw new ArgumentException("-" + paramName + " is empty.", paramName);
            InputValidation.NoControlCharacters(value, paramName);
            o[field] = value;
        }

        /// <summary>One part from its dictionary: every key known (any case), every required key there, integers where the model has them.</summary>
        internal static JObject Part(IDictionary? values, string parameter, int? index)
        {
            var where = "-" + parameter + (index.HasValue ? " (item " + (index.Value + 1) + ")" : string.Empty);
            if (values is null) throw new ArgumentException(where + " is empty.", parameter);
            var spec = Parts[parameter];
            var o = new JObject();
            foreach (DictionaryEntry entry in values)
            {
                var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                var field = spec.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.OrdinalIgnoreCase));
                if (field.Key is null)
                {
                    throw new ArgumentException(where + " has the key '" + Printable(key) + "', which is not a field of " + parameter
                        + " (its keys are " + string.Join(", ", spec.Select(f => f.Key + (f.Required ? " (required)" : string.Empty))) + ").", parameter);
                }
                if (o[field.Field] != null) throw new ArgumentException(where + " has the key '" + field.Key + "' twice.", parameter);
                if (entry.Value is null) continue;
                o[field.Field] = field.Integer ? (JToken)Integer(entry.Value, where, field.Key, parameter) : Plain(entry.Value, where, field.Key, parameter);
            }
            foreach (var required in spec.Where(f => f.Required))
            {
                if (o[required.Field] is null || (o[required.Field]!.Type == JTokenType.String && ((string?)o[required.Field])!.Length == 0))
                {
                    throw new ArgumentException(where + " lacks the required key '" + required.Key + "' (" + string.Join(", ", spec.Where(f => f.Required).Select(f => f.Key)) + " are required).", parameter);
                }
            }
            return o;
        }

        private static long Integer(object value, string where, string key, string parameter)
        {
            switch (value)
            {
                case int i: return i;
                case long l: return l;
                case short s: return s;
                case byte b: return b;
                case uint u: return u;
                case double d when d == Math.Floor(d) && !double.IsInfinity(d) && Math.Abs(d) < 1e15: return (long)d;
                case decimal m when m == decimal.Floor(m) && Math.Abs(m) < 1e15m: return (long)m;
                case string text when long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed): return parsed;
            }
            throw new ArgumentException(where + ": '" + key + "' must be a whole number, not '" + Printable(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty) + "'.", parameter);
        }

        private static string Plain(object value, string where, string key, string parameter)
        {
            if (!(value is string || value is IConvertible) || value is bool)
            {
                throw new ArgumentException(where + ": '" + key + "' must be text, not " + value.GetType().Name + ".", parameter);
            }
            var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
            InputValidation.NoControlCharacters(text, parameter + " " + key);
            return text;
        }

        private static string Printable(string s) => new string(s.Select(c => char.IsControl(c) ? '?' : c).ToArray());
    }
}
