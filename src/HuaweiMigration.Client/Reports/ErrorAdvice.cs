using System;
using System.Collections.Generic;

namespace HuaweiMigration.Client.Reports
{
    /// <summary>
    /// What to do about the errors a migration task records, in one place. The SMS codes are the commonest of Huawei
    /// Cloud's SMS error-code reference and its FAQ "Known errors and solutions" (support.huaweicloud.com, api-sms
    /// ErrorCode and sms_faq), said in the module's words; any other code gets the generic advice.
    /// </summary>
    public static class ErrorAdvice
    {
        private static readonly Dictionary<string, string> Sms = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["SMS.0201"] = "The source server cannot reach the SMS endpoint: check its network, DNS and firewall, then Restart-SmsTask.",
            ["SMS.0202"] = "The agent's AK/SK was refused: start the agent again with an access key of the target account (not frozen).",
            ["SMS.0203"] = "The source server timed out reaching the SMS endpoint: check its network, DNS and firewall, then Restart-SmsTask.",
            ["SMS.0204"] = "The account lacks permissions: grant the SMS, ECS, VPC, IMS and EVS fine-grained permissions the error names.",
            ["SMS.0205"] = "The source server's clock or time zone is wrong: correct it, restart the agent, then Restart-SmsTask.",
            ["SMS.0212"] = "The agent was restarted: remove the task (Remove-SmsTask) and create it again (New-SmsTask).",
            ["SMS.1807"] = "The target server is unreachable on port 8900: allow it from the source in the target's security group.",
            ["SMS.3802"] = "No SSH connection to the target server: allow port 22 from the source in the target's security group.",
            ["SMS.3805"] = "The connection to the target's port 22 timed out: check the route and the target's security group.",
            ["SMS.3806"] = "The target refused port 22: allow it from the source in the target's security group.",
            ["SMS.6303"] = "The agent is too old: install the latest SMS-Agent on the source server and start the task again.",
            ["SMS.6509"] = "A file system of the source server cannot be migrated: exclude that partition or convert it (Linux: ext2-4, XFS, VFAT, Btrfs; Windows: NTFS).",
            ["SMS.6511"] = "The source server lacks driver files: install the drivers the error names (KVM/virtio), then Restart-SmsTask.",
            ["SMS.6517"] = "rsync is not installed on the source server: install it, then Restart-SmsTask.",
            ["SMS.6526"] = "A quota of the account is used up: raise the ECS or EVS quota, or remove unused resources, then Restart-SmsTask.",
            ["SMS.6533"] = "VSS is not available on the Windows source server: install and start it, then Restart-SmsTask.",
        };

        /// <summary>What to do when no advice is known for a code.</summary>
        public const string SmsGeneric = "See Get-SmsMigrationError for the server's error and Huawei Cloud's SMS error-code reference; fix the cause, then Restart-SmsTask.";

        /// <summary>The advice for an SMS error code; the generic advice for an unknown or missing code.</summary>
        public static string ForSms(string? code) => code != null && Sms.TryGetValue(code.Trim(), out var advice) ? advice : SmsGeneric;

        /// <summary>The advice for a failed DCS migration (the list answer carries a message, no code).</summary>
        public static string ForDcs(string? taskId) =>
            "Read the migration's log (Get-DcsMigrationLog -Id " + (string.IsNullOrEmpty(taskId) ? "<id>" : taskId) + " -Level Error), fix the cause, then Restart-DcsMigrationTask.";
    }
}
