using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security;
using System.Text.RegularExpressions;
using HuaweiMigration.Models;

namespace HuaweiMigration.Client.Dcs
{
    /// <summary>
    /// The answer of CreateMigrationTask and SetOnlineMigrationTask: <c>{id, name, status}</c>.
    /// </summary>
    public sealed class DcsTaskSummary : ApiObject
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Status { get; set; }
    }

    /// <summary>The answer of CreateOnlineMigrationTask: <c>{instance_id}</c>, the new task's id.</summary>
    public sealed class DcsOnlineTaskAnswer : ApiObject
    {
        public string? InstanceId { get; set; }
    }

    /// <summary>A backup-file import (CreateMigrationTask, backupfile_import, full_amount_migration).</summary>
    public sealed class DcsBackupImport
    {
        public string Name { get; set; } = string.Empty;
        public string? Description { get; set; }
        public string TargetInstanceId { get; set; } = string.Empty;
        /// <summary>Read only while the request body is built; never copied to a string kept anywhere.</summary>
        public SecureString? TargetPassword { get; set; }
        /// <summary>Files in an OBS bucket (file_source self_build_obs)…</summary>
        public string? BucketName { get; set; }
        public IReadOnlyList<string> Files { get; set; } = Array.Empty<string>();
        /// <summary>…or a DCS backup record.</summary>
        public string? BackupId { get; set; }
    }

    /// <summary>Where an online migration's machine runs (CreateOnlineMigrationTask).</summary>
    public sealed class DcsMigrationMachine
    {
        public string Name { get; set; } = string.Empty;
        public string? Description { get; set; }
        public string VpcId { get; set; } = string.Empty;
        public string SubnetId { get; set; } = string.Empty;
        public string SecurityGroupId { get; set; } = string.Empty;
    }

    /// <summary>The configuration of an online migration (SetOnlineMigrationTask).</summary>
    public sealed class DcsOnlineConfiguration
    {
        /// <summary>A self-built Redis as 'host:port'…</summary>
        public string? SourceAddress { get; set; }
        /// <summary>…or a DCS instance.</summary>
        public string? SourceInstanceId { get; set; }
        public SecureString? SourcePassword { get; set; }
        public string TargetInstanceId { get; set; } = string.Empty;
        public SecureString? TargetPassword { get; set; }
        /// <summary>incremental_migration (true) or full_amount_migration.</summary>
        public bool Incremental { get; set; }
        /// <summary>auto or manual.</summary>
        public string ResumeMode { get; set; } = "auto";
        /// <summary>MB/s, 1 to 10,240; null for none.</summary>
        public int? BandwidthLimitMb { get; set; }

        /// <summary>The words of Set-DcsMigrationTask -Configure that finish a task with this configuration (no password: the user gives it again).</summary>
        public string CommandLine(string id) =>
            "Set-DcsMigrationTask -Id " + id + " -Configure"
            + (SourceAddress != null ? " -SourceAddress " + SourceAddress : " -SourceInstanceId " + SourceInstanceId)
            + (SourcePassword != null ? " -SourcePassword $sourcePassword" : string.Empty)
            + " -TargetInstanceId " + TargetInstanceId
            + (TargetPassword != null ? " -TargetPassword $targetPassword" : string.Empty)
            + " -Method " + (Incremental ? "Incremental" : "Full")
            + (ResumeMode == "manual" ? " -ResumeMode Manual" : string.Empty)
            + (BandwidthLimitMb.HasValue ? " -BandwidthLimitMB " + BandwidthLimitMb.Value.ToString(CultureInfo.InvariantCulture) : string.Empty);
    }

    /// <summary>Checks of a new migration's settings, made before any request (ArgumentException naming the parameter).</summary>
    public static class DcsNewMigrationChecks
    {
        private static readonly Regex HostPort = new Regex(@"\A(?<host>[A-Za-z0-9](?:[A-Za-z0-9.\-]{0,251}[A-Za-z0-9])?):(?<port>[0-9]{1,5})\z", RegexOptions.CultureInvariant);

        /// <summary>Task names the API takes: 1 to 64 letters, digits, '-' and '_'.</summary>
        private static readonly Regex TaskName = new Regex(@"\A[A-Za-z0-9_\-]{1,64}\z", RegexOptions.CultureInvariant);

        public const int MaxBandwidthMb = 10240;

        public static void Name(string? name)
        {
            if (!TryName(name, out var reason)) throw new ArgumentException(reason + ".", "Name");
        }

        /// <summary>False, with the reason as a sentence without its final full stop (no parameter name), unless <paramref name="name"/> is a task name DCS takes.</summary>
        public static bool TryName(string? name, out string reason)
        {
            if (name != null && TaskName.IsMatch(name))
            {
                reason = string.Empty;
                return true;
            }
            reason = "The task name '" + Printable(name) + "' is not one DCS takes: 1 to 64 letters, digits, '-' and '_'";
            return false;
        }

        /// <summary>'host:port' with a port from 1 to 65535.</summary>
        public static void Address(string? address, string parameter)
        {
            var match = address is null ? null : HostPort.Match(address);
            if (match is null || !match.Success || !int.TryParse(match.Groups["port"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port < 1 || port > 65535)
            {
                // An address with user information ('redis://:password@host:6379') holds a password: it is not quoted.
                var shown = address != null && address.IndexOf('@') >= 0 ? "(an address with user information, not shown)" : "'" + Printable(address) + "'";
                throw new ArgumentException("-" + parameter + " " + shown + " is not an address DCS takes: give it as 'host:port' (for example 10.0.0.12:6379), with a port from 1 to 65535, and the password as -SourcePassword.", parameter);
            }
        }

        public static void Check(DcsMigrationMachine machine)
        {
            Name(machine.Name);
            InputValidation.Id(machine.VpcId, 64, "VPC id");
            InputValidation.Id(machine.SubnetId, 64, "subnet id");
            InputValidation.Id(machine.SecurityGroupId, 64, "security group id");
        }

        public static void Check(DcsOnlineConfiguration configuration)
        {
            var hasAddress = !string.IsNullOrEmpty(configuration.SourceAddress);
            var hasInstance = !string.IsNullOrEmpty(configuration.SourceInstanceId);
            if (hasAddress && hasInstance)
            {
                throw new ArgumentException("Give the source once: -SourceAddress 'host:port' for a self-built Redis, or -SourceInstanceId for a DCS instance, not both.", "SourceAddress");
            }
            if (!hasAddress && !hasInstance)
            {
                throw new ArgumentException("Give the source: -SourceAddress 'host:port' for a self-built Redis, or -SourceInstanceId for a DCS instance.", "SourceAddress");
            }
            if (hasAddress) Address(configuration.SourceAddress, "SourceAddress");
            else InputValidation.Id(configuration.SourceInstanceId, 64, "source instance id");
            if (string.IsNullOrEmpty(configuration.TargetInstanceId)) throw new ArgumentException("Give the target DCS instance: -TargetInstanceId.", "TargetInstanceId");
            InputValidation.Id(configuration.TargetInstanceId, 64, "target instance id");
            if (configuration.ResumeMode != "auto" && configuration.ResumeMode != "manual") throw new ArgumentException("The resume mode is auto or manual.", "ResumeMode");
            if (configuration.BandwidthLimitMb is int mb && (mb < 1 || mb > MaxBandwidthMb))
            {
                throw new ArgumentException("-BandwidthLimitMB is from 1 to " + MaxBandwidthMb.ToString(CultureInfo.InvariantCulture) + " MB/s.", "BandwidthLimitMB");
            }
        }

        public static void Check(DcsBackupImport import)
        {
            Name(import.Name);
            if (string.IsNullOrEmpty(import.TargetInstanceId)) throw new ArgumentException("Give the target DCS instance: -TargetInstanceId.", "TargetInstanceId");
            InputValidation.Id(import.TargetInstanceId, 64, "target instance id");
            var byFiles = !string.IsNullOrEmpty(import.BucketName) || import.Files.Count > 0;
            var byBackup = !string.IsNullOrEmpty(import.BackupId);
            if (byFiles == byBackup)
            {
                throw new ArgumentException("Give the backup once: -BucketName with -File (files in an OBS bucket), or -BackupId (a DCS backup record).", byFiles ? "BackupId" : "BucketName");
            }
            if (byBackup) InputValidation.Id(import.BackupId, 64, "backup id");
            else
            {
                if (string.IsNullOrEmpty(import.BucketName)) throw new ArgumentException("-File names files in an OBS bucket: give -BucketName too.", "BucketName");
                InputValidation.NoControlCharacters(import.BucketName!, "bucket name");
                if (import.Files.Count == 0) throw new ArgumentException("-BucketName needs the files to import: give -File.", "File");
                foreach (var file in import.Files)
                {
                    if (string.IsNullOrEmpty(file)) throw new ArgumentException("A file name in -File is empty.", "File");
                    InputValidation.NoControlCharacters(file, "file name");
                }
            }
        }

        /// <summary>A value as it may be quoted in a message: control characters shown as '?'.</summary>
        private static string Printable(string? text) =>
            text is null ? string.Empty : new string(text.Take(80).Select(c => char.IsControl(c) ? '?' : c).ToArray());
    }
}
