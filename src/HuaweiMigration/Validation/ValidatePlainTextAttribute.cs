using System;
using System.Management.Automation;
using HuaweiMigration.Client;

namespace HuaweiMigration.Validation
{
    /// <summary>Refuses at binding, before any request, text holding a control character (a trailing newline, an escape sequence).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidatePlainTextAttribute : ValidateArgumentsAttribute
    {
        public ValidatePlainTextAttribute(string what)
        {
            What = what;
        }

        /// <summary>What the text is, for the message ("enterprise project id").</summary>
        public string What { get; }

        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            foreach (var value in LanguagePrimitives.GetEnumerable(arguments) ?? new[] { arguments })
            {
                try
                {
                    InputValidation.NoControlCharacters(value as string ?? value?.ToString() ?? string.Empty, What);
                }
                catch (ArgumentException ex)
                {
                    throw new ValidationMetadataException(ex.Message, ex);
                }
            }
        }
    }
}
