using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using HuaweiMigration.Client.Sms;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// The settings New-SmsTemplate and Set-SmsTemplate share, and the turning of their hashtables (or objects, such
    /// as the parts of a template Get-SmsTemplate wrote) into the dictionaries the client checks key by key.
    /// </summary>
    public abstract class SmsTemplateCmdlet : HuaweiCloudApiCmdlet
    {
        /// <summary><para type="description">The elastic IP: @{ Type = '5_bgp'; BandwidthSize = 10 } (Mbit/s), optionally BandwidthShareType (PER or WHOLE).</para></summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? PublicIp { get; set; }

        /// <summary><para type="description">The system disk's type (SAS, SSD, SATA, …).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? VolumeType { get; set; }

        /// <summary><para type="description">The data disks' type (SAS, SSD, SATA, …).</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DataVolumeType { get; set; }

        /// <summary><para type="description">The target server's disks: @{ Index = 0; Name = '/dev/vda'; DiskType = 'SSD'; Size = 40 } (GB), optionally Id and DeviceUse.</para></summary>
        [Parameter]
        [ValidateNotNull]
        [AllowEmptyCollection]
        public Hashtable[]? Disk { get; set; }

        /// <summary><para type="description">The name the target server is created with.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? TargetServerName { get; set; }

        /// <summary><para type="description">The target server's password, as a SecureString. It is sent to the service and never kept, shown or logged.</para></summary>
        [Parameter]
        [ValidateNotNull]
        public SecureString? TargetPassword { get; set; }

        /// <summary><para type="description">The image the target server is created from.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ImageId { get; set; }

        /// <summary><para type="description">The project (of the template's region) the target server is created in.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ProjectId { get; set; }

        /// <summary>The settings given; the parts as dictionaries the client checks.</summary>
        internal SmsTemplateSettings Settings(string? name, string? region, string? zone, string? flavor, object? vpc, Hashtable[]? nics, Hashtable[]? groups) =>
            new SmsTemplateSettings
            {
                Name = name,
                Region = region,
                AvailabilityZone = zone,
                Flavor = flavor,
                Vpc = Part(vpc, "Vpc"),
                Nics = nics?.Select(n => Part(n, "Nic")!).ToList(),
                SecurityGroups = groups?.Select(g => Part(g, "SecurityGroup")!).ToList(),
                PublicIp = Part(PublicIp, nameof(PublicIp)),
                Disks = Disk?.Select(d => Part(d, nameof(Disk))!).ToList(),
                VolumeType = VolumeType,
                DataVolumeType = DataVolumeType,
                TargetServerName = TargetServerName,
                TargetPassword = TargetPassword,
                ImageId = ImageId,
                ProjectId = ProjectId,
            };

        /// <summary>
        /// A hashtable as it is (values unwrapped), or an object's properties that have a value (a part of a template
        /// Get-SmsTemplate wrote, a PSCustomObject); null for null.
        /// </summary>
        private static IDictionary? Part(object? value, string parameter)
        {
            if (value is null) return null;
            var raw = value is PSObject wrapped ? wrapped.BaseObject : value;
            var part = new Hashtable(System.StringComparer.OrdinalIgnoreCase);
            if (raw is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = entry.Key is PSObject k ? k.BaseObject : entry.Key;
                    if (part.ContainsKey(key)) throw new System.ArgumentException("-" + parameter + " has the key '" + key + "' twice.", parameter);
                    part[key] = entry.Value is PSObject v ? v.BaseObject : entry.Value;
                }
                return part;
            }
            if (raw is string || raw.GetType().IsPrimitive)
            {
                throw new System.ArgumentException("-" + parameter + " takes a hashtable (or an object with properties), not '" + raw + "'.", parameter);
            }
            foreach (var property in PSObject.AsPSObject(value).Properties.Where(p => p.IsGettable && p.Name != "AdditionalProperties"))
            {
                var v = property.Value is PSObject pv ? pv.BaseObject : property.Value;
                if (v != null) part[property.Name] = v;
            }
            return part;
        }

        /// <summary>What a change will set, for -WhatIf and -Confirm (never the password's value).</summary>
        private protected string Described(IEnumerable<string> given) =>
            string.Join(", ", given.Where(p => p != nameof(TargetPassword)).Concat(TargetPassword != null ? new[] { "TargetPassword (not shown)" } : new string[0]));
    }
}
