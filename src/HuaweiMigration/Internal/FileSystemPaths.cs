using System;
using System.Management.Automation;
using Microsoft.PowerShell.Commands;

namespace HuaweiMigration.Internal
{
    /// <summary>
    /// A file path a cmdlet was given, as a file system path: a path on another provider (<c>Env:r.html</c>,
    /// <c>HKLM:\x</c>, <c>Variable:v</c>) or on no provider at all stops the command with a clear error before anything
    /// is read or sent.
    /// </summary>
    internal static class FileSystemPaths
    {
        /// <summary>
        /// The file system path of <paramref name="psPath"/> (which need not exist); a path that is not on the
        /// FileSystem provider throws a terminating error <paramref name="errorId"/> (InvalidArgument, the path as
        /// target) that names <paramref name="what"/> ("plan file", "report file").
        /// </summary>
        public static string Resolve(PSCmdlet cmdlet, string psPath, string errorId, string what)
        {
            string path;
            ProviderInfo provider;
            try
            {
                path = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(psPath, out provider, out _);
            }
            catch (Exception ex) when (ex is ItemNotFoundException || ex is ProviderNotFoundException || ex is DriveNotFoundException || ex is NotSupportedException || ex is ArgumentException
                || ex is ProviderInvocationException)
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(ex, errorId, ErrorCategory.InvalidArgument, psPath)
                {
                    ErrorDetails = new ErrorDetails("The " + what + " path '" + psPath + "' is not a file system path: " + ex.Message),
                });
                throw;
            }
            if (provider.ImplementingType != typeof(FileSystemProvider))
            {
                var message = "The " + what + " path '" + psPath + "' is on the " + provider.Name + " provider, not on a file system drive: give the path of a file (for example .\\"
                    + System.IO.Path.GetFileName(path.Length > 0 ? path : "file") + ").";
                cmdlet.ThrowTerminatingError(new ErrorRecord(new ArgumentException(message, "Path"), errorId, ErrorCategory.InvalidArgument, psPath)
                {
                    ErrorDetails = new ErrorDetails(message),
                });
            }
            return path;
        }
    }
}
