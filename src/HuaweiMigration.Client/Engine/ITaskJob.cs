namespace HuaweiMigration.Client.Engine
{
    /// <summary>
    /// What a command does with the tasks piped into it: each one as it comes (<see cref="Add"/>), then the rest at
    /// the end of the input (<see cref="End"/>). Acting, waiting and removing are jobs.
    /// </summary>
    public interface ITaskJob<TTask> where TTask : class
    {
        /// <summary>One task of the input, with the object piped in when there was one.</summary>
        void Add(string id, TTask? task);

        /// <summary>The end of the input.</summary>
        void End();
    }
}
