using System;
using System.Management.Automation;
using HuaweiMigration.Client;

namespace HuaweiMigration.Validation
{
    /// <summary>
    /// Refuses at binding, before any request, an id parameter that is not ASCII letters, digits and hyphens of the
    /// API's length (a trailing newline, a path character, an object's type name): the rule of
    /// <see cref="InputValidation"/>, so piped ids and parameters are held to the same one.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateApiIdAttribute : ValidateArgumentsAttribute
    {
        public ValidateApiIdAttribute(string what, int maxLength)
        {
            What = what;
            MaxLength = maxLength;
        }

        /// <summary>What the id names, for the message ("template id").</summary>
        public string What { get; }

        public int MaxLength { get; }

        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            foreach (var value in LanguagePrimitives.GetEnumerable(arguments) ?? new[] { arguments })
            {
                try
                {
                    InputValidation.Id(value as string ?? value?.ToString(), MaxLength, What);
                }
                catch (ArgumentException ex)
                {
                    throw new ValidationMetadataException(ex.Message, ex);
                }
            }
        }
    }
}
