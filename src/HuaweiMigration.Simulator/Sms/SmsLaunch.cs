using System;
using System.Collections.Generic;
using System.Linq;

namespace HuaweiMigration.Simulator.Sms;

/// <summary>
/// A launch by the action API (test, cutover, clone_test, migration_test, clear), told through the task's source
/// server as API.md ("Launches", [I]) infers it. While it runs (until <see cref="Due"/>) the source server shows the
/// operation's "during" values; then its success or failure end, which stays until the task's state changes or
/// another launch replaces it. Values the task state implies are written null here.
/// </summary>
/// <remarks>
/// <code>
/// operation       during: state / migration_cycle   success end              failure end
/// test            (task's) / testing                (task's) / tested        error / testing
/// cutover         cutovering / cutovering           finished / cutovered     error / cutovering
/// clone_test      cloning / (task's)                (task's) / (task's)      error / (task's)
/// migration_test  premigready / (task's)            premiged / (task's)      premigfailed / (task's)
/// clear           clearing / (task's)               cleared / (task's)       clearfailed / (task's)
/// </code>
/// </remarks>
internal sealed class SmsLaunch
{
    /// <summary>Every launch operation, in the order the table above lists them.</summary>
    public static readonly IReadOnlyList<string> Operations = new[] { "test", "cutover", "clone_test", "migration_test", "clear" };

    /// <summary>Arms every launch operation at once (<c>/_sim/sms/tasks/{id}/launch-failure</c>).</summary>
    public const string Every = "*";

    public SmsLaunch(string operation, DateTime at, DateTime due, bool fails)
    {
        if (!Operations.Contains(operation, StringComparer.Ordinal)) throw new ArgumentException("Not a launch operation: " + operation, nameof(operation));
        Operation = operation;
        At = at;
        Due = due;
        Fails = fails;
    }

    public string Operation { get; }

    /// <summary>When the action was accepted.</summary>
    public DateTime At { get; }

    /// <summary>When it ends; applied lazily by the store (<see cref="Ended"/>), like the task's own transitions.</summary>
    public DateTime Due { get; }

    /// <summary>Ends in its failure state rather than its success state (decided when the launch was accepted).</summary>
    public bool Fails { get; }

    /// <summary>When it ended: <see cref="Due"/>, set by the store at the first read after it; or when it was interrupted.</summary>
    public DateTime? EndedAt { get; private set; }

    public bool Ended => EndedAt is not null;

    /// <summary>Cut short by a change of the task's state or by another launch: it never reached its end.</summary>
    public bool Interrupted { get; private set; }

    /// <summary>Ended as a success (its sub-task then shows 100%).</summary>
    public bool Succeeded => Ended && !Fails && !Interrupted;

    public void End() => EndedAt ??= Due;

    public void Interrupt(DateTime at)
    {
        if (Ended) return;
        EndedAt = at;
        Interrupted = true;
    }

    /// <summary>The source server's <c>state</c> now, or null for the one the task state implies.</summary>
    public string? SourceState => (Operation, Ended, Fails) switch
    {
        ("test", false, _) => null,
        ("test", true, false) => null,
        ("cutover", false, _) => "cutovering",
        ("cutover", true, false) => "finished",
        ("clone_test", false, _) => "cloning",
        ("clone_test", true, false) => null,
        ("migration_test", false, _) => "premigready",
        ("migration_test", true, false) => "premiged",
        ("migration_test", true, true) => "premigfailed",
        ("clear", false, _) => "clearing",
        ("clear", true, false) => "cleared",
        ("clear", true, true) => "clearfailed",
        _ => "error", // test, cutover, clone_test failed
    };

    /// <summary>The source server's <c>migration_cycle</c> now, or null for the one the task state implies.</summary>
    public string? MigrationCycle => (Operation, Ended, Fails) switch
    {
        ("test", true, false) => "tested",
        ("test", _, _) => "testing",
        ("cutover", true, false) => "cutovered",
        ("cutover", _, _) => "cutovering",
        _ => null,
    };

    /// <summary>The first word that is neither a launch operation nor <see cref="Every"/>, or null when they all are.</summary>
    public static string? FirstUnknown(IEnumerable<string> operations) =>
        operations.FirstOrDefault(o => o != Every && !Operations.Contains(o, StringComparer.Ordinal));
}
