using System.Collections.Generic;

namespace HuaweiMigration.Models
{
    /// <summary>A disk of the target server, with its physical volumes.</summary>
    public class SmsTargetDisk : ApiObject
    {
        /// <summary>The disk's number on the server (an integer; <see cref="DiskId"/> is the cloud volume id).</summary>
        public long? Id { get; set; }
        public string? Name { get; set; }
        public string? DiskId { get; set; }
        public string? DiskIndex { get; set; }
        /// <summary>BOOT, OS or NORMAL.</summary>
        public string? DeviceUse { get; set; }
        public bool? OsDisk { get; set; }
        /// <summary>MBR or GPT.</summary>
        public string? PartitionStyle { get; set; }
        public string? RelationName { get; set; }
        /// <summary>Size in bytes.</summary>
        public long? Size { get; set; }
        public long? UsedSize { get; set; }
        public long? InodeSize { get; set; }
        public ApiList<SmsPhysicalVolume> PhysicalVolumes { get; set; } = new ApiList<SmsPhysicalVolume>();

        public override string ToString() => (Name ?? DiskId ?? "?") + " " + ByteSize.Format(Size ?? 0);
    }

    /// <summary>A partition (physical volume) of a disk.</summary>
    public class SmsPhysicalVolume : ApiObject
    {
        public long? Id { get; set; }
        public int? Index { get; set; }
        public string? Name { get; set; }
        public string? DeviceUse { get; set; }
        public string? FileSystem { get; set; }
        public string? MountPoint { get; set; }
        public string? RelationName { get; set; }
        public string? Uuid { get; set; }
        /// <summary>Size in bytes.</summary>
        public long? Size { get; set; }
        public long? UsedSize { get; set; }
        public long? FreeSize { get; set; }
        public long? InodeNums { get; set; }
        public long? InodeSize { get; set; }
        /// <summary>Windows: bytes per cluster.</summary>
        public long? SizePerCluster { get; set; }

        public override string ToString() => (Name ?? "?") + (string.IsNullOrEmpty(MountPoint) ? string.Empty : " on " + MountPoint);
    }

    /// <summary>An LVM volume group of the target server.</summary>
    public class SmsVolumeGroup : ApiObject
    {
        public string? Name { get; set; }
        /// <summary>The physical volumes it is made of.</summary>
        public string? Components { get; set; }
        public long? Size { get; set; }
        public long? FreeSize { get; set; }
        public ApiList<SmsLogicalVolume> LogicalVolumes { get; set; } = new ApiList<SmsLogicalVolume>();

        public override string ToString() => (Name ?? "?") + " (" + LogicalVolumes.Count + " logical volumes)";
    }

    /// <summary>An LVM logical volume.</summary>
    public class SmsLogicalVolume : ApiObject
    {
        public string? Name { get; set; }
        public string? DeviceUse { get; set; }
        public string? FileSystem { get; set; }
        public string? MountPoint { get; set; }
        public long? BlockCount { get; set; }
        public long? BlockSize { get; set; }
        public long? InodeNums { get; set; }
        public long? InodeSize { get; set; }
        public long? Size { get; set; }
        public long? UsedSize { get; set; }
        public long? FreeSize { get; set; }

        public override string ToString() => (Name ?? "?") + (string.IsNullOrEmpty(MountPoint) ? string.Empty : " on " + MountPoint);
    }
}
