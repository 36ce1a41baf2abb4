using System;
using System.Management.Automation;

namespace HuaweiMigration.Validation
{
    /// <summary>
    /// The shape of the module's text checks at binding: each value (one or an array) is checked by
    /// <see cref="Check"/>, and an <see cref="ArgumentException"/> it throws becomes PowerShell's validation error,
    /// so the command is refused before any request with the check's own message.
    /// </summary>
    public abstract class ValidateEachTextAttribute : ValidateArgumentsAttribute
    {
        /// <summary>Throws <see cref="ArgumentException"/> (or <see cref="ValidationMetadataException"/>) when <paramref name="text"/> is refused.</summary>
        protected abstract void Check(string text);

        protected sealed override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            foreach (var value in LanguagePrimitives.GetEnumerable(arguments) ?? new[] { arguments })
            {
                try
                {
                    Check(value as string ?? value?.ToString() ?? string.Empty);
                }
                catch (ArgumentException ex)
                {
                    throw new ValidationMetadataException(ex.Message, ex);
                }
            }
        }
    }
}
