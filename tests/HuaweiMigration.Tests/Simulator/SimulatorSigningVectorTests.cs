using System;
using System.Linq;
using System.Text;
using HuaweiMigration.Simulator.Signing;
using Xunit;

namespace HuaweiMigration.Tests.Simulator
{
    /// <summary>
    /// The same four vectors of API.md, through the simulator's own verifier: it shares no code with the client's
    /// signer (SigningVectorTests), so each side is held to the vectors on its own.
    /// </summary>
    public class SimulatorSigningVectorTests
    {
        public static TheoryData<string, string, string, string, string, string, string> Vectors => new()
        {
            // method, path, query (k=v&…), headers (Name: value|…), body, date, expected signature
            { "GET", "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs", "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
              "Host: service.region.example.com", "", "20191115T033655Z", "fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d" },
            { "POST", "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123", "", "Host: service.region.example.com", "{\"key\":\"value\"}",
              "20191115T033655Z", "b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771" },
            { "GET", "/path", "limit=1", "TEST_UNDERSCORE: x", "", "20060102T150405Z", "5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624" },
            { "POST", "/path", "key=value", "Content-Type: application/json", "{\"Name\":\"test\",\"Id\":1}\n", "20060102T150405Z",
              "cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59" },
        };

        [Theory]
        [MemberData(nameof(Vectors))]
        public void The_verifier_expects_the_vectors_signature(string method, string path, string query, string headers, string body, string date, string expected)
        {
            var headerPairs = headers.Split('|', StringSplitOptions.RemoveEmptyEntries)
                .Select(h => h.Split(':', 2)).Select(h => (Name: h[0].Trim(), Value: h[1].Trim()))
                .Append((Name: SignatureVerifier.DateHeader, Value: date)).ToList();
            // The gateway's rule for which headers a client signs: all but content-type and names with '_'.
            var signed = headerPairs.Select(h => h.Name.ToLowerInvariant()).Where(n => n != "content-type" && !n.Contains('_'))
                .OrderBy(n => n, StringComparer.Ordinal).ToArray();
            var queryPairs = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(q => q.Split('=', 2)).Select(q => (q[0], q[1]));

            var signature = SignatureVerifier.ExpectedSignature(method, path, queryPairs, signed,
                name => headerPairs.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value),
                Encoding.UTF8.GetBytes(body), date, "SecretKey");

            Assert.Equal(expected, signature);
        }

        [Fact]
        public void The_authorization_header_is_parsed_strictly()
        {
            var parsed = SignatureVerifier.ParseAuthorization("SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=abc");
            Assert.NotNull(parsed);
            Assert.Equal("AK", parsed!.AccessKey);
            Assert.Equal(new[] { "host", "x-sdk-date" }, parsed.SignedHeaders);
            Assert.Equal("abc", parsed.Signature);
            Assert.Null(SignatureVerifier.ParseAuthorization("SDK-HMAC-SHA256 Access=AK, Signature=abc"));
            Assert.Null(SignatureVerifier.ParseAuthorization("Bearer abc"));
        }
    }
}
