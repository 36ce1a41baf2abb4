using System.Collections.Generic;
using System.Linq;
using System.Text;
using HuaweiMigration.Client.Signing;
using Xunit;

namespace HuaweiMigration.Tests.Client
{
    /// <summary>The four SDK-HMAC-SHA256 vectors of API.md (from the official SDKs' own tests).</summary>
    public class SigningVectorTests
    {
        private static (string SignedHeaders, string Signature) Sign(string method, string path, (string, string)[] query, (string, string)[] headers, string body, string date)
        {
            var all = headers.Select(h => new KeyValuePair<string, string>(h.Item1, h.Item2)).ToList();
            all.Add(new KeyValuePair<string, string>(SdkHmacSigner.DateHeader, date));
            var signed = SdkHmacSigner.SelectSignedHeaders(all.Select(h => h.Key));
            var canonical = SdkHmacSigner.CanonicalRequest(method, path, query.Select(q => new KeyValuePair<string, string>(q.Item1, q.Item2)), all, signed, Encoding.UTF8.GetBytes(body));
            return (string.Join(";", signed), SdkHmacSigner.Sign(canonical, date, "SecretKey"));
        }

        [Fact]
        public void Get_with_host_and_query()
        {
            var (signed, signature) = Sign("GET", "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
                new[] { ("limit", "2"), ("marker", "13551d6b-755d-4757-b956-536f674975c0") },
                new[] { ("Host", "service.region.example.com") }, string.Empty, "20191115T033655Z");
            Assert.Equal("host;x-sdk-date", signed);
            Assert.Equal("fd95e7da6f695cfb4cabbb9d6b0968aec155bc576b064835282473539ae9ea1d", signature);
        }

        [Fact]
        public void Post_with_host_and_body()
        {
            var (signed, signature) = Sign("POST", "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpc/123",
                new (string, string)[0], new[] { ("Host", "service.region.example.com") }, "{\"key\":\"value\"}", "20191115T033655Z");
            Assert.Equal("host;x-sdk-date", signed);
            Assert.Equal("b5649aa774f6cac7437631662f08815fc65c70e40e486df6db2436ce68902771", signature);
        }

        [Fact]
        public void Underscore_headers_are_not_signed()
        {
            var (signed, signature) = Sign("GET", "/path", new[] { ("limit", "1") }, new[] { ("TEST_UNDERSCORE", "x") }, string.Empty, "20060102T150405Z");
            Assert.Equal("x-sdk-date", signed);
            Assert.Equal("5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624", signature);
        }

        [Fact]
        public void Content_type_is_not_signed_and_the_body_is_hashed_byte_for_byte()
        {
            var (signed, signature) = Sign("POST", "/path", new[] { ("key", "value") }, new[] { ("Content-Type", "application/json") }, "{\"Name\":\"test\",\"Id\":1}\n", "20060102T150405Z");
            Assert.Equal("x-sdk-date", signed);
            Assert.Equal("cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59", signature);
        }

        [Fact]
        public void Authorization_header_round_trips()
        {
            var header = SdkHmacSigner.AuthorizationHeader("AK", new[] { "host", "x-sdk-date" }, "abc123");
            Assert.Equal("SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=abc123", header);
            Assert.True(SdkHmacSigner.TryParseAuthorization(header, out var ak, out var signed, out var sig));
            Assert.Equal("AK", ak);
            Assert.Equal(new[] { "host", "x-sdk-date" }, signed);
            Assert.Equal("abc123", sig);
        }

        [Fact]
        public void Path_segments_are_escaped_and_end_in_a_slash()
        {
            Assert.Equal("/v3/tasks/a%20b/", SdkHmacSigner.CanonicalUri("/v3/tasks/a b"));
            Assert.Equal("/", SdkHmacSigner.CanonicalUri("/"));
        }
    }
}
