using System;
using System.Collections.Generic;

namespace HuaweiMigration.Models
{
    /// <summary>
    /// What every object read from the API has: the fields this version of the module does not know yet, kept by name
    /// (values are plain .NET values: string, long, double, bool, null, object[] and dictionaries), so a field the API
    /// adds later is not lost. Fields whose names look secret (password, passwd, secret, token, credential) are
    /// never kept.
    /// </summary>
    public abstract class ApiObject
    {
        private static readonly string[] SecretWords = { "password", "passwd", "secret", "token", "credential" };

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

        /// <summary>True for a field name that must never be kept or shown.</summary>
        public static bool IsSecretName(string name)
        {
            foreach (var word in SecretWords)
            {
                if (name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0) return true;
            }
            return false;
        }
    }
}
