using System;
using System.Net;
using System.Net.Sockets;

namespace HuaweiMigration.Validation
{
    /// <summary>Refuses at binding, before any request, text that is not an IPv4 address in dotted form (four numbers) or an IPv6 address.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateIPAddressAttribute : ValidateEachTextAttribute
    {
        protected override void Check(string text)
        {
            // IPAddress.TryParse takes "10" as 0.0.0.10: an IPv4 address must be written out in full.
            var ok = IPAddress.TryParse(text, out var address)
                && (address.AddressFamily == AddressFamily.InterNetworkV6 ? text.Contains(":") : text.Split('.').Length == 4);
            if (!ok) throw new ArgumentException("'" + Client.InputValidation.NoControlCharacters(text, "IP address") + "' is not an IP address (such as 192.168.10.21 or fd00::21).");
        }
    }
}
