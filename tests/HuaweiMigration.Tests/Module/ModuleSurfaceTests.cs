using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Reflection;
using HuaweiMigration.Tests.Infrastructure;
using Xunit;

namespace HuaweiMigration.Tests.Module
{
    /// <summary>A reflection test that keeps the module's public surface honest.</summary>
    public class ModuleSurfaceTests
    {
        private static readonly string ModuleFolder = Path.GetDirectoryName(Repo.ModuleManifest)!;

        /// <summary>Verbs that change something: their cmdlets must support -WhatIf and -Confirm.</summary>
        private static readonly HashSet<string> ChangingVerbs = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Add", "Clear", "Copy", "Disable", "Enable", "Export", "Install", "Invoke", "Move", "New", "Register", "Remove", "Rename",
            "Reset", "Restart", "Resume", "Set", "Start", "Stop", "Suspend", "Switch", "Undo", "Uninstall", "Unregister", "Update", "Write",
        };

        private static Assembly CmdletAssembly => Assembly.LoadFrom(Path.Combine(ModuleFolder, "HuaweiMigration.dll"));

        private static IReadOnlyList<(Type Type, CmdletAttribute Cmdlet)> Cmdlets() =>
            CmdletAssembly.GetExportedTypes()
                .Where(t => !t.IsAbstract && t.GetCustomAttribute<CmdletAttribute>() != null)
                .Select(t => (t, t.GetCustomAttribute<CmdletAttribute>()!))
                .ToList();

        [Fact]
        public void Every_cmdlet_declares_its_output_type()
        {
            Assert.Equal(51, Cmdlets().Count);
            Assert.All(Cmdlets(), c => Assert.True(c.Type.GetCustomAttributes<OutputTypeAttribute>().Any(), c.Type.Name + " has no [OutputType]"));
        }

        [Fact]
        public void Every_state_changing_verb_supports_ShouldProcess()
        {
            var changing = Cmdlets().Where(c => ChangingVerbs.Contains(c.Cmdlet.VerbName)).ToList();
            Assert.Equal(new[]
                {
                    "Clear-SmsTaskSnapshot", "Export-HuaweiMigrationReport", "Invoke-HuaweiMigrationPlan", "Invoke-SmsTaskAction", "New-DcsMigrationTask", "New-SmsMigrationProject", "New-SmsTask", "New-SmsTemplate", "Remove-DcsMigrationTask", "Remove-SmsMigrationProject", "Remove-SmsSourceServer", "Remove-SmsTask", "Remove-SmsTemplate", "Restart-DcsMigrationTask", "Restart-SmsTask", "Set-DcsMigrationTask", "Set-SmsMigrationProject", "Set-SmsSourceServer", "Set-SmsTask", "Set-SmsTaskConfiguration", "Set-SmsTaskSpeedLimit", "Set-SmsTemplate", "Start-SmsCloneTest", "Start-SmsCutover", "Start-SmsMigrationDrill", "Start-SmsTask", "Start-SmsTest", "Stop-DcsMigrationTask", "Suspend-SmsTask", "Switch-DcsMigrationIp", "Undo-DcsMigrationIp",
                },
                changing.Select(c => c.Cmdlet.VerbName + "-" + c.Cmdlet.NounName).OrderBy(n => n, StringComparer.Ordinal));
            Assert.All(changing, c => Assert.True(c.Cmdlet.SupportsShouldProcess, c.Type.Name + " does not support ShouldProcess"));
            // SPEC.md's impacts: removal, cutover and clearing snapshots are High; a network check is Low; the rest Medium.
            var impacts = new Dictionary<string, ConfirmImpact>
            {
                ["Remove-SmsTask"] = ConfirmImpact.High,
                ["Remove-DcsMigrationTask"] = ConfirmImpact.High,
                ["Remove-SmsMigrationProject"] = ConfirmImpact.High,
                ["Remove-SmsTemplate"] = ConfirmImpact.High,
                ["Remove-SmsSourceServer"] = ConfirmImpact.High,
                ["Start-SmsCutover"] = ConfirmImpact.High,
                ["Switch-DcsMigrationIp"] = ConfirmImpact.High,
                ["Undo-DcsMigrationIp"] = ConfirmImpact.High,
                ["Clear-SmsTaskSnapshot"] = ConfirmImpact.High,
                ["Invoke-HuaweiMigrationPlan"] = ConfirmImpact.High,
                ["Test-SmsTaskNetwork"] = ConfirmImpact.Low,
            };
            Assert.All(Cmdlets().Where(c => c.Cmdlet.SupportsShouldProcess), c =>
                Assert.Equal(impacts.TryGetValue(c.Cmdlet.VerbName + "-" + c.Cmdlet.NounName, out var i) ? i : ConfirmImpact.Medium, c.Cmdlet.ConfirmImpact));
        }

        [Fact]
        public void Every_state_parameter_accepts_exactly_the_known_members_of_its_enum()
        {
            var checkedParameters = 0;
            foreach (var (type, _) in Cmdlets())
            {
                foreach (var p in type.GetProperties().Where(p => p.GetCustomAttributes<ParameterAttribute>().Any()))
                {
                    var enumType = p.PropertyType.IsArray ? p.PropertyType.GetElementType()! : Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
                    if (!enumType.IsEnum || !Enum.IsDefined(enumType, "Unknown")) continue;
                    var set = p.GetCustomAttribute<ValidateSetAttribute>();
                    Assert.True(set != null, type.Name + "." + p.Name + " has no ValidateSet: Tab would offer Unknown and binding accept it");
                    var known = Enum.GetNames(enumType).Where(n => n != "Unknown").OrderBy(n => n, StringComparer.Ordinal);
                    Assert.Equal(known, set!.ValidValues.OrderBy(n => n, StringComparer.Ordinal));
                    checkedParameters++;
                }
            }
            Assert.True(checkedParameters >= 2);
        }

        [Fact]
        public void The_manifest_exports_exactly_the_cmdlet_classes_by_name()
        {
            var manifest = Path.Combine(Repo.Root, "HuaweiMigration.psd1");
            var ast = Parser.ParseFile(manifest, out _, out var errors);
            Assert.Empty(errors);
            var table = (HashtableAst)ast.Find(a => a is HashtableAst, false)!;
            object? Value(string key) => table.KeyValuePairs.Single(kv => ((StringConstantExpressionAst)kv.Item1).Value == key).Item2.SafeGetValue();
            var exported = ((object[])Value("CmdletsToExport")!).Cast<string>().ToList();

            Assert.DoesNotContain(exported, e => e.Contains('*'));
            Assert.Equal(Cmdlets().Select(c => c.Cmdlet.VerbName + "-" + c.Cmdlet.NounName).OrderBy(n => n), exported.OrderBy(n => n));
            Assert.Equal(new[] { "Desktop", "Core" }, ((object[])Value("CompatiblePSEditions")!).Cast<string>());
            // The module folder carries the same manifest.
            Assert.Equal(File.ReadAllText(manifest), File.ReadAllText(Repo.ModuleManifest));
        }

        [Fact]
        public void No_RestSharp_or_Newtonsoft_type_in_any_public_signature_or_output_object()
        {
            var assemblies = new[] { "HuaweiMigration.dll", "HuaweiMigration.Models.dll", "HuaweiMigration.Client.dll" }
                .Select(f => Assembly.LoadFrom(Path.Combine(ModuleFolder, f)));
            var leaks = assemblies.SelectMany(a => a.GetExportedTypes())
                .SelectMany(t => SignatureTypes(t).Select(s => (Where: t.FullName + " " + s.Where, s.Type)))
                .Where(s => s.Type.Assembly.GetName().Name is "RestSharp" or "Newtonsoft.Json")
                .Select(s => s.Where + ": " + s.Type.FullName)
                .ToList();
            Assert.True(leaks.Count == 0, string.Join("\n", leaks));
        }

        [Fact]
        public void The_cmdlets_public_surface_names_no_engine_type_so_the_engine_loads_lazily_and_isolated()
        {
            var leaks = CmdletAssembly.GetExportedTypes()
                .SelectMany(t => SignatureTypes(t).Select(s => (Where: t.FullName + " " + s.Where, s.Type)))
                .Where(s => s.Type.Assembly.GetName().Name is "HuaweiMigration.Client" or "RestSharp" or "Newtonsoft.Json")
                .Select(s => s.Where + ": " + s.Type.FullName)
                .ToList();
            Assert.True(leaks.Count == 0, string.Join("\n", leaks));
        }

        [Fact]
        public void Output_types_come_from_the_models_assembly()
        {
            var outputs = Cmdlets().SelectMany(c => c.Type.GetCustomAttributes<OutputTypeAttribute>()).SelectMany(o => o.Type).Select(t => t.Type).Where(t => t != null && t != typeof(void)).Distinct().ToList();
            Assert.NotEmpty(outputs);
            // A file-writing cmdlet's -PassThru writes the FileInfo of its file, as Export-Csv's peers do (Out-File, New-Item).
            Assert.All(outputs.Where(t => t != typeof(FileInfo)), t => Assert.Equal("HuaweiMigration.Models", t!.Assembly.GetName().Name));
        }

        /// <summary>Every type a public or protected member of <paramref name="type"/> shows (generic arguments and element types included).</summary>
        private static IEnumerable<(string Where, Type Type)> SignatureTypes(Type type) =>
            DirectSignatureTypes(type).SelectMany(s => Expand(s.Type).Select(t => (s.Where, t)));

        private static IEnumerable<Type> Expand(Type type)
        {
            yield return type;
            if (type.HasElementType) foreach (var t in Expand(type.GetElementType()!)) yield return t;
            if (type.IsGenericType) foreach (var t in type.GetGenericArguments().SelectMany(Expand)) yield return t;
        }

        private static IEnumerable<(string Where, Type Type)> DirectSignatureTypes(Type type)
        {
            const BindingFlags Visible = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            static bool Shown(MethodBase? m) => m != null && (m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly);
            if (type.BaseType != null) yield return ("base", type.BaseType);
            foreach (var i in type.GetInterfaces()) yield return ("interface", i);
            foreach (var p in type.GetProperties(Visible).Where(p => Shown(p.GetMethod) || Shown(p.SetMethod))) yield return ("property " + p.Name, p.PropertyType);
            foreach (var f in type.GetFields(Visible).Where(f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly)) yield return ("field " + f.Name, f.FieldType);
            foreach (var m in type.GetMethods(Visible).Where(m => Shown(m) && !m.IsSpecialName))
            {
                yield return ("method " + m.Name, m.ReturnType);
                foreach (var p in m.GetParameters()) yield return ("method " + m.Name + " parameter " + p.Name, p.ParameterType);
            }
            foreach (var c in type.GetConstructors(Visible).Where(Shown))
            {
                foreach (var p in c.GetParameters()) yield return ("constructor parameter " + p.Name, p.ParameterType);
            }
            foreach (var e in type.GetEvents(Visible).Where(e => Shown(e.AddMethod))) yield return ("event " + e.Name, e.EventHandlerType!);
        }
    }
}
