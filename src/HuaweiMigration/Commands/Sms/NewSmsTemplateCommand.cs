using System.Collections;
using System.Management.Automation;
using HuaweiMigration.Models;

namespace HuaweiMigration.Commands.Sms
{
    /// <summary>
    /// <para type="synopsis">Creates an SMS template, the settings a new target server is created with.</para>
    /// <para type="description">Creates a template (POST /v3/vm/templates, always as a general template: is_template true, so it is not deleted with a task) and writes it as read back. -Vpc, -Nic, -SecurityGroup, -PublicIp and -Disk take hashtables whose keys are the fields in PowerShell case: Nic needs Id, Name and Cidr (Ip optional); SecurityGroup Id and Name; PublicIp Type and BandwidthSize; Disk Index, Name, DiskType and Size in GB; Vpc Id, Name, Cidr. A missing required key or an unknown key is refused before any request, naming the key. -TargetPassword is a SecureString; it is sent and never shown again.</para>
    /// </summary>
    /// <example>
    /// <para type="title">A template on an existing network</para>
    /// <code>
    /// New-SmsTemplate -Name web-tpl -Region ap-southeast-1 -AvailabilityZone ap-southeast-1a -Flavor s6.large.2 -Vpc @{ Id = $vpcId; Name = 'vpc-wave'; Cidr = '192.168.0.0/16' } -Nic @{ Id = $subnetId; Name = 'subnet-web'; Cidr = '192.168.1.0/24' } -SecurityGroup @{ Id = $sgId; Name = 'sg-web' }
    /// </code>
    /// <para>Creates the template and writes it with its id, to use as -TemplateId.</para>
    /// </example>
    /// <example>
    /// <para type="title">With a public IP, disks and a password</para>
    /// <code>
    /// New-SmsTemplate -Name db-tpl -Region ap-southeast-1 -AvailabilityZone ap-southeast-1b -Flavor m6.xlarge.8 -Vpc @{ Id = 'autoCreate' } -Nic @{ Id = 'autoCreate'; Name = 'auto'; Cidr = '192.168.0.0/24' } -SecurityGroup @{ Id = 'autoCreate'; Name = 'auto' } -PublicIp @{ Type = '5_bgp'; BandwidthSize = 20 } -Disk @{ Index = 0; Name = '/dev/vda'; DiskType = 'SSD'; Size = 40 } -TargetPassword (Read-Host -AsSecureString)
    /// </code>
    /// <para>Lets SMS create the VPC, subnet and security group, and sets the target server's password without showing it.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "SmsTemplate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SmsTemplate))]
    public sealed class NewSmsTemplateCommand : SmsTemplateCmdlet
    {
        /// <summary><para type="description">The template's name: letters, digits, '_' and '-'.</para></summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [Validation.ValidatePlainText("template name")]
        public string Name { get; set; } = string.Empty;

        /// <summary><para type="description">The region the target server is created in, such as ap-southeast-1.</para></summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.RegionCompleter))]
        public string Region { get; set; } = string.Empty;

        /// <summary><para type="description">The availability zone, such as ap-southeast-1a.</para></summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string AvailabilityZone { get; set; } = string.Empty;

        /// <summary><para type="description">The target server's flavor, such as s6.large.2.</para></summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string Flavor { get; set; } = string.Empty;

        /// <summary><para type="description">The VPC: @{ Id = …; Name = …; Cidr = … } (Id 'autoCreate' lets SMS create one), or an object with those properties.</para></summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        public object Vpc { get; set; } = new Hashtable();

        /// <summary><para type="description">The subnets: @{ Id = …; Name = …; Cidr = … } each, optionally Ip.</para></summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public Hashtable[] Nic { get; set; } = new Hashtable[0];

        /// <summary><para type="description">The security groups: @{ Id = …; Name = … } each.</para></summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public Hashtable[] SecurityGroup { get; set; } = new Hashtable[0];

        protected override void ProcessRecord()
        {
            ForItem(Name, "InvalidSmsTemplate", () =>
            {
                var settings = Settings(Name, Region, AvailabilityZone, Flavor, Vpc, Nic, SecurityGroup);
                settings.Validate(creating: true);
                if (!ShouldProcess("SMS template '" + Name + "' in " + AvailabilityZone, "Create")) return;
                var id = Await(Sms.CreateTemplateAsync(settings, CancellationToken));
                WriteVerbose("SMS: created template '" + Name + "' (" + id + ").");
                WriteObject(Await(Sms.GetTemplateAsync(id, CancellationToken)));
            });
        }
    }
}
