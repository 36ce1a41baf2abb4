using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client.Http;
using HuaweiMigration.Models;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RestSharp;

namespace HuaweiMigration.Client.Sms
{
    /// <summary>A task's advanced settings: <c>GET</c> and <c>POST /v3/tasks/{id}/configuration-setting</c>.</summary>
    public sealed partial class SmsClient
    {
        /// <summary>The settings the SDK documents (ConfigBody <c>config_key</c>), as the API spells them.</summary>
        public static readonly IReadOnlyList<string> ConfigurationKeys = new[]
        {
            "MIGRATE_EXCLUDE_DIR", "SYNC_EXCLUDE_DIR", "ONLY_SYNC_DIR", "CONSISTENCY_DIR", "CONSISTENCY_DIR_ILLEGAL",
            "LINUX_BLOCK_COMPRESS_THREAD_NUM", "MIGRATE_DST_IP", "LINUX_BLOCK_CACHE_SIZE", "LINUX_CPU_LIMIT", "LINUX_MEM_LIMIT",
            "LINUX_IO_LIMIT", "NUM_PROCESS_MIGRATE", "NUM_PROCESS_SYNC", "CONSISTENCY_RECHECK", "CONSISTENCY_MODE",
            "DYNAMIC_PORT", "INSTALL_PWD_AGENT",
        };

        /// <summary>The longest <c>config_value</c> the API takes.</summary>
        public const int MaxConfigurationValue = 1024;

        /// <summary>
        /// The API's spelling of a setting's name given as the API spells it or in PowerShell case, any case
        /// (<c>MIGRATE_EXCLUDE_DIR</c>, <c>MigrateExcludeDir</c>, <c>migrate_exclude_dir</c>); null for a name it does not have.
        /// </summary>
        public static string? ConfigurationKey(string? name)
        {
            if (name is null) return null;
            var plain = name.Replace("_", string.Empty);
            return ConfigurationKeys.FirstOrDefault(k => string.Equals(k.Replace("_", string.Empty), plain, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>
        /// Checks the settings a caller gives (name → value) before any request and returns them in the API's terms:
        /// names as the API spells them, values as text (a list joins with commas, true/false and numbers as the
        /// invariant culture writes them); a null value removes that setting. Throws, naming the setting, for an
        /// unknown name, a name given twice, no settings at all, or a value with a control character, over
        /// <see cref="MaxConfigurationValue"/> characters, or of a kind that is no text (a hashtable).
        /// </summary>
        public static IReadOnlyList<KeyValuePair<string, string?>> ConfigurationChanges(IEnumerable<KeyValuePair<string, object?>> given, string paramName = "configuration")
        {
            var changes = new List<KeyValuePair<string, string?>>();
            var from = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in given)
            {
                InputValidation.NoControlCharacters(pair.Key ?? string.Empty, "setting name");
                var key = ConfigurationKey(pair.Key) ?? throw new ArgumentException(
                    "Unknown setting '" + pair.Key + "'. The settings are " + string.Join(", ", ConfigurationKeys) + " (or in PowerShell case, such as MigrateExcludeDir).",
                    paramName);
                if (from.TryGetValue(key, out var earlier))
                {
                    throw new ArgumentException("The setting " + key + " is given twice ('" + earlier + "' and '" + pair.Key + "'); give it once.", paramName);
                }
                from[key] = pair.Key ?? string.Empty;
                changes.Add(new KeyValuePair<string, string?>(key, ValueText(key, pair.Value, paramName)));
            }
            if (changes.Count == 0) throw new ArgumentException("No setting is given: name at least one (@{ MIGRATE_EXCLUDE_DIR = '/tmp' }).", paramName);
            return changes;
        }

        private static string? ValueText(string key, object? value, string paramName)
        {
            string text;
            switch (value)
            {
                case null:
                    return null;
                case string s:
                    text = s;
                    break;
                case bool b:
                    text = b ? "true" : "false";
                    break;
                case IFormattable number when value.GetType().IsPrimitive || value is decimal:
                    text = number.ToString(null, CultureInfo.InvariantCulture);
                    break;
                case IDictionary _:
                    throw new ArgumentException("The value of " + key + " is a hashtable; give text, a number, true/false or a list of text.", paramName);
                case IEnumerable list:
                    var items = list.Cast<object?>().ToList();
                    if (items.Any(i => i is null || i is IDictionary || (i is IEnumerable && !(i is string))))
                    {
                        throw new ArgumentException("The value of " + key + " is a list holding something that is not text; give a list of text, such as '/tmp', '/var/log'.", paramName);
                    }
                    text = string.Join(",", items.Select(i => ValueText(key, i, paramName)));
                    break;
                default:
                    throw new ArgumentException("The value of " + key + " is a " + value.GetType().Name + "; give text, a number, true/false or a list of text.", paramName);
            }
            InputValidation.NoControlCharacters(text, "value of " + key);
            if (text.Length > MaxConfigurationValue)
            {
                throw new ArgumentException("The value of " + key + " is " + text.Length + " characters long; the API takes at most " + MaxConfigurationValue + ".", paramName);
            }
            return text;
        }

        /// <summary><c>GET /v3/tasks/{id}/configuration-setting</c>, all settings or only <paramref name="key"/>'s (the API's spelling).</summary>
        public async Task<SmsTaskConfiguration> GetConfigurationAsync(string id, string? key, CancellationToken cancellationToken)
        {
            InputValidation.SmsTaskId(id);
            if (key != null && ConfigurationKey(key) != key) throw new ArgumentException("Unknown setting '" + key + "'.", nameof(key));
            var request = new ApiRequest(Service, _context.SmsEndpoint, Method.Get, "v3", "tasks", id, "configuration-setting")
                .AddQuery("config_key", key);
            var configuration = await SendAsync<SmsTaskConfiguration>(request, cancellationToken).ConfigureAwait(false);
            configuration.TaskId ??= id;
            configuration.Configurations ??= new ApiList<SmsConfigItem>();
            return configuration;
        }

        /// <summary>
        /// Changes some of a task's settings and keeps the others: reads the settings, applies
        /// <paramref name="changes"/> (from <see cref="ConfigurationChanges"/>; a null value removes a setting) and
        /// sends the whole list with <c>POST /v3/tasks/{id}/configuration-setting</c>, so a setting not named is never
        /// lost, whether the service merges or replaces.
        /// </summary>
        public async Task SetConfigurationAsync(string id, IReadOnlyList<KeyValuePair<string, string?>> changes, CancellationToken cancellationToken)
        {
            InputValidation.SmsTaskId(id);
            if (changes.Count == 0) throw new ArgumentException("No setting is given.", nameof(changes));
            var current = await GetConfigurationAsync(id, null, cancellationToken).ConfigureAwait(false);
            var settings = new List<(string Key, string Value, string? Status)>();
            foreach (var item in current.Configurations)
            {
                if (string.IsNullOrEmpty(item.ConfigKey) || item.ConfigValue is null) continue;
                settings.RemoveAll(s => s.Key == item.ConfigKey);
                settings.Add((item.ConfigKey!, item.ConfigValue, item.ConfigStatus));
            }
            foreach (var change in changes)
            {
                var at = settings.FindIndex(s => s.Key == change.Key);
                if (change.Value is null)
                {
                    if (at >= 0) settings.RemoveAt(at);
                }
                else if (at >= 0) settings[at] = (change.Key, change.Value, null);
                else settings.Add((change.Key, change.Value, null));
            }
            var body = new JObject
            {
                ["configurations"] = new JArray(settings.Select(s =>
                {
                    var o = new JObject { ["config_key"] = s.Key, ["config_value"] = s.Value };
                    if (!string.IsNullOrEmpty(s.Status)) o["config_status"] = s.Status;
                    return (object)o;
                }).ToArray()),
            };
            // The whole list, the same each time: safe to retry like a read.
            var request = new ApiRequest(Service, _context.SmsEndpoint, Method.Post, "v3", "tasks", id, "configuration-setting")
            {
                JsonBody = body.ToString(Formatting.None),
            };
            await SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
