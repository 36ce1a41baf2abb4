using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using HuaweiMigration.Client.Sms;

namespace HuaweiMigration.Completion
{
    /// <summary>Tab completion for Invoke-SmsTaskAction -Operation: the operations the module knows.</summary>
    public sealed class SmsOperationCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = Completions.Unquote(wordToComplete);
            return Client.Sms.SmsActions.KnownOperations
                .Where(o => o.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(o => new CompletionResult(o, o, CompletionResultType.ParameterValue, o));
        }
    }
}
