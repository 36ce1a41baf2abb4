using System;
using System.Globalization;

namespace HuaweiMigration.Models
{
    /// <summary>
    /// Byte counts as a person reads them, for views and ToString only (the properties keep the number): 1024-based,
    /// labelled KB, MB, GB, TB as Huawei Cloud's console labels disk sizes (a 100 GB disk is 107374182400 bytes).
    /// </summary>
    public static class ByteSize
    {
        private static readonly string[] Units = { "B", "KB", "MB", "GB", "TB", "PB", "EB" };

        /// <summary>"100 GB", "1.5 TB", "512 B"; an empty string for null.</summary>
        public static string Format(long? bytes)
        {
            if (bytes is not long value) return string.Empty;
            var size = Math.Abs((double)value);
            var unit = 0;
            while (size >= 1024 && unit < Units.Length - 1)
            {
                size /= 1024;
                unit++;
            }
            // Whole numbers stay whole; otherwise up to two decimals, as much as a person needs.
            var text = Math.Round(size, size >= 100 ? 0 : size >= 10 ? 1 : 2).ToString("0.##", CultureInfo.InvariantCulture);
            return (value < 0 ? "-" : string.Empty) + text + " " + Units[unit];
        }
    }
}
