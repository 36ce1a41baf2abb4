using HuaweiMigration.Client.Http;
using Xunit;

namespace HuaweiMigration.Tests.Client
{
    /// <summary>Error bodies read as the SDK core reads them (sdk-shapes.json "errors"), plus SMS's and DCS's detail fields.</summary>
    public class ErrorBodyTests
    {
        [Theory]
        [InlineData("{\"error_code\":\"SMS.9004\",\"error_msg\":\"no\"}", "SMS.9004", "no")]
        [InlineData("{\"errorCode\":\"X.1\",\"errorMsg\":\"camel\"}", "X.1", "camel")]
        [InlineData("{\"code\":\"APIGW.0101\",\"message\":\"not found\"}", "APIGW.0101", "not found")]
        [InlineData("{\"error\":{\"code\":\"401\",\"message\":\"The request you have made requires authentication.\",\"title\":\"Unauthorized\"}}", "401", "The request you have made requires authentication.")]
        [InlineData("{\"code\":\"ignored\",\"error_code\":\"DCS.4133\",\"error_msg\":\"first pair wins\"}", "DCS.4133", "first pair wins")]
        [InlineData("{\"error_code\":\"LONE.1\"}", "LONE.1", null)]
        [InlineData("not json", null, null)]
        public void Code_and_message_follow_the_SDK_cores_order(string body, string? code, string? message)
        {
            var parsed = ErrorBody.Parse(body);
            Assert.Equal(code, parsed.Code);
            Assert.Equal(message, parsed.Message);
        }

        [Fact]
        public void SMS_detail_fields_are_read()
        {
            var parsed = ErrorBody.Parse("{\"error_code\":\"SMS.9004\",\"error_msg\":\"m\",\"encoded_authorization_message\":\"abc\",\"error_param\":[\"p1\",\"p2\"],\"details\":[{\"error_code\":\"IAM.1\",\"error_msg\":\"d\"}]}");
            Assert.Equal("abc", parsed.EncodedAuthorizationMessage);
            Assert.Equal(new[] { "p1", "p2" }, parsed.Parameters);
            var detail = Assert.Single(parsed.Details);
            Assert.Equal("IAM.1", detail.Code);
            Assert.Equal("d", detail.Message);
        }

        [Fact]
        public void DCS_error_ext_msg_is_read()
        {
            var parsed = ErrorBody.Parse("{\"error_code\":\"DCS.4957\",\"error_msg\":\"m\",\"error_ext_msg\":\"the source is busy\"}");
            Assert.Equal("the source is busy", parsed.ExtMessage);
            Assert.Empty(parsed.Parameters);
            Assert.Empty(parsed.Details);
        }
    }
}
