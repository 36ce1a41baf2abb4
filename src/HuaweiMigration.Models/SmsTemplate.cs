using HuaweiMigration.Models.Serialization;

namespace HuaweiMigration.Models
{
    /// <summary>
    /// An SMS template: the settings a new target server is created with (region, zone, flavor, network, disks). The
    /// target server's password the API returns with it is never kept, here or in <see cref="ApiObject.AdditionalProperties"/>.
    /// </summary>
    public class SmsTemplate : ApiObject
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        /// <summary>
        /// "true" for a general template, "false" for one tied to a task (deleted with it): the API answers a string.
        /// <see cref="IsTemplate"/> reads it as a Boolean.
        /// </summary>
        [ApiField("is_template")] public string? IsTemplateText { get; set; }
        public string? Region { get; set; }
        /// <summary>The project (of the region) the target server is created in.</summary>
        [ApiField("projectid")] public string? ProjectId { get; set; }
        public string? TargetServerName { get; set; }
        public string? AvailabilityZone { get; set; }
        /// <summary>The system disk's type (SAS, SSD, SATA, …).</summary>
        [ApiField("volumetype")] public string? VolumeType { get; set; }
        /// <summary>The data disks' type (SAS, SSD, SATA, …).</summary>
        public string? DataVolumeType { get; set; }
        public string? Flavor { get; set; }
        public string? ImageId { get; set; }
        public SmsTemplateVpc? Vpc { get; set; }
        public ApiList<SmsTemplateNic> Nics { get; set; } = new ApiList<SmsTemplateNic>();
        public ApiList<SmsTemplateSecurityGroup> SecurityGroups { get; set; } = new ApiList<SmsTemplateSecurityGroup>();
        [ApiField("publicip")] public SmsTemplatePublicIp? PublicIp { get; set; }
        [ApiField("disk")] public ApiList<SmsTemplateDisk> Disks { get; set; } = new ApiList<SmsTemplateDisk>();

        /// <summary>True for a general template, false for one tied to a task; null when the API did not say.</summary>
        public bool? IsTemplate =>
            IsTemplateText is null ? (bool?)null
            : string.Equals(IsTemplateText.Trim(), "true", System.StringComparison.OrdinalIgnoreCase) ? true
            : string.Equals(IsTemplateText.Trim(), "false", System.StringComparison.OrdinalIgnoreCase) ? false
            : (bool?)null;

        /// <summary>The template's id, as -TemplateId takes it.</summary>
        public string? TemplateId => Id;

        public override string ToString() => Name ?? Id ?? "?";
    }

    /// <summary>The VPC of a template ("autoCreate" as the id creates one).</summary>
    public class SmsTemplateVpc : ApiObject
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Cidr { get; set; }

        public override string ToString() => (Name ?? Id ?? "?") + (string.IsNullOrEmpty(Cidr) ? string.Empty : " (" + Cidr + ")");
    }

    /// <summary>A subnet (network interface) of a template.</summary>
    public class SmsTemplateNic : ApiObject
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        /// <summary>The subnet's gateway/mask.</summary>
        public string? Cidr { get; set; }
        /// <summary>The server's address; assigned automatically when empty.</summary>
        public string? Ip { get; set; }

        public override string ToString() => (Name ?? Id ?? "?") + (string.IsNullOrEmpty(Ip) ? string.Empty : " " + Ip);
    }

    /// <summary>A security group of a template.</summary>
    public class SmsTemplateSecurityGroup : ApiObject
    {
        public string? Id { get; set; }
        public string? Name { get; set; }

        public override string ToString() => Name ?? Id ?? "?";
    }

    /// <summary>The elastic IP of a template.</summary>
    public class SmsTemplatePublicIp : ApiObject
    {
        /// <summary>The EIP type (5_bgp, …).</summary>
        public string? Type { get; set; }
        /// <summary>Mbit/s.</summary>
        public int? BandwidthSize { get; set; }
        public string? BandwidthShareType { get; set; }

        public override string ToString() => (Type ?? "?") + " " + BandwidthSize + " Mbit/s";
    }

    /// <summary>A disk of a template's target server.</summary>
    public class SmsTemplateDisk : ApiObject
    {
        public long? Id { get; set; }
        /// <summary>The disk's position, from 0.</summary>
        public int? Index { get; set; }
        public string? Name { get; set; }
        /// <summary>SAS, SSD, SATA, …</summary>
        [ApiField("disktype")] public string? DiskType { get; set; }
        /// <summary>Size in GB (not bytes, unlike a source server's disks).</summary>
        public long? Size { get; set; }
        public string? DeviceUse { get; set; }

        public override string ToString() => (Name ?? "?") + " " + Size + " GB " + DiskType;
    }
}
