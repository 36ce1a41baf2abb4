using System;
using System.Collections;
using System.Collections.Generic;
using HuaweiMigration.Models;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace HuaweiMigration.Client.Json
{
    /// <summary>
    /// The fields of one answer whose values have the wrong JSON type (<c>"priority": "high"</c>). Each is skipped
    /// where it stands, the rest of its object is read, and it is put on the row it belongs to
    /// (<see cref="ApiObject.UnreadableFields"/>): the answer itself when it is one API object, else the API object of
    /// the answer's list (or property) its path starts in — one task of a page. That row is then reported instead of
    /// written, and the others are not lost. What is not inside an API object (a page's own <c>count</c>, a row that
    /// is not an object) and an answer that ended before its JSON did are not handled here: the answer is unreadable.
    /// </summary>
    internal sealed class UnreadableFields
    {
        private readonly IContractResolver _contracts;
        private readonly Func<bool> _answerEnded;
        private List<(string Path, string Reason)>? _found;

        /// <param name="contracts">How the answer's types map to JSON, to find a row and to name a field's type.</param>
        /// <param name="answerEnded">True once the body ran out: an error then is a cut answer, not a wrong field.</param>
        public UnreadableFields(IContractResolver contracts, Func<bool> answerEnded)
        {
            _contracts = contracts;
            _answerEnded = answerEnded;
        }

        /// <summary>The serializer's error handler: takes an error inside an API object as that field's, where it stands.</summary>
        public void OnError(object? sender, Newtonsoft.Json.Serialization.ErrorEventArgs args)
        {
            // Only what the JSON said: a failure of the body itself (too large, cut, cancelled) is never a field's.
            var error = args.ErrorContext;
            if (!(args.CurrentObject is ApiObject owner) || !(error.Error is JsonException) || _answerEnded()) return;
            (_found ??= new List<(string, string)>()).Add((error.Path ?? string.Empty, Reason(owner, error.Member as string, error.Error)));
            error.Handled = true;
        }

        /// <summary>Puts each field on its row; a field no row can be found for makes the answer unreadable.</summary>
        public void AttachTo(object? root)
        {
            if (_found is null) return;
            foreach (var (path, reason) in _found)
            {
                var (row, within) = RowOf(root, path);
                if (row is null) throw new JsonSerializationException("The field " + path + " has the wrong type (" + reason + ").");
                row.AddUnreadableField((within.Length == 0 ? "the object" : within) + ": " + reason);
            }
        }

        private string Reason(ApiObject owner, string? member, Exception error)
        {
            if (error is FieldTypeException) return error.Message;
            var property = member is null ? null : (_contracts.ResolveContract(owner.GetType()) as JsonObjectContract)?.Properties.GetClosestMatchProperty(member);
            return property is null ? "not of the type the API sends" : "not readable as " + FieldTypeException.Expected(property.PropertyType);
        }

        /// <summary>The API object a path lies in, and the path within it.</summary>
        private (ApiObject? Row, string Within) RowOf(object? root, string path)
        {
            if (root is ApiObject whole) return (whole, path);
            if (root is null) return (null, path);
            var end = path.IndexOfAny(new[] { '.', '[' });
            var name = end < 0 ? path : path.Substring(0, end);
            var property = (_contracts.ResolveContract(root.GetType()) as JsonObjectContract)?.Properties.GetClosestMatchProperty(name);
            var value = property?.ValueProvider?.GetValue(root);
            var rest = end < 0 ? string.Empty : path.Substring(end);
            if (rest.StartsWith("[", StringComparison.Ordinal))
            {
                var close = rest.IndexOf(']');
                if (close < 0 || !int.TryParse(rest.Substring(1, close - 1), out var index) || !(value is IList list) || index < 0 || index >= list.Count) return (null, path);
                value = list[index];
                rest = rest.Substring(close + 1);
            }
            return value is ApiObject row ? (row, rest.TrimStart('.')) : (null, path);
        }
    }
}
