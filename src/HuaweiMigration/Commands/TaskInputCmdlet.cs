using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using HuaweiMigration.Client;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands
{
    /// <summary>
    /// Base of the cmdlets that act on tasks of one service: <c>-Id</c> (position 0, pipeline by value and by
    /// property name, alias TaskId) or <c>-InputObject</c> (the service's task objects, pipeline by value), and the
    /// new inputs of each pipeline record, validated and de-duplicated.
    /// </summary>
    public abstract class TaskInputCmdlet<TTask> : HuaweiCloudApiCmdlet where TTask : class
    {
        public const string ByIdSet = "ById";
        public const string InputObjectSet = "InputObject";

        private static readonly TaskKind Kind = TaskKind.Of(typeof(TTask));

        /// <summary><para type="description">Ids of the tasks. Ids can be piped in, or any objects with an Id or TaskId property; an id given twice is handled once.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.TaskIdCompleter))]
        [Alias("TaskId")]
        [ValidateNotNull]
        [AllowEmptyString]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary><para type="description">Tasks, as their Get cmdlet writes them; piped task objects bind here.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        public TTask? InputObject { get; set; }

        /// <summary>The tasks of this pipeline input, valid and not seen before in this call.</summary>
        internal IEnumerable<(string Id, TTask? Task)> NewInputs() =>
            NewInputs(
                ParameterSetName == InputObjectSet
                    ? new[] { InputObject }.Where(t => t != null).Select(t => (Kind.IdOf(t!), (TTask?)t))
                    : Id.Select(id => (id, (TTask?)null)),
                Kind.Validate, Kind.InvalidIdErrorId, Kind.What);
    }

    /// <summary>The task cmdlets that wait: <c>-Timeout</c> and <c>-PollInterval</c> on top of the task input.</summary>
    public abstract class WaitingTaskInputCmdlet<TTask> : TaskInputCmdlet<TTask> where TTask : class
    {
        /// <summary><para type="description">Seconds to wait at most; a task still unfinished then is an OperationTimeout error. No limit by default.</para></summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Timeout { get; set; }

        /// <summary><para type="description">Seconds between two polls while waiting (default 5).</para></summary>
        [Parameter]
        [ValidateRange(0.01, 86400.0)]
        public double PollInterval { get; set; } = 5;

        /// <summary>The clock of this command's waits, started now.</summary>
        internal WaitTiming StartTiming() => WaitTiming.Start(Timeout, PollInterval);
    }

    /// <summary>How a service's tasks are named, identified and validated.</summary>
    internal sealed class TaskKind
    {
        private TaskKind(Func<object, string> idOf, Func<string, string> validate, string invalidIdErrorId, string what)
        {
            IdOf = idOf;
            Validate = validate;
            InvalidIdErrorId = invalidIdErrorId;
            What = what;
        }

        public Func<object, string> IdOf { get; }
        public Func<string, string> Validate { get; }
        public string InvalidIdErrorId { get; }
        public string What { get; }

        private static readonly TaskKind Sms = new TaskKind(t => ((SmsTask)t).Id, InputValidation.SmsTaskId, "InvalidSmsTaskId", "SMS task");
        private static readonly TaskKind Dcs = new TaskKind(t => ((DcsMigrationTask)t).TaskId, InputValidation.DcsTaskId, "InvalidDcsTaskId", "DCS migration task");

        public static TaskKind Of(Type taskType) =>
            taskType == typeof(SmsTask) ? Sms
            : taskType == typeof(DcsMigrationTask) ? Dcs
            : throw new NotSupportedException("No task kind for " + taskType.Name + ".");
    }
}
