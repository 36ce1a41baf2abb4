using System;
using System.Security;
using HuaweiMigration.Models;

namespace HuaweiMigration.Client.Auth
{
    /// <summary>What <c>Connect-HuaweiCloud</c> was given. Secrets stay in <see cref="SecureString"/>s.</summary>
    public sealed class ConnectRequest
    {
        public const string EnvAccessKey = "HUAWEICLOUD_SDK_AK";
        public const string EnvSecretKey = "HUAWEICLOUD_SDK_SK";
        public const string EnvSecurityToken = "HUAWEICLOUD_SDK_SECURITY_TOKEN";
        public const string EnvProjectId = "HUAWEICLOUD_SDK_PROJECT_ID";
        public const string EnvDomainId = "HUAWEICLOUD_SDK_DOMAIN_ID";
        public const string EnvIamEndpoint = "HUAWEICLOUD_SDK_IAM_ENDPOINT";

        public HuaweiCloudAuthType AuthType { get; set; }
        public string Region { get; set; } = string.Empty;
        public string? ProjectId { get; set; }
        public string? DomainId { get; set; }
        public Uri? Endpoint { get; set; }
        public Uri? IamEndpoint { get; set; }
        public Uri? SmsEndpoint { get; set; }
        public Uri? DcsEndpoint { get; set; }

        public string? UserName { get; set; }
        public SecureString? Password { get; set; }
        public string? DomainName { get; set; }

        public string? AccessKey { get; set; }
        public SecureString? SecretKey { get; set; }
        public SecureString? SecurityToken { get; set; }

        public SecureString? Token { get; set; }

        /// <summary>True when the credentials came from the HUAWEICLOUD_SDK_* variables (messages then name those).</summary>
        public bool FromEnvironment { get; private set; }

        /// <summary>How long one HTTP request may take (default 60 s).</summary>
        public TimeSpan? RequestTimeout { get; set; }

        /// <summary>
        /// Fills an access-key request from the official SDK's environment variables. Values given explicitly win.
        /// Throws when the access key or secret key is missing, naming the variables to set.
        /// </summary>
        public void ApplyEnvironment(Func<string, string?> getVariable)
        {
            AuthType = HuaweiCloudAuthType.AccessKey;
            FromEnvironment = true;
            var ak = getVariable(EnvAccessKey);
            var sk = getVariable(EnvSecretKey);
            if (string.IsNullOrEmpty(ak) || string.IsNullOrEmpty(sk))
            {
                throw new ArgumentException(
                    "No credentials were given and the environment has none: set " + EnvAccessKey + " and " + EnvSecretKey
                    + " (and " + EnvSecurityToken + " for temporary keys), or use -Credential, -AccessKey or -Token.");
            }
            AccessKey = ak;
            SecretKey = ToSecure(sk!);
            var st = getVariable(EnvSecurityToken);
            if (!string.IsNullOrEmpty(st)) SecurityToken = ToSecure(st!);
            if (string.IsNullOrEmpty(ProjectId)) ProjectId = NullIfEmpty(getVariable(EnvProjectId));
            if (string.IsNullOrEmpty(DomainId)) DomainId = NullIfEmpty(getVariable(EnvDomainId));
            var iam = getVariable(EnvIamEndpoint);
            if (IamEndpoint is null && Endpoint is null && !string.IsNullOrEmpty(iam) && Uri.TryCreate(iam, UriKind.Absolute, out var iamUri))
            {
                IamEndpoint = iamUri;
            }
        }

        private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

        internal static SecureString ToSecure(string value)
        {
            var s = new SecureString();
            foreach (var c in value) s.AppendChar(c);
            s.MakeReadOnly();
            return s;
        }
    }
}
