using System;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using HuaweiMigration.Client.Http;
using Newtonsoft.Json.Linq;
using RestSharp;

namespace HuaweiMigration.Client.Dcs
{
    public sealed partial class DcsClient
    {
        /// <summary>
        /// <c>POST /v2/{project_id}/migration-task</c> (CreateMigrationTaskBody, backupfile_import): the new task's
        /// <c>{id, name, status}</c>. Sent once: a lost answer is not sent again (it could make a second import).
        /// </summary>
        public async Task<DcsTaskSummary> CreateBackupImportAsync(DcsBackupImport import, CancellationToken cancellationToken)
        {
            DcsNewMigrationChecks.Check(import);
            var backup = import.BackupId != null
                ? new JObject { ["backup_id"] = import.BackupId, ["files"] = new JArray() }
                : new JObject
                {
                    ["file_source"] = "self_build_obs",
                    ["bucket_name"] = import.BucketName,
                    ["files"] = new JArray(import.Files.Select(f => (object)new JObject { ["file_name"] = f }).ToArray()),
                };
            var request = new ApiRequest(Service, _context.DcsEndpoint, Method.Post, "v2", ProjectId, "migration-task")
            {
                Idempotent = false,
                SensitiveBody = import.TargetPassword != null,
            };
            request.JsonBody = Body(request, body =>
            {
                body["task_name"] = import.Name;
                if (!string.IsNullOrEmpty(import.Description)) body["description"] = import.Description;
                body["migration_type"] = "backupfile_import";
                body["migration_method"] = "full_amount_migration";
                body["backup_files"] = backup;
                body["target_instance"] = Instance("id", import.TargetInstanceId, import.TargetPassword);
            });
            var summary = await SendAsync<DcsTaskSummary>(request, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(summary.Id)) throw NoId("CreateMigrationTask", "id");
            return summary;
        }

        /// <summary>
        /// <c>POST /v2/{project_id}/migration/instance</c>: makes the migration machine of an online migration and
        /// answers the new task's id (<c>instance_id</c>). The task is CREATING until the machine is ready (RUNNING);
        /// only then may it be configured (<see cref="ConfigureOnlineTaskAsync"/>).
        /// </summary>
        public async Task<string> CreateOnlineTaskAsync(DcsMigrationMachine machine, CancellationToken cancellationToken)
        {
            DcsNewMigrationChecks.Check(machine);
            var body = new JObject { ["name"] = machine.Name };
            if (!string.IsNullOrEmpty(machine.Description)) body["description"] = machine.Description;
            body["vpc_id"] = machine.VpcId;
            body["subnet_id"] = machine.SubnetId;
            body["security_group_id"] = machine.SecurityGroupId;
            var request = new ApiRequest(Service, _context.DcsEndpoint, Method.Post, "v2", ProjectId, "migration", "instance")
            {
                JsonBody = body.ToString(Newtonsoft.Json.Formatting.None),
                Idempotent = false,
            };
            var answer = await SendAsync<DcsOnlineTaskAnswer>(request, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(answer.InstanceId)) throw NoId("CreateOnlineMigrationTask", "instance_id");
            try
            {
                return InputValidation.DcsTaskId(answer.InstanceId);
            }
            catch (ArgumentException)
            {
                // The task was made, but its id is not one the module can use: said as the service's fault, never a crash.
                throw new HuaweiCloudApiException("The DCS service made the online migration task '" + machine.Name + "' but answered an id the module cannot use: find the task with Get-DcsMigrationTask -Name '" + machine.Name + "'.",
                    ApiErrorKind.InvalidResponse, service: Service);
            }
        }

        /// <summary>
        /// <c>POST /v2/{project_id}/migration/{task_id}/task</c> (SetOnlineMigrationTaskBody): the source, target,
        /// method, resume mode and bandwidth of a RUNNING online task. The caller waits for RUNNING first.
        /// </summary>
        public async Task<DcsTaskSummary> ConfigureOnlineTaskAsync(string id, DcsOnlineConfiguration configuration, CancellationToken cancellationToken)
        {
            InputValidation.DcsTaskId(id);
            DcsNewMigrationChecks.Check(configuration);
            var request = new ApiRequest(Service, _context.DcsEndpoint, Method.Post, "v2", ProjectId, "migration", id, "task")
            {
                Idempotent = false,
                SensitiveBody = configuration.SourcePassword != null || configuration.TargetPassword != null,
            };
            request.JsonBody = Body(request, body =>
            {
                body["migration_method"] = configuration.Incremental ? "incremental_migration" : "full_amount_migration";
                body["resume_mode"] = configuration.ResumeMode;
                // A string of MB/s, as the SDK sends it.
                if (configuration.BandwidthLimitMb is int mb) body["bandwidth_limit_mb"] = mb.ToString(CultureInfo.InvariantCulture);
                body["source_instance"] = configuration.SourceAddress != null
                    ? Instance("addrs", configuration.SourceAddress, configuration.SourcePassword)
                    : Instance("id", configuration.SourceInstanceId!, configuration.SourcePassword);
                body["target_instance"] = Instance("id", configuration.TargetInstanceId, configuration.TargetPassword);
            });
            return await SendAsync<DcsTaskSummary>(request, cancellationToken).ConfigureAwait(false);
        }

        /// <summary><c>PUT /v2/{project_id}/migration-task/{task_id}</c> <c>{resume_mode}</c> (auto or manual); the answer is a raw body, not read.</summary>
        public async Task SetResumeModeAsync(string id, string resumeMode, CancellationToken cancellationToken)
        {
            InputValidation.DcsTaskId(id);
            if (resumeMode != "auto" && resumeMode != "manual") throw new ArgumentException("The resume mode is auto or manual.", nameof(resumeMode));
            var request = new ApiRequest(Service, _context.DcsEndpoint, Method.Put, "v2", ProjectId, "migration-task", id)
            {
                JsonBody = new JObject { ["resume_mode"] = resumeMode }.ToString(Newtonsoft.Json.Formatting.None),
                // Setting a mode twice is harmless: the same value again.
                Idempotent = true,
            };
            await SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Builds a body that may hold passwords: they are read from their SecureStrings into the JSON text only, and
        /// the objects holding them are dropped at once.
        /// </summary>
        private static string Body(ApiRequest request, Action<JObject> fill)
        {
            var body = new JObject();
            fill(body);
            // Each password is one of the request's secrets: never logged, cut out of any answer that quotes it.
            foreach (var password in body.Descendants().OfType<JProperty>().Where(p => p.Name == "password" && p.Value.Type == JTokenType.String))
            {
                request.Secrets.Add((string)password.Value!);
            }
            var text = body.ToString(Newtonsoft.Json.Formatting.None);
            body.RemoveAll();
            return text;
        }

        /// <summary>An instance body: <paramref name="key"/> (id or addrs) and, when given, the password read from its SecureString.</summary>
        private static JObject Instance(string key, string value, SecureString? password)
        {
            var instance = new JObject { [key] = value };
            if (password != null) instance["password"] = Auth.ApiCredential.Reveal(password);
            return instance;
        }


        private static HuaweiCloudApiException NoId(string operation, string field) => new HuaweiCloudApiException(
            "The DCS service accepted " + operation + " but its answer has no " + field + ": look for the new task with Get-DcsMigrationTask before trying again.",
            ApiErrorKind.InvalidResponse, service: Service);
    }
}
