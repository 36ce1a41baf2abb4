using System.Linq;
using System.Management.Automation;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>Bad input is refused with a clear error and its category, and nothing goes on the wire.</summary>
    public class InputValidationTests : LifecycleTestBase
    {
        [Theory]
        [InlineData("Get-SmsTask -Id ''", "InvalidSmsTaskId", ErrorCategory.InvalidArgument, "is empty")]
        [InlineData("Get-SmsTask -Id ('a' * 37)", "InvalidSmsTaskId", ErrorCategory.InvalidArgument, "at most 36")]
        [InlineData("Get-SmsTask -Id 'a/b'", "InvalidSmsTaskId", ErrorCategory.InvalidArgument, "not allowed")]
        [InlineData("Get-SmsTask -Id 'a?b'", "InvalidSmsTaskId", ErrorCategory.InvalidArgument, "not allowed")]
        [InlineData("Get-SmsTask -Id 'a#b'", "InvalidSmsTaskId", ErrorCategory.InvalidArgument, "not allowed")]
        [InlineData("Get-SmsTask -Id '..'", "InvalidSmsTaskId", ErrorCategory.InvalidArgument, "contains '.'")]
        [InlineData("Get-SmsTask -Id 'tâche-1'", "InvalidSmsTaskId", ErrorCategory.InvalidArgument, "U+00E2")]
        [InlineData("Get-SmsTask -Id \"a`u{200B}b\"", "InvalidSmsTaskId", ErrorCategory.InvalidArgument, "U+200B")]
        [InlineData("Get-SmsTask -Id 'ａｂｃ'", "InvalidSmsTaskId", ErrorCategory.InvalidArgument, "ASCII letters, digits and hyphens")]
        [InlineData("@{ Name = 'web-01' } | Suspend-SmsTask", "InvalidSmsTaskId", ErrorCategory.InvalidArgument, "is empty")]
        [InlineData("[pscustomobject]@{ Server = 'web-01' } | Suspend-SmsTask", "InvalidSmsTaskId", ErrorCategory.InvalidArgument, "an object was given where an id was expected")]
        [InlineData("[System.Collections.ArrayList]::new(@(1)) | ForEach-Object { [System.Collections.Hashtable]::new() } | ForEach-Object { $_.ToString() } | Suspend-SmsTask", "InvalidSmsTaskId", ErrorCategory.InvalidArgument, "an object was given where an id was expected")]
        [InlineData("Stop-DcsMigrationTask -Id 'a b'", "InvalidDcsTaskId", ErrorCategory.InvalidArgument, "white space")]
        [InlineData("Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $endpoint -Credential ([pscredential]::new('sim-user', [securestring]::new()))", "InvalidConnectionParameter", ErrorCategory.InvalidArgument, "password of 'sim-user' is empty")]
        [InlineData("Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $endpoint -AccessKey SIMAKEXAMPLE00000001 -SecretKey ([securestring]::new())", "InvalidConnectionParameter", ErrorCategory.InvalidArgument, "secret key is empty (-SecretKey)")]
        [InlineData("Connect-HuaweiCloud -Region ap-southeast-1 -Endpoint $endpoint -Token $($t = [securestring]::new(); foreach ($c in ('t' * 20000).ToCharArray()) { $t.AppendChar($c) }; $t)", "InvalidConnectionParameter", ErrorCategory.InvalidArgument, "at most 16384")]
        [InlineData("Get-SmsTask -Id \"a`tb\"", "InvalidSmsTaskId", ErrorCategory.InvalidArgument, "not allowed")]
        [InlineData("Suspend-SmsTask -Id 'x/y'", "InvalidSmsTaskId", ErrorCategory.InvalidArgument, "not allowed")]
        [InlineData("Remove-SmsTask -Id '' -Confirm:$false", "InvalidSmsTaskId", ErrorCategory.InvalidArgument, "is empty")]
        [InlineData("Stop-DcsMigrationTask -Id 'a/../b'", "InvalidDcsTaskId", ErrorCategory.InvalidArgument, "not allowed")]
        [InlineData("Get-DcsMigrationTask -Id ('b' * 65)", "InvalidDcsTaskId", ErrorCategory.InvalidArgument, "at most 64")]
        [InlineData("Get-DcsMigrationTask -ProjectId 'p?q'", "InvalidProjectId", ErrorCategory.InvalidArgument, "not allowed")]
        [InlineData("Get-SmsTask -State PAUSED", "CannotConvertArgumentNoMessage", ErrorCategory.InvalidArgument, "PAUSED")]
        [InlineData("Wait-SmsTask -Id abc -State NOPE", "CannotConvertArgumentNoMessage", ErrorCategory.InvalidArgument, "NOPE")]
        [InlineData("Get-SmsTask -State Unknown", "ParameterArgumentValidationError", ErrorCategory.InvalidData, "does not belong to the set")]
        [InlineData("Get-SmsTask -State RUNNING, 0", "ParameterArgumentValidationError", ErrorCategory.InvalidData, "does not belong to the set")]
        [InlineData("Wait-SmsTask -Id abc -State unknown", "ParameterArgumentValidationError", ErrorCategory.InvalidData, "does not belong to the set")]
        [InlineData("Suspend-SmsTask -Id abc -Wait -Timeout 0", "ParameterArgumentValidationError", ErrorCategory.InvalidData, "Timeout")]
        [InlineData("Suspend-SmsTask -Id abc -Wait -Timeout -5", "ParameterArgumentValidationError", ErrorCategory.InvalidData, "Timeout")]
        [InlineData("Wait-SmsTask -Id abc -PollInterval 0", "ParameterArgumentValidationError", ErrorCategory.InvalidData, "PollInterval")]
        [InlineData("Stop-DcsMigrationTask -Id abc -Wait -PollInterval -1", "ParameterArgumentValidationError", ErrorCategory.InvalidData, "PollInterval")]
        [InlineData("Connect-HuaweiCloud -Region 'Not_A_Region' -Credential $cred -Endpoint $endpoint", "InvalidConnectionParameter", ErrorCategory.InvalidArgument, "not a region name")]
        [InlineData("Connect-HuaweiCloud -Region ap-southeast-1 -Credential $cred -Endpoint 'http://sms.example.com'", "InvalidConnectionParameter", ErrorCategory.InvalidArgument, "loopback")]
        [InlineData("Connect-HuaweiCloud -Region ap-southeast-1 -Credential $cred -Endpoint $endpoint -SmsEndpoint 'http://10.1.2.3'", "InvalidConnectionParameter", ErrorCategory.InvalidArgument, "loopback")]
        [InlineData("Connect-HuaweiCloud -Region ap-southeast-1 -Credential $cred -Endpoint $endpoint -RequestTimeoutSec 0", "ParameterArgumentValidationError", ErrorCategory.InvalidData, "RequestTimeoutSec")]
        public void Is_refused_before_any_request(string script, string errorId, ErrorCategory category, string message)
        {
            var r = Ps.Run(script);
            var error = r.SingleError();
            Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId);
            Assert.Equal(category, error.CategoryInfo.Category);
            Assert.Contains(message, error.ToString());
            Assert.Empty(Sim.State.Requests);
        }

        [Fact]
        public void Every_Timeout_is_an_int_as_the_SPEC_says()
        {
            var types = Ps.Run("(Get-Command -Module HuaweiMigration).Where({ $_.Parameters.ContainsKey('Timeout') }).ForEach({ $_.Name + '=' + $_.Parameters['Timeout'].ParameterType.FullName })")
                .Output.Select(o => o.ToString()).ToList();
            Assert.Contains(types, t => t.StartsWith("Wait-SmsTask="));
            Assert.Contains(types, t => t.StartsWith("Stop-DcsMigrationTask="));
            Assert.All(types, t => Assert.EndsWith("=System.Int32", t));
        }
    }
}
