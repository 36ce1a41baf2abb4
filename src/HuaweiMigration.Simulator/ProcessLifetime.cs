using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace HuaweiMigration.Simulator;

/// <summary>
/// How the standalone simulator lives beside the shell that started it (the PowerShell helper): out of the terminal's
/// reach, so Ctrl+C at the prompt stops the user's command and not the simulator; gone when that shell is gone; and
/// announcing itself only once it really listens.
/// </summary>
internal static class ProcessLifetime
{
    /// <summary>
    /// Leaves the terminal's session and process group (Unix <c>setsid</c>), so the signals a terminal sends its
    /// foreground group (SIGINT for Ctrl+C, SIGQUIT, SIGHUP) reach the shell and not this process. SIGTERM
    /// (Stop-Process) still stops it. Returns false where there is no such thing (Windows) or it failed.
    /// </summary>
    public static bool Detach()
    {
        if (OperatingSystem.IsWindows()) return false;
        try
        {
            return setsid() != -1; // -1 (EPERM) when already a group leader: then it is out of the shell's group anyway
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>A token cancelled once the process <paramref name="parentPid"/> has exited (checked twice a second).</summary>
    public static CancellationToken WhenParentExits(int parentPid)
    {
        var cts = new CancellationTokenSource();
        DateTime? started = StartTime(parentPid);
        if (started == null)
        {
            cts.Cancel();
            return cts.Token;
        }
        _ = Task.Run(async () =>
        {
            // The start time guards against the pid being reused by a later process.
            while (StartTime(parentPid) == started)
            {
                await Task.Delay(500).ConfigureAwait(false);
            }
            cts.Cancel();
        });
        return cts.Token;
    }

    /// <summary>Writes {url, pid, instanceId} to <paramref name="path"/> atomically (a rename), so a reader never sees half of it.</summary>
    public static void WriteReadyFile(string path, Uri baseUri, string instanceId)
    {
        var json = new JsonObject
        {
            ["url"] = baseUri.ToString().TrimEnd('/'),
            ["pid"] = Environment.ProcessId,
            ["instanceId"] = instanceId,
        }.ToJsonString();
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, json);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Best effort: removes the folder of the simulator's logs when nobody is left to do it.</summary>
    public static void RemoveWorkDirectory(string? directory)
    {
        if (string.IsNullOrEmpty(directory)) return;
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static DateTime? StartTime(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited ? null : process.StartTime;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int setsid();
}
