using System;
using System.Globalization;
using HuaweiMigration.Models.Serialization;

namespace HuaweiMigration.Models
{
    /// <summary>Where a connection is the default: every runspace of the process, or one runspace.</summary>
    public enum HuaweiCloudContextScope
    {
        /// <summary>Every runspace of the process that does not connect itself (as Az's default).</summary>
        Process,
        /// <summary>The current runspace only.</summary>
        Runspace,
    }

    /// <summary>How a context authenticates.</summary>
    public enum HuaweiCloudAuthType
    {
        /// <summary>IAM user name and password: a project-scoped token, renewed before it expires.</summary>
        Password,
        /// <summary>Access key and secret key: every request is signed (SDK-HMAC-SHA256).</summary>
        AccessKey,
        /// <summary>A ready <c>X-Subject-Token</c> obtained elsewhere.</summary>
        Token,
    }

    /// <summary>
    /// A connection to Huawei Cloud: region, project, endpoints and a credential. The credential itself is never a
    /// readable property and never part of <see cref="ToString"/>.
    /// </summary>
    public sealed class HuaweiCloudContext
    {
        internal HuaweiCloudContext(
            string region,
            string? projectId,
            string? domainId,
            Uri iamEndpoint,
            Uri smsEndpoint,
            Uri dcsEndpoint,
            ICredentialInfo credential)
        {
            Region = region;
            ProjectId = projectId;
            DomainId = domainId;
            IamEndpoint = iamEndpoint;
            SmsEndpoint = smsEndpoint;
            DcsEndpoint = dcsEndpoint;
            Credential = credential;
        }

        /// <summary>Region name, e.g. <c>ap-southeast-1</c>.</summary>
        public string Region { get; }

        /// <summary>The project of <see cref="Region"/>; DCS calls use it in their paths.</summary>
        public string? ProjectId { get; internal set; }

        /// <summary>The account (domain) id; SMS calls signed with an access key carry it.</summary>
        public string? DomainId { get; internal set; }

        /// <summary>True once Disconnect-HuaweiCloud closed this connection: its secrets are gone and it can make no call.</summary>
        public bool IsDisconnected => Credential.Disposed;

        /// <summary>Cancelled when Disconnect-HuaweiCloud closes this connection.</summary>
        internal System.Threading.CancellationToken Closed => Credential.Closed;

        /// <summary>How this context authenticates.</summary>
        public HuaweiCloudAuthType AuthType => Credential.AuthType;

        /// <summary>The IAM user name (password contexts).</summary>
        public string? UserName => Credential.UserName;

        /// <summary>The access key id (access-key contexts). The secret key is never shown.</summary>
        public string? AccessKey => Credential.AccessKeyId;

        public Uri IamEndpoint { get; }
        public Uri SmsEndpoint { get; }
        public Uri DcsEndpoint { get; }

        /// <summary>How long one HTTP request may take before it is abandoned (and, for reads, retried). Not the -Wait timeout.</summary>
        public TimeSpan RequestTimeout { get; internal set; } = TimeSpan.FromSeconds(60);

        /// <summary>When the current token expires (UTC); empty for access keys, which do not expire.</summary>
        public DateTime? ExpiresAt => Credential.ExpiresAt;

        /// <summary>The engine's credential (never shown): how requests of this context are authenticated.</summary>
        internal ICredentialInfo Credential { get; }

        public override string ToString() =>
            string.Format(CultureInfo.InvariantCulture, "{0} {1} ({2})", AuthType, UserName ?? AccessKey ?? "token", Region);
    }
}
