using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace HuaweiMigration.Simulator;

/// <summary>The demo identities every simulator instance knows. Public on purpose: they only open the simulator.</summary>
public static class SimulatorCredentials
{
    public const string DomainName = "sim-domain";
    public const string DomainId = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    public const string UserName = "sim-user";
    public const string UserId = "5f4e3d2c1b0a49788796a5b4c3d2e1f0";
    public const string Password = "Sim-Passw0rd!";

    public const string AccessKey = "SIMAKEXAMPLE00000001";
    public const string SecretKey = "SimSecretKey0000000000000000000000000001";

    /// <summary>A temporary key pair: requests signed with it must also carry <see cref="SecurityToken"/> in <c>X-Security-Token</c>.</summary>
    public const string TemporaryAccessKey = "SIMTMPAKEXAMPLE00001";
    public const string TemporarySecretKey = "SimTmpSecretKey000000000000000000000001";
    public const string SecurityToken = "SimSecurityToken-EXAMPLE";

    public const string DefaultRegion = "ap-southeast-1";

    private static readonly string[] KnownRegions =
    {
        "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "cn-north-4", "cn-east-3", "eu-west-101",
    };

    /// <summary>The regions that have a project (project name = region name, as on Huawei Cloud).</summary>
    public static IReadOnlyList<string> Regions => KnownRegions;

    /// <summary>The deterministic 32-hex project id of a known region's project.</summary>
    /// <exception cref="ArgumentException">The region is not one of <see cref="Regions"/>.</exception>
    public static string ProjectIdFor(string region)
    {
        if (!IsKnownRegion(region))
        {
            throw new ArgumentException($"The simulator has no project for region '{region}'.", nameof(region));
        }
        // Hashing the name keeps ids stable across runs and machines without a hand-maintained table.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("sim-project:" + region));
        return Convert.ToHexString(hash, 0, 16).ToLowerInvariant();
    }

    public static bool IsKnownRegion(string? region) => region is not null && KnownRegions.Contains(region, StringComparer.Ordinal);

    /// <summary>The region whose project has this id, or null.</summary>
    public static string? RegionForProjectId(string? projectId) =>
        projectId is null ? null : KnownRegions.FirstOrDefault(r => string.Equals(ProjectIdFor(r), projectId, StringComparison.Ordinal));
}
