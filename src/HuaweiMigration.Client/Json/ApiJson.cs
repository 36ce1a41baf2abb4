using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using HuaweiMigration.Models;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using HuaweiMigration.Models.Serialization;
using Newtonsoft.Json.Serialization;

namespace HuaweiMigration.Client.Json
{
    /// <summary>
    /// The JSON conventions of Huawei's APIs, kept inside the client so no Newtonsoft type reaches a public model:
    /// PascalCase properties map to snake_case fields by name, dates by attribute.
    /// </summary>
    internal static class ApiJson
    {
        internal static readonly JsonSerializerSettings Settings = new JsonSerializerSettings
        {
            ContractResolver = new ApiContractResolver(),
            NullValueHandling = NullValueHandling.Ignore,
            MissingMemberHandling = MissingMemberHandling.Ignore,
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Double,
            MaxDepth = 64,
        };

        internal static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

        /// <summary>
        /// A serializer for reading one answer: a field of the wrong type inside an API object is skipped and kept in
        /// <paramref name="fields"/> for its row, instead of making the whole answer unreadable.
        /// </summary>
        internal static JsonSerializer ReaderFor(UnreadableFields fields)
        {
            var serializer = JsonSerializer.Create(Settings);
            serializer.Error += fields.OnError;
            return serializer;
        }

        internal static T Deserialize<T>(string json) =>
            JsonConvert.DeserializeObject<T>(json, Settings) ?? throw new JsonSerializationException("The answer was empty.");

        internal static string Serialize(object value) => JsonConvert.SerializeObject(value, Settings);

        private sealed class ApiContractResolver : DefaultContractResolver
        {
            public ApiContractResolver()
            {
                NamingStrategy = new SnakeCaseNamingStrategy { ProcessDictionaryKeys = false, OverrideSpecifiedNames = false };
            }

            protected override JsonContract CreateContract(Type objectType)
            {
                var contract = base.CreateContract(objectType);
                // Numbers, true/false and text read token by token wherever they are (properties and lists), so one
                // value of the wrong type fails as its field only.
                if (contract is JsonPrimitiveContract && ScalarConverter.For(objectType) is { } scalar) contract.Converter = scalar;
                return contract;
            }

            protected override JsonObjectContract CreateObjectContract(Type objectType)
            {
                var contract = base.CreateObjectContract(objectType);
                if (typeof(ApiObject).IsAssignableFrom(objectType))
                {
                    // Fields this version does not know: kept by name, as plain values, secrets never.
                    contract.ExtensionDataSetter = (target, key, value) =>
                    {
                        if (!ApiObject.IsSecretName(key)) ((ApiObject)target).AdditionalProperties[key] = PlainValue.From(value);
                    };
                }
                var flattened = objectType.GetProperties()
                    .Select(p => (Property: p, Attribute: p.GetCustomAttribute<FlattenedAttribute>()))
                    .Where(p => p.Attribute != null)
                    .Select(p => (JsonName: contract.Properties.First(jp => jp.UnderlyingName == p.Property.Name).PropertyName!, p.Attribute!.Prefix))
                    .ToList();
                if (flattened.Count > 0)
                {
                    contract.Converter = new FlattenedFieldsConverter(contract, flattened);
                }
                return contract;
            }

            protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
            {
                var property = base.CreateProperty(member, memberSerialization);
                var field = member.GetCustomAttribute<ApiFieldAttribute>();
                if (field != null)
                {
                    property.PropertyName = field.Name;
                }
                if (property.PropertyType == typeof(string) && member.GetCustomAttribute<LooseTextAttribute>() != null)
                {
                    property.Converter = LenientStringConverter.Instance;
                }
                else if (property.PropertyType == typeof(string) && ScalarConverter.IsIdentifier(member.Name))
                {
                    // Every other text is cleaned for a person to read (the type's converter); an id is kept as sent.
                    property.Converter = ScalarConverter.Identifier;
                }
                // Computed properties (no setter at all, e.g. State derived from RawState) are not API fields.
                if (member is PropertyInfo computed && computed.GetSetMethod(true) is null)
                {
                    property.Ignored = true;
                }
                else if (member.GetCustomAttribute<EpochMillisecondsAttribute>() != null)
                {
                    property.Converter = EpochMillisecondsConverter.Instance;
                }
                else if (member.GetCustomAttribute<SlashDateAttribute>() != null)
                {
                    property.Converter = SlashDateConverter.Instance;
                }
                // Properties with private setters are part of the model (read-only to users, filled from JSON).
                if (!property.Writable && member is PropertyInfo pi && pi.GetSetMethod(true) != null)
                {
                    property.Writable = true;
                }
                return property;
            }
        }

        /// <summary>
        /// Reads an object whose nested parts may arrive flat (<see cref="FlattenedAttribute"/>): <c>prefix_field</c>
        /// keys of the parent are moved into the nested object (a nested value, when both come, wins), then the object
        /// is filled as usual, so both forms fill the same properties.
        /// </summary>
        private sealed class FlattenedFieldsConverter : JsonConverter
        {
            private readonly JsonObjectContract _contract;
            private readonly List<(string JsonName, string Prefix)> _parts;

            public FlattenedFieldsConverter(JsonObjectContract contract, List<(string JsonName, string Prefix)> parts)
            {
                _contract = contract;
                _parts = parts;
            }

            public override bool CanConvert(Type objectType) => objectType == _contract.UnderlyingType;

            public override bool CanWrite => false;

            public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
            {
                if (reader.TokenType == JsonToken.Null) return null;
                var json = JObject.Load(reader);
                foreach (var (jsonName, prefix) in _parts)
                {
                    var flat = json.Properties().Where(p => p.Name.StartsWith(prefix, StringComparison.Ordinal) && p.Name.Length > prefix.Length).ToList();
                    if (flat.Count == 0) continue;
                    var nested = json[jsonName] as JObject ?? new JObject();
                    foreach (var field in flat)
                    {
                        field.Remove();
                        var name = field.Name.Substring(prefix.Length);
                        if (nested[name] == null) nested[name] = field.Value;
                    }
                    json[jsonName] = nested;
                }
                var target = existingValue ?? _contract.DefaultCreator!();
                // Read from where the object stood, so a field of the wrong type is named by its whole path.
                using (var inner = new JTokenReader(json, reader.Path))
                {
                    serializer.Populate(inner, target);
                }
                return target;
            }

            public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) => throw new NotSupportedException();
        }

        /// <summary>JSON as plain .NET values (no Newtonsoft type reaches a user): string, long, double, bool, null, object[], dictionaries.</summary>
        private static class PlainValue
        {
            public static object? From(object? token)
            {
                switch (token)
                {
                    case null:
                        return null;
                    case System.Numerics.BigInteger big:
                        return big.ToString(CultureInfo.InvariantCulture);
                    case string text:
                        return ServerText.ForPerson(text);
                    case JToken _:
                        break;
                    default:
                        return token; // Newtonsoft already read a primitive
                }
                switch (token)
                {
                    case JValue value:
                        return value.Value is System.Numerics.BigInteger big ? big.ToString(CultureInfo.InvariantCulture)
                            : value.Value is string text ? ServerText.ForPerson(text)
                            : value.Value;
                    case JArray array:
                        return array.Select(From).ToArray();
                    case JObject obj:
                        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
                        foreach (var p in obj.Properties())
                        {
                            if (!ApiObject.IsSecretName(p.Name)) result[p.Name] = From(p.Value);
                        }
                        return result;
                    default:
                        return ((JToken)token).ToString(Formatting.None);
                }
            }
        }

        private sealed class EpochMillisecondsConverter : JsonConverter
        {
            internal static readonly EpochMillisecondsConverter Instance = new EpochMillisecondsConverter();
            private static readonly DateTime Epoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

            public override bool CanConvert(Type objectType) => objectType == typeof(DateTime) || objectType == typeof(DateTime?);

            public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
            {
                switch (reader.TokenType)
                {
                    case JsonToken.Null:
                    case JsonToken.Undefined:
                        return null;
                    case JsonToken.Integer:
                    case JsonToken.Float:
                        return FromMilliseconds(Convert.ToDouble(reader.Value, CultureInfo.InvariantCulture));
                    case JsonToken.String:
                        var s = (string?)reader.Value;
                        if (string.IsNullOrEmpty(s)) return null;
                        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms)) return FromMilliseconds(ms);
                        if (DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var dt)) return dt;
                        throw FieldTypeException.Received(reader, "a date");
                    default:
                        throw FieldTypeException.Received(reader, "a date");
                }
            }

            private static DateTime? FromMilliseconds(double ms) =>
                ms <= 0 ? (DateTime?)null : Epoch.AddMilliseconds(ms);

            public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
            {
                if (value is DateTime dt) writer.WriteValue((long)(dt.ToUniversalTime() - Epoch).TotalMilliseconds);
                else writer.WriteNull();
            }
        }

        /// <summary>
        /// Reads any JSON token into a string property: fields documented as strings sometimes arrive as numbers
        /// or objects, and one odd field must not make a whole answer unreadable. The text is cleaned for a person.
        /// </summary>
        private sealed class LenientStringConverter : JsonConverter
        {
            internal static readonly LenientStringConverter Instance = new LenientStringConverter();

            public override bool CanConvert(Type objectType) => objectType == typeof(string);

            public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
            {
                switch (reader.TokenType)
                {
                    case JsonToken.Null:
                    case JsonToken.Undefined:
                        return null;
                    case JsonToken.String:
                        return ServerText.ForPerson((string?)reader.Value);
                    case JsonToken.StartObject:
                    case JsonToken.StartArray:
                        return ServerText.ForPerson(JToken.ReadFrom(reader).ToString(Formatting.None));
                    default:
                        return Convert.ToString(reader.Value, CultureInfo.InvariantCulture);
                }
            }

            public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) => writer.WriteValue((string?)value);
        }

        private sealed class SlashDateConverter : JsonConverter
        {
            internal static readonly SlashDateConverter Instance = new SlashDateConverter();
            private static readonly string[] Formats = { "yyyy/MM/dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'" };

            public override bool CanConvert(Type objectType) => objectType == typeof(DateTime) || objectType == typeof(DateTime?);

            public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
            {
                if (reader.TokenType == JsonToken.Null || reader.TokenType == JsonToken.Undefined) return null;
                if (reader.TokenType != JsonToken.String) throw FieldTypeException.Received(reader, "a date (yyyy/MM/dd HH:mm:ss)");
                var s = (string?)reader.Value;
                if (string.IsNullOrWhiteSpace(s)) return null;
                if (DateTime.TryParseExact(s, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var dt)) return dt;
                throw FieldTypeException.Received(reader, "a date (yyyy/MM/dd HH:mm:ss)");
            }

            public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
            {
                if (value is DateTime dt) writer.WriteValue(dt.ToUniversalTime().ToString(Formats[0], CultureInfo.InvariantCulture));
                else writer.WriteNull();
            }
        }

        internal static JToken? TryParse(string? content)
        {
            if (string.IsNullOrWhiteSpace(content)) return null;
            try { return JToken.Parse(content!); }
            catch (JsonException) { return null; }
        }
    }
}
