namespace HuaweiMigration.Models
{
    /// <summary>
    /// The figures of a DCS data migration (ShowMigrationTaskStats). The API sends every figure as a string, except
    /// <see cref="IsMigrating"/>; they are kept as sent, with typed readings beside them where they are numbers.
    /// </summary>
    public class DcsMigrationProgress : ApiObject
    {
        /// <summary>The task the figures are of (not an API field).</summary>
        public string? TaskId { get; set; }

        /// <summary>The name of that task, when it was known (a task object piped in); not an API field.</summary>
        public string? TaskName { get; set; }

        /// <summary>Full migration progress, percent, as the API sends it.</summary>
        public string? FullMigrationProgress { get; set; }

        /// <summary>True while data is moving.</summary>
        public bool? IsMigrating { get; set; }

        /// <summary>The replication offset of incremental migration.</summary>
        public string? Offset { get; set; }

        /// <summary>Keys in the source.</summary>
        public string? SourceDbsize { get; set; }

        /// <summary>Keys in the target.</summary>
        public string? TargetDbsize { get; set; }

        /// <summary>Data arriving at the target, KB/s.</summary>
        public string? TargetInputKbps { get; set; }

        /// <summary>Operations per second on the target.</summary>
        public string? TargetOps { get; set; }

        /// <summary><see cref="FullMigrationProgress"/> as a number (null when it is not one).</summary>
        public double? PercentComplete => Number(FullMigrationProgress);

        /// <summary><see cref="SourceDbsize"/> as a number.</summary>
        public long? SourceKeys => (long?)Number(SourceDbsize);

        /// <summary><see cref="TargetDbsize"/> as a number.</summary>
        public long? TargetKeys => (long?)Number(TargetDbsize);

        private static double? Number(string? text) =>
            double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : (double?)null;

        public override string ToString() => (FullMigrationProgress ?? "?") + "% (" + (IsMigrating == true ? "migrating" : "not migrating") + ")";
    }
}
