using HuaweiMigration.Client.Json;
using Xunit;

namespace HuaweiMigration.Tests.Client
{
    /// <summary>Server text for a person: escape sequences go whole, other control characters one by one, the text stays.</summary>
    public class ServerTextTests
    {
        [Theory]
        [InlineData("web\u001b]0;pwned\u0007\u001b[2J01", "web01")]                // window title (OSC … BEL), clear screen
        [InlineData("\u001b[31mred\u001b[0m", "red")]                             // colours
        [InlineData("a\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\b", "alinkb")] // hyperlink, OSC … ESC \
        [InlineData("a\u009b2Jb\u009d0;t\u009cc", "abc")]                         // C1 CSI and C1 OSC … C1 ST
        [InlineData("a\u001bPq#0;2\u001b\\b", "ab")]                              // DCS (sixel) … ST
        [InlineData("a\u001b(Bb\u001bMc\u001b7d", "abcd")]                        // nF and two-character sequences
        [InlineData("tab\there\r\nnew\u0000\u007f\u0085line", "tab here  newline")]
        [InlineData("a\u001b[", "a")]                                             // cut inside a sequence
        [InlineData("a\u001b]0;never ends", "a")]
        [InlineData("façade – 迁移 ✓", "façade – 迁移 ✓")]
        public void Clean(string sent, string shown)
        {
            Assert.Equal(shown, ServerText.Clean(sent));
        }

        [Fact]
        public void Text_that_is_JSON_is_cleaned_inside_where_an_escape_hides_as_u001b()
        {
            Assert.Equal("{\"error_msg\":\"disk full\"}", ServerText.ForPerson("{\"error_msg\": \"disk \\u001b[31mfull\\u001b[0m\"}"));
            // Unchanged JSON keeps its own spelling.
            Assert.Equal("{ \"a\": 1 }", ServerText.ForPerson("{ \"a\": 1 }"));
            Assert.Equal("{not json", ServerText.ForPerson("{not json"));
        }

        [Fact]
        public void JSON_looking_text_has_its_secret_like_keys_values_redacted()
        {
            Assert.Equal("{\"msg\":\"x\",\"Password\":\"***\",\"a\":{\"api_key\":\"***\"},\"l\":[{\"sk\":\"***\"}]}",
                ServerText.ForPerson("{\"msg\":\"x\",\"Password\":\"p1\",\"a\":{\"api_key\":{\"v\":\"p2\"}},\"l\":[{\"sk\":\"p3\"}]}"));
            // A name that is only a secret's look-alike once cleaned loses its value too.
            Assert.Equal("{\"password\":\"***\"}", ServerText.ForPerson("{\"pass\\u0007word\":\"p4\"}"));
        }

        [Theory]
        [InlineData("password=p1&user=bob", "password=***&user=bob")]
        [InlineData("X-Auth-Token: p1\nnext line", "X-Auth-Token: *** next line")]
        [InlineData("{\"token\": \"p1\", \"n\": 1}", "{\"token\":\"***\",\"n\":1}")]
        [InlineData("sk=p1 disk=2", "sk=*** disk=2")]
        public void An_excerpt_quotes_no_secret(string body, string excerpt)
        {
            Assert.Equal(excerpt, ServerText.Excerpt(body));
        }

        [Fact]
        public void An_excerpt_is_short()
        {
            Assert.Equal(121, ServerText.Excerpt(new string('x', 5000))!.Length);
            Assert.Null(ServerText.Excerpt(" \u0007 "));
        }
    }
}
