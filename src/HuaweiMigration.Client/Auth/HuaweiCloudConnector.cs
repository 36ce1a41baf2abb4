using System;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client.Http;
using HuaweiMigration.Client.Iam;
using HuaweiMigration.Models;

namespace HuaweiMigration.Client.Auth
{
    /// <summary>Turns a <see cref="ConnectRequest"/> into a ready <see cref="HuaweiCloudContext"/>: authenticated, with its project id known.</summary>
    public static class HuaweiCloudConnector
    {
        /// <summary>The longest token the API accepts (X-Subject-Token, 16,384 characters).</summary>
        public const int MaxTokenLength = 16384;

        /// <summary>Closes a connection: its secrets are disposed, and every later call with it (from any runspace) fails clearly.</summary>
        public static void Disconnect(HuaweiCloudContext context)
        {
            if (context.Credential is ApiCredential credential) credential.Dispose();
        }

        /// <summary>Validates the request, authenticates and resolves the project (and, for access keys, the account) id.</summary>
        public static async Task<HuaweiCloudContext> ConnectAsync(ConnectRequest request, IApiLog? log, CancellationToken cancellationToken)
        {
            log ??= NullLog.Instance;
            var region = InputValidation.Region(request.Region);
            if (request.ProjectId != null) InputValidation.ProjectId(request.ProjectId);
            if (request.DomainId != null) InputValidation.Id(request.DomainId, 64, "domain id");
            var endpoints = Endpoints.Resolve(region, request.Endpoint, request.IamEndpoint, request.SmsEndpoint, request.DcsEndpoint);
            var transport = ApiTransport.Shared;
            var requestTimeout = request.RequestTimeout ?? TimeSpan.FromSeconds(60);
            if (requestTimeout <= TimeSpan.Zero)
            {
                throw new ArgumentException("The request timeout must be a positive number of seconds.", nameof(request));
            }
            var iam = new IamClient(transport, endpoints.Iam, log, requestTimeout);
            string? projectId = request.ProjectId;
            string? domainId = request.DomainId;
            Task<string?>? projectLookup = null;
            ApiCredential credential;

            switch (request.AuthType)
            {
                case HuaweiCloudAuthType.Password:
                {
                    if (string.IsNullOrEmpty(request.UserName) || request.Password is null)
                    {
                        throw new ArgumentException("A user name and password are needed (-Credential).", "Credential");
                    }
                    if (request.Password.Length == 0)
                    {
                        throw new ArgumentException("The password of '" + request.UserName + "' is empty: IAM would refuse it. Pass a credential with its password (-Credential).", "Credential");
                    }
                    var (user, domainName) = SplitUser(request.UserName!, request.DomainName);
                    var scopeProject = projectId;
                    var password = new PasswordCredential(user, request.Password, domainName,
                        (c, ct) => iam.IssuePasswordTokenAsync(c, region, scopeProject, ct));
                    var token = await password.GetTokenAsync(cancellationToken).ConfigureAwait(false);
                    projectId ??= token.ProjectId;
                    domainId ??= token.DomainId;
                    credential = password;
                    break;
                }
                case HuaweiCloudAuthType.AccessKey:
                {
                    if (string.IsNullOrEmpty(request.AccessKey))
                    {
                        throw new ArgumentException("The access key is empty (-AccessKey).", "AccessKey");
                    }
                    if (request.SecretKey is null || request.SecretKey.Length == 0)
                    {
                        throw new ArgumentException("The secret key is empty (" + (request.FromEnvironment ? ConnectRequest.EnvSecretKey : "-SecretKey") + "): nothing could be signed with it.", "SecretKey");
                    }
                    var env = request.FromEnvironment;
                    InputValidation.CredentialText(request.AccessKey, env ? ConnectRequest.EnvAccessKey : "-AccessKey", "access key");
                    CheckSecret(request.SecretKey, env ? ConnectRequest.EnvSecretKey : "-SecretKey", "secret key");
                    CheckSecret(request.SecurityToken, env ? ConnectRequest.EnvSecurityToken : "-SecurityToken", "security token");
                    credential = new AccessKeyCredential(request.AccessKey!, request.SecretKey, request.SecurityToken);
                    if (domainId is null)
                    {
                        // Both lookups at once, one round trip instead of two: the project list needs the access
                        // key's signature alone, as the official SDKs send it (no X-Domain-Id).
                        var domainLookup = iam.FindDomainIdAsync(credential, cancellationToken);
                        projectLookup = projectId is null ? iam.FindProjectIdAsync(credential, region, null, cancellationToken) : null;
                        // Both awaited before either result is used, so a failure of one never goes unobserved.
                        if (projectLookup != null) await Task.WhenAll(domainLookup, projectLookup).ConfigureAwait(false);
                        domainId = await domainLookup.ConfigureAwait(false);
                    }
                    break;
                }
                case HuaweiCloudAuthType.Token:
                {
                    if (request.Token is null || request.Token.Length == 0)
                    {
                        throw new ArgumentException("The token is empty (-Token).", "Token");
                    }
                    if (request.Token.Length > MaxTokenLength)
                    {
                        throw new ArgumentException("The token is " + request.Token.Length + " characters long; an X-Subject-Token has at most " + MaxTokenLength + ", so this is not one (a token with its catalog, or two pasted together?).", "Token");
                    }
                    CheckSecret(request.Token, "-Token", "token");
                    var tokenCredential = new TokenCredential(request.Token, null, null);
                    var info = await iam.ValidateTokenAsync(tokenCredential, cancellationToken).ConfigureAwait(false);
                    tokenCredential.ExpiresAtValue = info.ExpiresAt;
                    tokenCredential.UserNameValue = info.UserName;
                    if (info.ProjectId != null && projectId is null)
                    {
                        projectId = info.ProjectId;
                    }
                    domainId ??= info.DomainId;
                    credential = tokenCredential;
                    break;
                }
                default:
                    throw new ArgumentOutOfRangeException(nameof(request), request.AuthType, "Unknown authentication type.");
            }

            if (projectId is null)
            {
                projectId = await (projectLookup ?? iam.FindProjectIdAsync(credential, region, domainId, cancellationToken)).ConfigureAwait(false)
                    ?? throw new HuaweiCloudApiException(
                        "IAM knows no project named '" + region + "' for this account. Check -Region, or pass -ProjectId.",
                        ApiErrorKind.NotFound, service: IamClient.Service);
            }
            log.Verbose("Connected to " + region + " (project " + projectId + ") as " + (credential.UserName ?? credential.AccessKeyId ?? "token") + ".");
            return new HuaweiCloudContext(region, projectId, domainId, endpoints.Iam, endpoints.Sms, endpoints.Dcs, credential)
            {
                RequestTimeout = requestTimeout,
            };
        }

        /// <summary>Checks a secret's characters in place, never keeping or showing its text.</summary>
        private static void CheckSecret(System.Security.SecureString? secret, string source, string what)
        {
            if (secret is null || secret.Length == 0) return;
            InputValidation.CredentialText(ApiCredential.Reveal(secret), source, what);
        }

        /// <summary>Accepts <c>DOMAIN\user</c>; without a domain name the user is taken to be the account itself.</summary>
        private static (string User, string Domain) SplitUser(string userName, string? domainName)
        {
            var slash = userName.IndexOf('\\');
            if (slash > 0 && string.IsNullOrEmpty(domainName))
            {
                return (userName.Substring(slash + 1), userName.Substring(0, slash));
            }
            return (userName, string.IsNullOrEmpty(domainName) ? userName : domainName!);
        }
    }

    /// <summary>Service endpoints: Huawei's public defaults, one base URL for all, or one per service.</summary>
    internal sealed class Endpoints
    {
        private Endpoints(Uri iam, Uri sms, Uri dcs)
        {
            Iam = iam;
            Sms = sms;
            Dcs = dcs;
        }

        public Uri Iam { get; }
        public Uri Sms { get; }
        public Uri Dcs { get; }

        public static Endpoints Resolve(string region, Uri? all, Uri? iam, Uri? sms, Uri? dcs)
        {
            if (all != null) InputValidation.Endpoint(all, "Endpoint");
            var eu = region.StartsWith("eu-", StringComparison.Ordinal);
            var domain = eu ? "myhuaweicloud.eu" : "myhuaweicloud.com";
            // SMS is one endpoint per site, not per region (API.md).
            var smsDefault = region.StartsWith("cn-", StringComparison.Ordinal)
                ? "https://sms.cn-north-4.myhuaweicloud.com"
                : eu ? "https://sms.myhuaweicloud.eu" : "https://sms.ap-southeast-3.myhuaweicloud.com";
            return new Endpoints(
                InputValidation.Endpoint(iam ?? all ?? new Uri("https://iam." + region + "." + domain), "IamEndpoint"),
                InputValidation.Endpoint(sms ?? all ?? new Uri(smsDefault), "SmsEndpoint"),
                InputValidation.Endpoint(dcs ?? all ?? new Uri("https://dcs." + region + "." + domain), "DcsEndpoint"));
        }
    }
}
