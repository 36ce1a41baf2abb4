using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;
using System.Text;

namespace HuaweiMigration.Tests.Infrastructure
{
    /// <summary>Everything one script wrote, stream by stream.</summary>
    public sealed class PsResult
    {
        public List<PSObject> Output { get; } = new List<PSObject>();
        public List<ErrorRecord> Errors { get; } = new List<ErrorRecord>();
        public List<string> Verbose { get; } = new List<string>();
        public List<string> Debug { get; } = new List<string>();
        public List<string> Warning { get; } = new List<string>();
        public List<string> Information { get; } = new List<string>();
        public List<ProgressRecord> Progress { get; } = new List<ProgressRecord>();

        /// <summary>A terminating error, if the script ended in one.</summary>
        public Exception? Terminating { get; set; }

        /// <summary>
        /// The one error of a script: a cmdlet's terminating error stops only its statement and lands in the error
        /// stream, a parse or runtime failure ends the whole script.
        /// </summary>
        public ErrorRecord SingleError()
        {
            if (Terminating is IContainsErrorRecord t) return t.ErrorRecord;
            if (Errors.Count != 1) throw new InvalidOperationException("Expected one error, got " + Errors.Count + ": " + Describe());
            return Errors[0];
        }

        public IEnumerable<T> Objects<T>() => Output.Select(o => o.BaseObject).OfType<T>();

        /// <summary>Every text the user could see or log: all streams, error records and their exceptions.</summary>
        public string AllText()
        {
            var sb = new StringBuilder();
            foreach (var o in Output) sb.AppendLine(o?.ToString());
            foreach (var e in Errors)
            {
                sb.AppendLine(e.ToString());
                sb.AppendLine(e.FullyQualifiedErrorId);
                sb.AppendLine(e.ErrorDetails?.Message);
                sb.AppendLine(e.ErrorDetails?.RecommendedAction);
                sb.AppendLine(e.TargetObject?.ToString());
                for (var ex = e.Exception; ex != null; ex = ex.InnerException)
                {
                    sb.AppendLine(ex.ToString());
                }
            }
            if (Terminating != null) sb.AppendLine(Terminating.ToString());
            foreach (var s in Verbose.Concat(Debug).Concat(Warning).Concat(Information)) sb.AppendLine(s);
            foreach (var p in Progress) sb.AppendLine(p.ToString());
            return sb.ToString();
        }

        public string Describe() =>
            "errors: " + string.Join(" | ", Errors.Select(e => e.FullyQualifiedErrorId + ": " + e)) + (Terminating is null ? string.Empty : " | terminating: " + Terminating.ToString());
    }

    /// <summary>
    /// A real PowerShell runspace hosted in this process, with the assembled module imported from out/ — the way a
    /// user's session sees the module.
    /// </summary>
    public sealed class PsSession : IDisposable
    {
        /// <param name="importModule">Import the module.</param>
        /// <param name="isolated">
        /// Start without a connection even if another test of this process connected (the default context belongs
        /// to the process): tests run side by side, each against its own simulator.
        /// </param>
        public PsSession(bool importModule = true, bool isolated = true)
        {
            Runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            Runspace.Open();
            if (importModule)
            {
                var import = Run("Import-Module -Name $args[0] -ErrorAction Stop" + (isolated ? "; Disconnect-HuaweiCloud -Scope Runspace" : string.Empty), Repo.ModuleManifest);
                if (import.Terminating != null || import.Errors.Count > 0)
                {
                    throw new InvalidOperationException("Import-Module failed: " + import.Describe());
                }
            }
        }

        public Runspace Runspace { get; }

        public void Set(string name, object? value) => Runspace.SessionStateProxy.SetVariable(name, value);

        /// <summary>Runs a script; <c>$args</c> holds <paramref name="args"/>.</summary>
        public PsResult Run(string script, params object?[] args)
        {
            using var ps = PowerShell.Create();
            ps.Runspace = Runspace;
            ps.AddScript(script);
            foreach (var a in args) ps.AddArgument(a);
            return Invoke(ps);
        }

        internal static PsResult Invoke(PowerShell ps, PSDataCollection<PSObject>? output = null)
        {
            var result = new PsResult();
            try
            {
                if (output != null)
                {
                    ps.Invoke(null, output);
                    result.Output.AddRange(output);
                }
                else
                {
                    result.Output.AddRange(ps.Invoke());
                }
            }
            catch (RuntimeException ex)
            {
                result.Terminating = ex;
            }
            result.Errors.AddRange(ps.Streams.Error);
            result.Verbose.AddRange(ps.Streams.Verbose.Select(v => v.Message));
            result.Debug.AddRange(ps.Streams.Debug.Select(v => v.Message));
            result.Warning.AddRange(ps.Streams.Warning.Select(v => v.Message));
            result.Information.AddRange(ps.Streams.Information.Select(v => v.ToString()));
            result.Progress.AddRange(ps.Streams.Progress);
            NoNotSpecified(result);
            return result;
        }

        /// <summary>
        /// The module never reports a NotSpecified error (SPEC, Errors and Hardening): every test that runs a command
        /// checks it, whatever the test itself asserts. Errors PowerShell makes itself are not the module's.
        /// </summary>
        private static void NoNotSpecified(PsResult result)
        {
            var records = result.Errors.ToList();
            if (result.Terminating is IContainsErrorRecord terminating) records.Add(terminating.ErrorRecord);
            var bad = records.Where(e => e.CategoryInfo.Category == ErrorCategory.NotSpecified && FromModule(e)).ToList();
            if (bad.Count > 0)
            {
                throw new InvalidOperationException("The module wrote " + bad.Count + " NotSpecified error(s): "
                    + string.Join(" | ", bad.Select(e => e.FullyQualifiedErrorId + ": " + e.Exception)));
            }
        }

        private static bool FromModule(ErrorRecord e) =>
            e.FullyQualifiedErrorId.Contains("HuaweiMigration", StringComparison.Ordinal)
            || (e.Exception?.GetType().Namespace?.StartsWith("HuaweiMigration", StringComparison.Ordinal) ?? false)
            || (e.Exception?.StackTrace?.Contains("HuaweiMigration.", StringComparison.Ordinal) ?? false);

        public static SecureString Secure(string value)
        {
            var s = new SecureString();
            foreach (var c in value) s.AppendChar(c);
            s.MakeReadOnly();
            return s;
        }

        public static PSCredential Credential(string user, string password) => new PSCredential(user, Secure(password));

        public void Dispose() => Runspace.Dispose();
    }
}
