using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client.Http;
using HuaweiMigration.Client.Signing;
using HuaweiMigration.Models;
using HuaweiMigration.Models.Serialization;

namespace HuaweiMigration.Client.Auth
{
    /// <summary>An outgoing HTTP request as the credential sees it, just before it is sent.</summary>
    internal sealed class OutgoingRequest
    {
        public OutgoingRequest(string method, Uri uri, byte[] body, AuthScope scope, string? domainId, string? projectId)
        {
            Method = method;
            Uri = uri;
            Body = body;
            Scope = scope;
            DomainId = domainId;
            ProjectId = projectId;
        }

        public string Method { get; }
        public Uri Uri { get; }
        public byte[] Body { get; }
        public AuthScope Scope { get; }
        public string? DomainId { get; }
        public string? ProjectId { get; }

        /// <summary>Headers the credential adds (auth headers, scope headers).</summary>
        public List<KeyValuePair<string, string>> Headers { get; } = new List<KeyValuePair<string, string>>();

        /// <summary>
        /// What the credential authenticated this request with (its token), so that a refusal invalidates that and
        /// not a newer one another request has already fetched.
        /// </summary>
        public object? CredentialState { get; set; }

        public void SetHeader(string name, string value)
        {
            Headers.RemoveAll(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
            Headers.Add(new KeyValuePair<string, string>(name, value));
        }
    }

    /// <summary>A way of authenticating requests. Holds its secret privately; nothing here is ever logged.</summary>
    internal abstract class ApiCredential : ICredentialInfo
    {
        public abstract HuaweiCloudAuthType AuthType { get; }
        public virtual string? UserName => null;
        public virtual string? AccessKeyId => null;
        public virtual DateTime? ExpiresAt => null;

        /// <summary>Adds the authentication headers to a request.</summary>
        public abstract Task ApplyAsync(OutgoingRequest request, CancellationToken cancellationToken);

        /// <summary>
        /// Called after a 401: drop the cached token that was refused (<paramref name="refused"/>, the request's
        /// <see cref="OutgoingRequest.CredentialState"/>) so the next attempt authenticates afresh, unless a newer one
        /// has replaced it meanwhile. Returns true when a retry could help.
        /// </summary>
        public virtual bool Invalidate(object? refused) => false;

        /// <summary>
        /// The secret as a string, read in place. Not through <c>NetworkCredential</c>: it copies the secure string,
        /// and each copy is a finalizable unmanaged buffer; measured on the per-call path, releasing those copies cost
        /// more CPU than the rest of the request.
        /// </summary>
        internal static string Reveal(SecureString secret)
        {
            if (secret.Length == 0) return string.Empty;
            var buffer = IntPtr.Zero;
            try
            {
                buffer = Marshal.SecureStringToGlobalAllocUnicode(secret);
                return Marshal.PtrToStringUni(buffer, secret.Length);
            }
            finally
            {
                if (buffer != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(buffer);
            }
        }

        /// <summary>True once <see cref="Dispose"/> ran: the secrets are gone.</summary>
        public bool Disposed { get; private set; }

        /// <summary>Forgets the secrets for good (Disconnect-HuaweiCloud); every later call with this credential fails clearly.</summary>
        public void Dispose()
        {
            if (Disposed) return;
            Disposed = true;
            DisposeSecrets();
            _closed.Cancel();
        }

        // Never disposed: a token handed out may be read after Disconnect, and cancelled it costs nothing.
        private readonly CancellationTokenSource _closed = new CancellationTokenSource();

        /// <summary>Cancelled by <see cref="Dispose"/>: waits that hold this connection stop polling at once.</summary>
        public CancellationToken Closed => _closed.Token;

        /// <summary>Disposes the secure strings this credential holds.</summary>
        protected abstract void DisposeSecrets();

        /// <summary>The engine's credential behind a context.</summary>
        internal static ApiCredential Of(HuaweiCloudContext context)
        {
            var credential = context.Credential as ApiCredential ?? throw new InvalidOperationException("This context was not made by Connect-HuaweiCloud.");
            if (credential.Disposed) throw DisconnectedError(context);
            return credential;
        }

        internal static HuaweiCloudApiException DisconnectedError(HuaweiCloudContext? context) =>
            new HuaweiCloudApiException(
                "This connection" + (context is null ? string.Empty : " to " + context.Region) + " was closed by Disconnect-HuaweiCloud; its secrets are gone. Run Connect-HuaweiCloud again.",
                ApiErrorKind.Authentication)
            {
                NotSent = true,
                Disconnected = true,
            };
    }

    /// <summary>A ready token obtained elsewhere.</summary>
    internal sealed class TokenCredential : ApiCredential
    {
        private readonly SecureString _token;

        protected override void DisposeSecrets() => _token.Dispose();

        public TokenCredential(SecureString token, DateTime? expiresAt, string? userName)
        {
            _token = token.Copy();
            _token.MakeReadOnly();
            ExpiresAtValue = expiresAt;
            UserNameValue = userName;
        }

        internal DateTime? ExpiresAtValue { get; set; }
        internal string? UserNameValue { get; set; }
        public override HuaweiCloudAuthType AuthType => HuaweiCloudAuthType.Token;
        public override DateTime? ExpiresAt => ExpiresAtValue;
        public override string? UserName => UserNameValue;

        internal string RevealToken() => Reveal(_token);

        public override Task ApplyAsync(OutgoingRequest request, CancellationToken cancellationToken)
        {
            request.SetHeader("X-Auth-Token", Reveal(_token));
            return Task.CompletedTask;
        }
    }

    /// <summary>Access key and secret key: signs every request with SDK-HMAC-SHA256.</summary>
    internal sealed class AccessKeyCredential : ApiCredential
    {
        private readonly string _accessKey;
        private readonly SecureString _secretKey;
        private readonly SecureString? _securityToken;
        private readonly Func<DateTime> _clock;

        protected override void DisposeSecrets()
        {
            _secretKey.Dispose();
            _securityToken?.Dispose();
        }

        public AccessKeyCredential(string accessKey, SecureString secretKey, SecureString? securityToken, Func<DateTime>? clock = null)
        {
            _accessKey = accessKey;
            _secretKey = secretKey.Copy();
            _secretKey.MakeReadOnly();
            if (securityToken != null && securityToken.Length > 0)
            {
                _securityToken = securityToken.Copy();
                _securityToken.MakeReadOnly();
            }
            _clock = clock ?? (() => DateTime.UtcNow);
        }

        public override HuaweiCloudAuthType AuthType => HuaweiCloudAuthType.AccessKey;
        public override string? AccessKeyId => _accessKey;

        /// <summary>Every request is signed afresh (a new X-Sdk-Date), so one replay after a 401 is worth a try.</summary>
        public override bool Invalidate(object? refused) => true;

        public override Task ApplyAsync(OutgoingRequest request, CancellationToken cancellationToken)
        {
            var date = SdkHmacSigner.FormatDate(_clock());
            request.SetHeader(SdkHmacSigner.DateHeader, date);
            if (request.Scope == AuthScope.Project && request.ProjectId != null)
            {
                request.SetHeader("X-Project-Id", request.ProjectId);
            }
            else if (request.Scope == AuthScope.Domain && request.DomainId != null)
            {
                request.SetHeader("X-Domain-Id", request.DomainId);
            }
            if (_securityToken != null)
            {
                request.SetHeader("X-Security-Token", Reveal(_securityToken));
            }

            var uri = request.Uri;
            var host = uri.IsDefaultPort ? uri.Host : uri.Authority;
            var headers = new List<KeyValuePair<string, string>>(request.Headers) { new KeyValuePair<string, string>("host", host) };
            var signed = SdkHmacSigner.SelectSignedHeaders(headers.Select(h => h.Key));
            var canonical = SdkHmacSigner.CanonicalRequest(
                request.Method,
                UriParts.DecodedPath(uri),
                UriParts.DecodedQuery(uri),
                headers,
                signed,
                request.Body);
            var signature = SdkHmacSigner.Sign(canonical, date, Reveal(_secretKey));
            request.SetHeader("Authorization", SdkHmacSigner.AuthorizationHeader(_accessKey, signed, signature));
            return Task.CompletedTask;
        }
    }

    /// <summary>
    /// IAM user name and password: asks IAM for a project-scoped token and renews it before it expires, so a
    /// long runbook never sends an expired token.
    /// </summary>
    internal sealed class PasswordCredential : ApiCredential
    {
        private readonly string _userName;
        private readonly SecureString _password;
        private readonly string _domainName;
        private readonly SemaphoreSlim _lock = new SemaphoreSlim(1, 1);
        private readonly Func<PasswordCredential, CancellationToken, Task<IssuedToken>> _issue;
        private IssuedToken? _current;

        protected override void DisposeSecrets()
        {
            _password.Dispose();
            _current?.Token.Dispose();
            _current = null;
        }

        public PasswordCredential(string userName, SecureString password, string domainName, Func<PasswordCredential, CancellationToken, Task<IssuedToken>> issue)
        {
            _userName = userName;
            _password = password.Copy();
            _password.MakeReadOnly();
            _domainName = domainName;
            _issue = issue;
        }

        public override HuaweiCloudAuthType AuthType => HuaweiCloudAuthType.Password;
        public override string? UserName => _userName;
        public override DateTime? ExpiresAt => _current?.ExpiresAt;
        internal string DomainName => _domainName;
        internal IssuedToken? Current => _current;

        internal string RevealPassword() => Reveal(_password);

        /// <summary>Returns a token that is not about to expire, asking IAM for a new one when needed.</summary>
        internal async Task<IssuedToken> GetTokenAsync(CancellationToken cancellationToken)
        {
            var token = _current;
            if (token != null && !token.NeedsRenewal(DateTime.UtcNow)) return token;
            await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                token = _current;
                if (token == null || token.NeedsRenewal(DateTime.UtcNow))
                {
                    token = await _issue(this, cancellationToken).ConfigureAwait(false);
                    _current = token;
                }
                return token;
            }
            finally
            {
                _lock.Release();
            }
        }

        public override async Task ApplyAsync(OutgoingRequest request, CancellationToken cancellationToken)
        {
            var token = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
            request.CredentialState = token;
            request.SetHeader("X-Auth-Token", Reveal(token.Token));
        }

        public override bool Invalidate(object? refused)
        {
            // Many runspaces share one connection: a refusal that arrives after another request renewed the token
            // must not throw the new token away (each extra renewal is one more token IAM issues).
            var current = _current;
            if (current != null && (refused is null || ReferenceEquals(current, refused)))
            {
                Interlocked.CompareExchange(ref _current, null, current);
            }
            return true;
        }
    }

    /// <summary>A token IAM issued, with what it says about itself.</summary>
    internal sealed class IssuedToken
    {
        public IssuedToken(SecureString token, DateTime expiresAt, DateTime? issuedAt, string? projectId, string? domainId, string? userName)
        {
            Token = token;
            ExpiresAt = expiresAt;
            IssuedAt = issuedAt;
            ProjectId = projectId;
            DomainId = domainId;
            UserName = userName;
            ReceivedAt = DateTime.UtcNow;
        }

        public SecureString Token { get; }
        public DateTime ExpiresAt { get; }
        public DateTime? IssuedAt { get; }
        public string? ProjectId { get; }
        public string? DomainId { get; }
        public string? UserName { get; }
        public DateTime ReceivedAt { get; }

        /// <summary>
        /// Renew once 90% of the lifetime has passed (measured on the local clock from when the token arrived, so
        /// clock skew between this machine and IAM does not matter), and never use one with under a minute left.
        /// </summary>
        public bool NeedsRenewal(DateTime utcNow)
        {
            var lifetime = IssuedAt.HasValue ? ExpiresAt - IssuedAt.Value : ExpiresAt - ReceivedAt;
            if (lifetime <= TimeSpan.Zero) return true;
            var renewAt = ReceivedAt + TimeSpan.FromTicks((long)(lifetime.Ticks * 0.9));
            var localExpiry = ReceivedAt + lifetime;
            return utcNow >= renewAt || localExpiry - utcNow < TimeSpan.FromMinutes(1) && lifetime > TimeSpan.FromMinutes(2);
        }
    }
}
