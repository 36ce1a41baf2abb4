using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using HuaweiMigration.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace HuaweiMigration.Tests.Conformance
{
    /// <summary>
    /// The oracle: ../shared/sdk-shapes.json (the official Python SDK's models), read at test time and never copied,
    /// so neither the client nor the simulator wrote it. Types: str, int, float, bool, object, list[X], a model name.
    /// </summary>
    public sealed class SdkShapes
    {
        private static readonly Lazy<SdkShapes> Shared = new Lazy<SdkShapes>(() => new SdkShapes(Load()));

        private readonly JObject _root;

        private SdkShapes(JObject root) => _root = root;

        public static SdkShapes Instance => Shared.Value;

        public static string FilePath => Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", "sdk-shapes.json"));

        public JObject Operation(string name) =>
            (JObject?)_root["operations"]?[name] ?? throw new KeyNotFoundException("sdk-shapes.json has no operation " + name);

        public IEnumerable<(string Name, JObject Operation)> Operations() =>
            ((JObject)_root["operations"]!).Properties().Select(p => (p.Name, (JObject)p.Value));

        public bool IsModel(string type) => _root["models"]?[type] is JObject;

        /// <summary>The model's fields: JSON key → type.</summary>
        public IReadOnlyDictionary<string, string> Fields(string model)
        {
            var fields = (JObject?)_root["models"]?[model]?["fields"] ?? throw new KeyNotFoundException("sdk-shapes.json has no model " + model);
            return fields.Properties().ToDictionary(p => p.Name, p => (string)p.Value!);
        }

        /// <summary>A response model whose only field is the raw body (sdk-shapes' raw_body_field): any body goes.</summary>
        public bool IsRawBody(string model)
        {
            var fields = Fields(model);
            return fields.Count == 1 && fields.ContainsKey("body");
        }

        /// <summary>Every deviation of <paramref name="json"/> from <paramref name="type"/>: unknown fields, wrong JSON types.</summary>
        public List<string> Validate(JToken? json, string type, string path = "$")
        {
            var problems = new List<string>();
            Check(json, type, path, problems);
            return problems;
        }

        private void Check(JToken? json, string type, string path, List<string> problems)
        {
            if (json is null || json.Type == JTokenType.Null) return; // every field may be null
            var list = Regex.Match(type, @"^list\[(.+)\]$");
            if (list.Success)
            {
                if (json is JArray array)
                {
                    for (var i = 0; i < array.Count; i++) Check(array[i], list.Groups[1].Value, path + "[" + i + "]", problems);
                }
                else problems.Add(path + ": expected an array (" + type + "), got " + json.Type);
                return;
            }
            switch (type)
            {
                case "object": return;
                case "str": Expect(json, path, type, problems, JTokenType.String); return;
                case "int": Expect(json, path, type, problems, JTokenType.Integer); return;
                case "float": Expect(json, path, type, problems, JTokenType.Float, JTokenType.Integer); return;
                case "bool": Expect(json, path, type, problems, JTokenType.Boolean); return;
            }
            if (!IsModel(type))
            {
                problems.Add(path + ": the oracle names an unknown type " + type);
                return;
            }
            if (!(json is JObject obj))
            {
                problems.Add(path + ": expected an object (" + type + "), got " + json.Type);
                return;
            }
            var fields = Fields(type);
            foreach (var property in obj.Properties())
            {
                if (fields.TryGetValue(property.Name, out var fieldType)) Check(property.Value, fieldType, path + "." + property.Name, problems);
                else problems.Add(path + "." + property.Name + ": not a field of " + type);
            }
        }

        private static void Expect(JToken json, string path, string type, List<string> problems, params JTokenType[] allowed)
        {
            if (!allowed.Contains(json.Type)) problems.Add(path + ": expected " + type + ", got " + json.Type + " (" + json.ToString(Newtonsoft.Json.Formatting.None) + ")");
        }

        private static JObject Load()
        {
            if (!File.Exists(FilePath))
            {
                throw new FileNotFoundException("The conformance suite reads the official SDK shapes from ../shared beside the repository; not found: " + FilePath);
            }
            return JObject.Parse(File.ReadAllText(FilePath));
        }
    }
}
