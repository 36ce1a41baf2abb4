using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace HuaweiMigration.Simulator.Iam;

internal sealed record SimUser(string Id, string Name, string Password);

internal sealed record SimAccessKey(string AccessKey, string SecretKey, string? SecurityToken);

internal sealed record IssuedToken(
    string Value,
    SimUser User,
    string? ProjectId,
    string? ProjectName,
    DateTime IssuedAt,
    DateTime ExpiresAt)
{
    public bool IsDomainScoped => ProjectId is null;
}

/// <summary>Users, keys and issued tokens of the one simulated account.</summary>
internal sealed class IdentityStore
{
    private readonly ConcurrentDictionary<string, SimUser> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SimAccessKey> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);
    private readonly TimeSpan _lifetime;

    public IdentityStore(TimeSpan tokenLifetime)
    {
        _lifetime = tokenLifetime;
        _users[SimulatorCredentials.UserName] = new SimUser(SimulatorCredentials.UserId, SimulatorCredentials.UserName, SimulatorCredentials.Password);
        AddAccessKey(SimulatorCredentials.AccessKey, SimulatorCredentials.SecretKey, null);
        AddAccessKey(SimulatorCredentials.TemporaryAccessKey, SimulatorCredentials.TemporarySecretKey, SimulatorCredentials.SecurityToken);
    }

    public void AddUser(string name, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(password);
        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("sim-user:" + name)), 0, 16).ToLowerInvariant();
        _users[name] = new SimUser(id, name, password);
    }

    public void AddAccessKey(string accessKey, string secretKey, string? securityToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessKey);
        ArgumentException.ThrowIfNullOrEmpty(secretKey);
        _keys[accessKey] = new SimAccessKey(accessKey, secretKey, securityToken);
    }

    public SimUser? FindUser(string? name) => name is not null && _users.TryGetValue(name, out var u) ? u : null;

    public SimAccessKey? FindKey(string? accessKey) => accessKey is not null && _keys.TryGetValue(accessKey, out var k) ? k : null;

    public IssuedToken? FindToken(string? value) => value is not null && _tokens.TryGetValue(value, out var t) ? t : null;

    public IssuedToken Issue(SimUser user, string? projectId, string? projectName)
    {
        var now = DateTime.UtcNow;
        var token = new IssuedToken(NewTokenValue(), user, projectId, projectName, now, now + _lifetime);
        _tokens[token.Value] = token;
        return token;
    }

    public void ExpireAllTokens()
    {
        var past = DateTime.UtcNow.AddSeconds(-1);
        foreach (var pair in _tokens)
        {
            _tokens[pair.Key] = pair.Value with { ExpiresAt = past };
        }
    }

    /// <summary>Real tokens are long opaque base64 blobs starting with "MII"; clients must not parse them.</summary>
    private static string NewTokenValue()
    {
        var bytes = RandomNumberGenerator.GetBytes(150);
        var b64 = Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        return "MIIsim" + b64.Substring(0, 194);
    }
}
