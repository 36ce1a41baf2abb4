using System;
using System.Management.Automation;
using System.Security;
using HuaweiMigration.Client;
using HuaweiMigration.Client.Auth;
using HuaweiMigration.Internal;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Connection
{
    /// <summary>
    /// <para type="synopsis">Connects to Huawei Cloud and makes the connection the session's default.</para>
    /// <para type="description">Authenticates with an IAM user and password (a project-scoped token, renewed before it expires), an access key and secret key (every request signed), a ready token, or the HUAWEICLOUD_SDK_* environment variables. The project id of the region is resolved before the command returns. The context is written to the pipeline; no secret is ever shown.</para>
    /// </summary>
    /// <example>
    /// <para type="title">Connect with an IAM user and password</para>
    /// <code>
    /// $cred = Get-Credential -UserName migration-admin -Message 'IAM user'
    /// Connect-HuaweiCloud -Region ap-southeast-1 -Credential $cred -DomainName my-account
    /// </code>
    /// <para>Asks IAM for a token scoped to the project of ap-southeast-1 and makes the connection the session's default. The token is renewed before it expires, so long-running scripts keep working.</para>
    /// </example>
    /// <example>
    /// <para type="title">Connect with an access key and secret key</para>
    /// <code>
    /// Connect-HuaweiCloud -Region cn-north-4 -AccessKey $env:MY_AK -SecretKey (Read-Host -AsSecureString 'Secret key')
    /// </code>
    /// <para>Every request is signed with the secret key (SDK-HMAC-SHA256); no token is requested. Add -SecurityToken for a temporary access key.</para>
    /// </example>
    /// <example>
    /// <para type="title">Connect with the SDK environment variables</para>
    /// <code>
    /// $env:HUAWEICLOUD_SDK_AK = 'AK...'
    /// $env:HUAWEICLOUD_SDK_SK = 'SK...'
    /// Connect-HuaweiCloud -Region ap-southeast-1
    /// </code>
    /// <para>Without credential parameters the access key comes from HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (and HUAWEICLOUD_SDK_SECURITY_TOKEN, HUAWEICLOUD_SDK_PROJECT_ID, HUAWEICLOUD_SDK_DOMAIN_ID when set), as in the official SDKs.</para>
    /// </example>
    /// <example>
    /// <para type="title">Connect to the local simulator</para>
    /// <code>
    /// $cred = [pscredential]::new('sim-user', (ConvertTo-SecureString 'Sim-Passw0rd!' -AsPlainText -Force))
    /// Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint http://127.0.0.1:5080 -Credential $cred -DomainName sim-domain
    /// </code>
    /// <para>-Endpoint sends IAM, SMS and DCS requests to one base URL. Plain http is accepted only on loopback. Start the simulator with: dotnet run --project src/HuaweiMigration.Simulator -- --urls http://127.0.0.1:5080</para>
    /// </example>
    /// <example>
    /// <para type="title">Connect in a background job</para>
    /// <code>
    /// $env:HUAWEICLOUD_SDK_AK = $ak; $env:HUAWEICLOUD_SDK_SK = $sk
    /// Start-Job {
    ///     Import-Module HuaweiMigration
    ///     $null = Connect-HuaweiCloud -Region ap-southeast-1
    ///     Get-SmsTask -State RUNNING
    /// } | Receive-Job -Wait -AutoRemoveJob
    /// </code>
    /// <para>A Start-Job runs in another process, without the session's connection, and a context passed with $using: does not deserialize there: the job connects itself. It inherits the HUAWEICLOUD_SDK_* environment variables, so no secret is passed in (add -Endpoint $using:url for the simulator, whose access key is SIMAKEXAMPLE00000001 and secret key SimSecretKey0000000000000000000000000001). ForEach-Object -Parallel and Start-ThreadJob need none of this: they share the process's connection. In a test suite against the simulator, pass a small -PollInterval (such as 0.05) to the waiting commands.</para>
    /// </example>
    /// <example>
    /// <para type="title">Keep two connections</para>
    /// <code>
    /// $prod = Connect-HuaweiCloud -Region ap-southeast-1 -Credential $cred -DomainName my-account
    /// $test = Connect-HuaweiCloud -Region cn-north-4 -Token $token
    /// Get-SmsTask -Context $prod -State RUNNING
    /// </code>
    /// <para>Each call writes its context and makes it the session's default (here the last one, $test); -Context picks another one for one command. $token is a SecureString holding an X-Subject-Token obtained elsewhere.</para>
    /// </example>
    [Cmdlet(VerbsCommunications.Connect, "HuaweiCloud", DefaultParameterSetName = EnvironmentSet)]
    [OutputType(typeof(HuaweiCloudContext))]
    public sealed class ConnectHuaweiCloudCommand : HuaweiCloudCmdlet
    {
        public const string PasswordSet = "Password";
        public const string AccessKeySet = "AccessKey";
        public const string TokenSet = "Token";
        public const string EnvironmentSet = "Environment";

        /// <summary><para type="description">The IAM user name and password.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = PasswordSet)]
        [Credential]
        public PSCredential Credential { get; set; } = PSCredential.Empty;

        /// <summary><para type="description">The account (domain) name of the IAM user. Defaults to the user name, or the DOMAIN part of DOMAIN\user.</para></summary>
        [Parameter(ParameterSetName = PasswordSet)]
        [ValidateNotNullOrEmpty]
        public string? DomainName { get; set; }

        /// <summary><para type="description">The access key id (AK).</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = AccessKeySet)]
        [ValidateNotNullOrEmpty]
        public string? AccessKey { get; set; }

        /// <summary><para type="description">The secret key (SK).</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = AccessKeySet)]
        [ValidateNotNull]
        public SecureString? SecretKey { get; set; }

        /// <summary><para type="description">The security token of a temporary access key.</para></summary>
        [Parameter(ParameterSetName = AccessKeySet)]
        public SecureString? SecurityToken { get; set; }

        /// <summary><para type="description">A token (X-Subject-Token) obtained elsewhere.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = TokenSet)]
        [ValidateNotNull]
        public SecureString? Token { get; set; }

        /// <summary><para type="description">The region, such as ap-southeast-1 or cn-north-4.</para></summary>
        [ArgumentCompleter(typeof(Completion.RegionCompleter))]
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string Region { get; set; } = string.Empty;

        /// <summary><para type="description">The project id; found from the token or IAM when not given.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ProjectId { get; set; }

        /// <summary><para type="description">The account (domain) id; found from IAM when not given.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DomainId { get; set; }

        /// <summary><para type="description">One base URL for IAM, SMS and DCS: the simulator, or a private cloud.</para></summary>
        [Parameter]
        public Uri? Endpoint { get; set; }

        /// <summary><para type="description">The IAM endpoint (overrides -Endpoint for IAM).</para></summary>
        [Parameter]
        public Uri? IamEndpoint { get; set; }

        /// <summary><para type="description">The SMS endpoint (overrides -Endpoint for SMS).</para></summary>
        [Parameter]
        public Uri? SmsEndpoint { get; set; }

        /// <summary><para type="description">The DCS endpoint (overrides -Endpoint for DCS).</para></summary>
        [Parameter]
        public Uri? DcsEndpoint { get; set; }

        /// <summary><para type="description">Process (default): the connection becomes the default of every runspace of this process (ForEach-Object -Parallel, Start-ThreadJob) that does not connect itself. Runspace: the default of this runspace only.</para></summary>
        [Parameter]
        public HuaweiCloudContextScope Scope { get; set; } = HuaweiCloudContextScope.Process;

        /// <summary><para type="description">Seconds one HTTP request may take before it is abandoned (default 60); reads are then retried. Not the -Timeout of -Wait.</para></summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int RequestTimeoutSec { get; set; } = 60;

        protected override void EndProcessing()
        {
            var request = new ConnectRequest
            {
                RequestTimeout = TimeSpan.FromSeconds(RequestTimeoutSec),
                Region = Region,
                ProjectId = ProjectId,
                DomainId = DomainId,
                Endpoint = Endpoint,
                IamEndpoint = IamEndpoint,
                SmsEndpoint = SmsEndpoint,
                DcsEndpoint = DcsEndpoint,
            };
            try
            {
                switch (ParameterSetName)
                {
                    case PasswordSet:
                        request.AuthType = HuaweiCloudAuthType.Password;
                        request.UserName = Credential.UserName;
                        request.Password = Credential.Password;
                        request.DomainName = DomainName;
                        break;
                    case AccessKeySet:
                        request.AuthType = HuaweiCloudAuthType.AccessKey;
                        request.AccessKey = AccessKey;
                        request.SecretKey = SecretKey;
                        request.SecurityToken = SecurityToken;
                        break;
                    case TokenSet:
                        request.AuthType = HuaweiCloudAuthType.Token;
                        request.Token = Token;
                        break;
                    default:
                        request.ApplyEnvironment(Environment.GetEnvironmentVariable);
                        WriteVerbose("Using the access key in " + ConnectRequest.EnvAccessKey + ".");
                        break;
                }
                var context = Await(HuaweiCloudConnector.ConnectAsync(request, Log, CancellationToken));
                SessionContext.Set(context, runspaceOnly: Scope == HuaweiCloudContextScope.Runspace);
                WriteObject(context);
            }
            catch (HuaweiCloudApiException ex)
            {
                ThrowTerminatingError(ErrorRecords.FromApi(ex, Region));
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(ex, "InvalidConnectionParameter", ex.ParamName ?? Region));
            }
        }
    }
}
