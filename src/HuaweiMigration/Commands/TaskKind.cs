using System;
using HuaweiMigration.Client;
using HuaweiMigration.Client.Dcs;
using HuaweiMigration.Client.Engine;
using HuaweiMigration.Client.Sms;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands
{
    /// <summary>How a service's tasks are identified and validated, and the engine's service for them.</summary>
    internal sealed class TaskKind
    {
        private TaskKind(Func<object, string> idOf, Func<string, string> validate, string invalidIdErrorId, Func<HuaweiCloudApiCmdlet, string?, object> service)
        {
            IdOf = idOf;
            Validate = validate;
            InvalidIdErrorId = invalidIdErrorId;
            CreateService = service;
        }

        public Func<object, string> IdOf { get; }
        public Func<string, string> Validate { get; }
        public string InvalidIdErrorId { get; }

        /// <summary>The engine's service for a command (and its -ProjectId, for DCS).</summary>
        public Func<HuaweiCloudApiCmdlet, string?, object> CreateService { get; }

        private static readonly TaskKind Sms = new TaskKind(t => ((SmsTask)t).Id, InputValidation.SmsTaskId, "InvalidSmsTaskId",
            (cmdlet, _) => new SmsTaskService(cmdlet.Sms));

        private static readonly TaskKind Dcs = new TaskKind(t => ((DcsMigrationTask)t).TaskId, InputValidation.DcsTaskId, "InvalidDcsTaskId",
            (cmdlet, projectId) => new DcsTaskService(cmdlet.CreateDcsClient(projectId)));

        public static TaskKind Of(Type taskType) =>
            taskType == typeof(SmsTask) ? Sms
            : taskType == typeof(DcsMigrationTask) ? Dcs
            : throw new NotSupportedException("No task kind for " + taskType.Name + ".");
    }
}
