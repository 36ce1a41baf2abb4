using System;
using System.Collections.Generic;

namespace HuaweiMigration.Models
{
    /// <summary>
    /// What every object read from the API has: the fields this version of the module does not know yet, kept by name
    /// (values are plain .NET values: string, long, double, bool, null, object[] and dictionaries), so a field the API
    /// adds later is not lost. Fields whose names look secret (<see cref="IsSecretName"/>) are never kept, at any depth.
    /// </summary>
    public abstract class ApiObject
    {
        private static readonly string[] SecretWords =
        {
            "password", "passwd", "pwd", "passphrase", "secret", "token", "credential", "private_key", "privatekey", "apikey", "api_key", "authorization", "signature",
        };

        private static readonly string[] SecretNames = { "auth", "sk" };

        private Dictionary<string, object?>? _additionalProperties;

        /// <summary>Unknown API fields, by their JSON name.</summary>
        /// <remarks>Made when first asked for: most objects have none, and a listing reads thousands of them.</remarks>
        public IDictionary<string, object?> AdditionalProperties => _additionalProperties ??= new Dictionary<string, object?>(StringComparer.Ordinal);

        private List<string>? _unreadableFields;

        /// <summary>
        /// Fields the answer sent with a value of the wrong type (<c>"priority": "high"</c>), each as "path: what came
        /// where what belongs"; null when there are none. They were skipped, so the object is incomplete: the module
        /// reports it as an error naming the fields instead of writing it.
        /// </summary>
        internal IReadOnlyList<string>? UnreadableFields => _unreadableFields;

        internal void AddUnreadableField(string field) => (_unreadableFields ??= new List<string>()).Add(field);

        /// <summary>
        /// True for a field name that must never be kept or shown: one that contains <c>password</c>, <c>passwd</c>,
        /// <c>pwd</c>, <c>passphrase</c>, <c>secret</c>, <c>token</c>, <c>credential</c>, <c>private_key</c>/<c>privatekey</c>,
        /// <c>apikey</c>/<c>api_key</c> or <c>authorization</c>, or is <c>auth</c> or <c>sk</c> (any case); and any name that
        /// is not plain ASCII letters, digits and underscores, so a look-alike (a Cyrillic <c>а</c> in <c>pаssword</c>, a
        /// zero-width space in <c>pass\u200bword</c>) does not slip past the words.
        /// </summary>
        public static bool IsSecretName(string name)
        {
            if (!IsPlainName(name)) return true;
            foreach (var word in SecretWords)
            {
                if (name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0) return true;
            }
            foreach (var exact in SecretNames)
            {
                if (string.Equals(name, exact, StringComparison.OrdinalIgnoreCase)) return true;
            }
            return false;
        }

        private static bool IsPlainName(string name)
        {
            if (name.Length == 0) return false;
            foreach (var c in name)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
            }
            return true;
        }
    }
}
