using System;
using System.Security;
using HuaweiMigration.Client.Auth;
using Xunit;

namespace HuaweiMigration.Tests.Client
{
    /// <summary>Secrets are read out of their secure strings exactly, and not at all once disposed.</summary>
    public class RevealTests
    {
        [Theory]
        [InlineData("")]
        [InlineData("Sim-Passw0rd!")]
        [InlineData("pässwörd-密码-\U0001F511")]
        public void A_secret_reads_back_exactly(string text)
        {
            using var secret = new SecureString();
            foreach (var c in text) secret.AppendChar(c);
            Assert.Equal(text, ApiCredential.Reveal(secret));
        }

        [Fact]
        public void A_disposed_secret_cannot_be_read()
        {
            var secret = new SecureString();
            secret.AppendChar('x');
            secret.Dispose();
            Assert.Throws<ObjectDisposedException>(() => ApiCredential.Reveal(secret));
        }
    }
}
