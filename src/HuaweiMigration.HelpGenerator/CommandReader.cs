using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace HuaweiMigration.HelpGenerator
{
    /// <summary>One cmdlet as help describes it.</summary>
    public sealed class CommandHelp
    {
        public string Name => Verb + "-" + Noun;
        public string Verb { get; set; } = string.Empty;
        public string Noun { get; set; } = string.Empty;
        public string Synopsis { get; set; } = string.Empty;
        public List<string> Description { get; } = new List<string>();
        public List<string> Notes { get; } = new List<string>();
        public List<ParameterHelp> Parameters { get; } = new List<ParameterHelp>();

        /// <summary>Parameter sets in display order (the default first), each with its parameters in syntax order.</summary>
        public List<(string Name, List<(ParameterHelp Parameter, ParameterSetInfo Set)> Parameters)> Syntax { get; } =
            new List<(string, List<(ParameterHelp, ParameterSetInfo)>)>();

        public List<(string TypeName, string Description)> Inputs { get; } = new List<(string, string)>();
        public List<(string TypeName, string Description)> Outputs { get; } = new List<(string, string)>();
        public List<HelpExample> Examples { get; } = new List<HelpExample>();
        public List<(string Text, string Uri)> Links { get; } = new List<(string, string)>();
    }

    /// <summary>One parameter: what the parameters section shows.</summary>
    public sealed class ParameterHelp
    {
        public string Name { get; set; } = string.Empty;
        public List<string> Description { get; } = new List<string>();
        public Type Type { get; set; } = typeof(object);
        public bool IsSwitch => Type == typeof(SwitchParameter);
        public List<string> Aliases { get; } = new List<string>();
        public bool Globbing { get; set; }
        public string? DefaultValue { get; set; }
        public List<string> PossibleValues { get; } = new List<string>();

        /// <summary>Per parameter set (name → how the parameter behaves there).</summary>
        public Dictionary<string, ParameterSetInfo> Sets { get; } = new Dictionary<string, ParameterSetInfo>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The order the parameter was declared in (derived class first, as reflection lists them).</summary>
        public int Order { get; set; }

        public bool Required => Sets.Values.Any(s => s.Mandatory);
        public string Position => Sets.Values.Select(s => s.Position).Where(p => p >= 0).Select(p => p.ToString(CultureInfo.InvariantCulture)).FirstOrDefault() ?? "named";
        public bool ByValue => Sets.Values.Any(s => s.ByValue);
        public bool ByPropertyName => Sets.Values.Any(s => s.ByPropertyName);

        public string PipelineInput => (ByValue, ByPropertyName) switch
        {
            (true, true) => "True (ByValue, ByPropertyName)",
            (true, false) => "True (ByValue)",
            (false, true) => "True (ByPropertyName)",
            _ => "False",
        };

        public bool VariableLength => Type.IsArray;
    }

    public sealed class ParameterSetInfo
    {
        public bool Mandatory { get; set; }
        public int Position { get; set; } = int.MinValue;
        public bool ByValue { get; set; }
        public bool ByPropertyName { get; set; }
        public string? HelpMessage { get; set; }
    }

    /// <summary>Reads cmdlets by reflection and merges in their XML documentation.</summary>
    public static class CommandReader
    {
        private const string AllSets = "__AllParameterSets";

        public static List<CommandHelp> Read(Assembly assembly, XmlDocs docs)
        {
            Type[] types;
            try
            {
                types = assembly.GetExportedTypes();
            }
            catch (ReflectionTypeLoadException ex)
            {
                types = ex.Types.Where(t => t != null).Select(t => t!).ToArray();
            }
            return types
                .Where(t => t.IsClass && !t.IsAbstract && typeof(Cmdlet).IsAssignableFrom(t) && t.GetCustomAttribute<CmdletAttribute>() != null)
                .Select(t => ReadCommand(t, docs))
                .OrderBy(c => c.Noun, StringComparer.OrdinalIgnoreCase)
                .ThenBy(c => c.Verb, StringComparer.OrdinalIgnoreCase)
                .ToList();
        }

        private static CommandHelp ReadCommand(Type type, XmlDocs docs)
        {
            var cmdlet = type.GetCustomAttribute<CmdletAttribute>()!;
            var doc = docs.ForType(type);
            var help = new CommandHelp { Verb = cmdlet.VerbName, Noun = cmdlet.NounName };
            help.Synopsis = string.Join(" ", XmlDocs.Paras(doc, "synopsis"));
            help.Description.AddRange(XmlDocs.Paras(doc, "description"));
            help.Notes.AddRange(XmlDocs.Paras(doc, "notes"));
            help.Examples.AddRange(XmlDocs.Examples(doc));

            var instance = TryCreate(type);
            var order = 0;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var attributes = property.GetCustomAttributes<ParameterAttribute>(inherit: true).ToList();
                if (attributes.Count == 0) continue;
                var parameter = new ParameterHelp
                {
                    Name = property.Name,
                    Type = property.PropertyType,
                    Order = order++,
                    Globbing = property.GetCustomAttribute<SupportsWildcardsAttribute>(inherit: true) != null,
                };
                parameter.Description.AddRange(XmlDocs.Paras(docs.ForProperty(property), "description"));
                foreach (var alias in property.GetCustomAttributes<AliasAttribute>(inherit: true))
                {
                    parameter.Aliases.AddRange(alias.AliasNames);
                }
                foreach (var attribute in attributes)
                {
                    var setName = attribute.ParameterSetName ?? AllSets;
                    parameter.Sets[setName] = new ParameterSetInfo
                    {
                        Mandatory = attribute.Mandatory,
                        Position = attribute.Position,
                        ByValue = attribute.ValueFromPipeline,
                        ByPropertyName = attribute.ValueFromPipelineByPropertyName,
                        HelpMessage = attribute.HelpMessage,
                    };
                }
                if (parameter.Description.Count == 0)
                {
                    var message = parameter.Sets.Values.Select(s => s.HelpMessage).FirstOrDefault(m => !string.IsNullOrWhiteSpace(m));
                    if (message != null) parameter.Description.Add(message.Trim());
                }
                parameter.PossibleValues.AddRange(PossibleValues(property));
                parameter.DefaultValue = DefaultValue(instance, property);
                help.Parameters.Add(parameter);
            }

            // What PowerShell adds: the paging parameters and the ShouldProcess parameters.
            if (cmdlet.SupportsPaging)
            {
                help.Parameters.Add(Added("IncludeTotalCount", typeof(SwitchParameter), order++,
                    "Reports the total number of objects in the data set (an integer) followed by the selected objects. If the cmdlet cannot determine the total count, it displays \"Unknown total count.\" The integer has an Accuracy property that indicates the reliability of the total count value: 0.0 means unknown, 1.0 exact."));
                help.Parameters.Add(Added("Skip", typeof(ulong), order++, "Ignores the specified number of objects and then gets the remaining objects. Enter the number of objects to skip.", "0"));
                help.Parameters.Add(Added("First", typeof(ulong), order++, "Gets only the specified number of objects. Enter the number of objects to get.", "All"));
            }
            if (cmdlet.SupportsShouldProcess)
            {
                var whatIf = Added("WhatIf", typeof(SwitchParameter), order++, "Shows what would happen if the cmdlet runs. The cmdlet is not run and no request that changes anything is sent.");
                whatIf.Aliases.Add("wi");
                help.Parameters.Add(whatIf);
                var confirm = Added("Confirm", typeof(SwitchParameter), order++,
                    "Prompts you for confirmation before running the cmdlet. This cmdlet's impact is " + cmdlet.ConfirmImpact + ": it asks by default when $ConfirmPreference is " + cmdlet.ConfirmImpact + " or lower.");
                confirm.Aliases.Add("cf");
                help.Parameters.Add(confirm);
            }

            BuildSyntax(help, cmdlet.DefaultParameterSetName);
            BuildInputs(help);
            BuildOutputs(help, type, docs);

            help.Links.AddRange(XmlDocs.Links(doc));
            return help;
        }

        private static ParameterHelp Added(string name, Type type, int order, string description, string? defaultValue = null)
        {
            var parameter = new ParameterHelp { Name = name, Type = type, Order = order, DefaultValue = defaultValue ?? (type == typeof(SwitchParameter) ? "False" : null) };
            parameter.Description.Add(description);
            parameter.Sets[AllSets] = new ParameterSetInfo();
            return parameter;
        }

        private static void BuildSyntax(CommandHelp help, string? defaultSet)
        {
            var setNames = help.Parameters.SelectMany(p => p.Sets.Keys).Where(s => s != AllSets)
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (setNames.Count == 0) setNames.Add(AllSets);
            setNames = setNames
                .OrderBy(s => string.Equals(s, defaultSet, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .ThenBy(s => s, StringComparer.OrdinalIgnoreCase)
                .ToList();

            foreach (var set in setNames)
            {
                var members = help.Parameters
                    .Select(p => (Parameter: p, Set: p.Sets.TryGetValue(set, out var s) ? s : p.Sets.TryGetValue(AllSets, out var all) ? all : null))
                    .Where(x => x.Set != null)
                    .Select(x => (x.Parameter, Set: x.Set!))
                    .ToList();
                var ordered = members
                    .OrderBy(x => x.Set.Position >= 0 ? 0 : x.Set.Mandatory ? 1 : IsAdded(x.Parameter) ? 3 : 2)
                    .ThenBy(x => x.Set.Position >= 0 ? x.Set.Position : 0)
                    .ThenBy(x => x.Parameter.Order)
                    .ToList();
                help.Syntax.Add((set, ordered));
            }
        }

        private static bool IsAdded(ParameterHelp parameter) =>
            parameter.Name is "WhatIf" or "Confirm" or "IncludeTotalCount" or "Skip" or "First";

        private static void BuildInputs(CommandHelp help)
        {
            foreach (var parameter in help.Parameters.Where(p => p.ByValue || p.ByPropertyName))
            {
                var how = parameter.ByValue && parameter.ByPropertyName
                    ? "by value, or any object with a property named " + Names(parameter)
                    : parameter.ByValue ? "by value" : "as the value of a property named " + Names(parameter);
                var text = "You can pipe " + FriendlyTypeName(parameter.Type) + " to -" + parameter.Name + " (" + how + ").";
                if (parameter.Description.Count > 0) text += " " + parameter.Description[0];
                help.Inputs.Add((FullTypeName(parameter.Type), text));
            }
            if (help.Inputs.Count == 0) help.Inputs.Add(("None", "You cannot pipe objects to " + help.Name + "."));
        }

        private static string Names(ParameterHelp parameter) =>
            string.Join(" or ", new[] { parameter.Name }.Concat(parameter.Aliases));

        private static void BuildOutputs(CommandHelp help, Type type, XmlDocs docs)
        {
            foreach (var output in type.GetCustomAttributes<OutputTypeAttribute>(inherit: true))
            {
                foreach (var psType in output.Type)
                {
                    var outputType = psType.Type;
                    if (outputType is null || outputType == typeof(void))
                    {
                        help.Outputs.Add(("None", "This cmdlet writes no output."));
                        continue;
                    }
                    var summary = XmlDocs.PlainSummary(docs.ForType(outputType));
                    help.Outputs.Add((FullTypeName(outputType), summary));
                }
            }
            if (help.Outputs.Count == 0) help.Outputs.Add(("None", "This cmdlet writes no output."));
        }

        private static object? TryCreate(Type type)
        {
            try
            {
                return type.GetConstructor(Type.EmptyTypes) is null ? null : Activator.CreateInstance(type);
            }
            catch (TargetInvocationException)
            {
                return null;
            }
            catch (MemberAccessException)
            {
                return null;
            }
        }

        /// <summary>The default value worth showing: numbers, strings, enums, switches; not empty arrays, null or objects.</summary>
        private static string? DefaultValue(object? instance, PropertyInfo property)
        {
            if (property.PropertyType == typeof(SwitchParameter)) return "False";
            if (property.GetCustomAttribute<PSDefaultValueAttribute>()?.Help is { Length: > 0 } told) return told;
            if (instance is null || property.GetMethod is null) return null;
            object? value;
            try
            {
                value = property.GetValue(instance);
            }
            catch (TargetInvocationException)
            {
                return null;
            }
            return value switch
            {
                null => null,
                string s => s.Length == 0 ? null : s,
                Enum e => e.ToString(),
                bool b => b ? "True" : "False",
                IConvertible c when value.GetType().IsPrimitive || value is decimal => c.ToString(CultureInfo.InvariantCulture),
                TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
                _ => null,
            };
        }

        private static IEnumerable<string> PossibleValues(PropertyInfo property)
        {
            var set = property.GetCustomAttribute<ValidateSetAttribute>(inherit: true);
            if (set != null) return set.ValidValues;
            var type = ElementType(property.PropertyType);
            return type.IsEnum ? Enum.GetNames(type) : Array.Empty<string>();
        }

        /// <summary>The type a parameter takes one of: array element, nullable value.</summary>
        private static Type ElementType(Type type)
        {
            if (type.IsArray) type = type.GetElementType()!;
            return Nullable.GetUnderlyingType(type) ?? type;
        }

        /// <summary>The name PowerShell shows in syntax: <c>String[]</c>, <c>Int32</c> (nullable unwrapped).</summary>
        public static string FriendlyTypeName(Type type)
        {
            var array = type.IsArray;
            var element = ElementType(type);
            return element.Name + (array ? "[]" : string.Empty);
        }

        public static string FullTypeName(Type type)
        {
            var array = type.IsArray;
            var element = ElementType(type);
            return (element.FullName ?? element.Name) + (array ? "[]" : string.Empty);
        }

        /// <summary>What is missing: a synopsis, a description, two examples, a description for every parameter.</summary>
        public static List<string> Check(IEnumerable<CommandHelp> commands)
        {
            var problems = new List<string>();
            foreach (var command in commands)
            {
                if (command.Synopsis.Length == 0) problems.Add(command.Name + " has no synopsis (<para type=\"synopsis\">).");
                if (command.Description.Count == 0) problems.Add(command.Name + " has no description (<para type=\"description\">).");
                if (command.Examples.Count < 2) problems.Add(command.Name + " has " + command.Examples.Count + " example(s); two or more are expected (<example><code>).");
                foreach (var parameter in command.Parameters.Where(p => p.Description.Count == 0))
                {
                    problems.Add(command.Name + " -" + parameter.Name + " has no description (<para type=\"description\">).");
                }
            }
            return problems;
        }
    }
}
