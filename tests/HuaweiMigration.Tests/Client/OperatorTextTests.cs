using System;
using System.Collections.Generic;
using HuaweiMigration.Client;
using HuaweiMigration.Client.Http;
using Xunit;

namespace HuaweiMigration.Tests.Client
{
    /// <summary>Texts an operator reads: a failure and why it was not retried; the URL -Debug shows.</summary>
    public class OperatorTextTests
    {
        [Theory]
        [InlineData("Could not reach the SMS service at http://127.0.0.1:9: Connection refused (127.0.0.1:9)", "Could not reach the SMS service at http://127.0.0.1:9: Connection refused (127.0.0.1:9). Gave up after 7 attempts.")]
        [InlineData("Could not reach the SMS service at http://127.0.0.1:9: Connection refused", "Could not reach the SMS service at http://127.0.0.1:9: Connection refused. Gave up after 7 attempts.")]
        [InlineData("The SMS service did not answer in time.", "The SMS service did not answer in time. Gave up after 7 attempts.")]
        [InlineData("Something failed!  ", "Something failed! Gave up after 7 attempts.")]
        public void Why_a_failure_was_not_retried_is_a_sentence_of_its_own(string message, string expected)
        {
            var failure = new HuaweiCloudApiException(message, ApiErrorKind.Connection, service: "SMS") { NotSent = true };
            var final = ApiTransport.Final(failure, "Gave up after 7 attempts.");
            Assert.Equal(expected, final.Message);
            Assert.True(final.NotSent);
            Assert.Same(failure, final.InnerException);
        }

        [Fact]
        public void The_debug_url_hides_secret_query_values_and_header_values()
        {
            var headers = new[] { new KeyValuePair<string, string>("X-Auth-Token", "MIIsecrettokenvalue") };
            var uri = new Uri("https://sms.example.com/v3/tasks?limit=50&offset=0&name=web-01&access_token=abc123&X-Security-Token=zzz999&other=MIIsecrettokenvalue");
            Assert.Equal("https://sms.example.com/v3/tasks?limit=50&offset=0&name=web-01&access_token=***&X-Security-Token=***&other=***",
                ApiTransport.LoggableUri(uri, headers));
            Assert.Equal("https://sms.example.com/v3/tasks/abc/speed-limit", ApiTransport.LoggableUri(new Uri("https://user:pw@sms.example.com/v3/tasks/abc/speed-limit"), headers));
        }
    }
}
