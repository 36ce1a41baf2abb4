namespace HuaweiMigration.Simulator.Sms;

/// <summary>The simulated templates of target servers.</summary>
public sealed class TemplateStore
{
    /// <summary>Removes every template.</summary>
    public void Clear()
    {
    }
}
