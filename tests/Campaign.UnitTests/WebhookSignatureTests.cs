using System.Security.Cryptography;
using System.Text;
using Campaign.Grains.Webhooks;

namespace Campaign.UnitTests;

public class WebhookSignatureTests
{
    [Fact]
    public void The_signature_is_v1_and_the_lowercase_hex_hmac_sha256_of_id_timestamp_and_body()
    {
        // Computed independently: HMAC-SHA256(key "whsec-0123456789abcdef", "evt_1.1700000000.{"a":1}").
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes("whsec-0123456789abcdef"), Encoding.UTF8.GetBytes("evt_1.1700000000.{\"a\":1}")));

        var signature = WebhookSignature.Sign("whsec-0123456789abcdef", "evt_1", 1_700_000_000, "{\"a\":1}");

        Assert.Equal("v1=" + expected, signature);
        Assert.Matches("^v1=[0-9a-f]{64}$", signature);
    }

    [Fact]
    public void A_known_vector_stays_the_same()
    {
        // A receiver in any language must get this value (docs/webhooks.md quotes it; computed with Python's hmac module).
        Assert.Equal(
            "v1=382de0c7adc298db172c1f80c5a4f15e9fa806081e4f9282da3ffd911cc70424",
            WebhookSignature.Sign("s3cret-s3cret-s3cret", "evt_abc", 1_767_225_600, "{\"id\":\"evt_abc\"}"));
    }

    [Theory]
    [InlineData("other-secret-0123456789", "evt_1", 1_700_000_000, "{\"a\":1}")]
    [InlineData("whsec-0123456789abcdef", "evt_2", 1_700_000_000, "{\"a\":1}")]
    [InlineData("whsec-0123456789abcdef", "evt_1", 1_700_000_001, "{\"a\":1}")]
    [InlineData("whsec-0123456789abcdef", "evt_1", 1_700_000_000, "{\"a\":2}")]
    public void Changing_the_secret_id_timestamp_or_body_fails_verification(string secret, string id, long timestamp, string body)
    {
        var header = WebhookSignature.Sign("whsec-0123456789abcdef", "evt_1", 1_700_000_000, "{\"a\":1}");

        Assert.True(WebhookSignature.Verify("whsec-0123456789abcdef", "evt_1", 1_700_000_000, "{\"a\":1}", header));
        Assert.False(WebhookSignature.Verify(secret, id, timestamp, body, header));
        Assert.False(WebhookSignature.Verify("whsec-0123456789abcdef", "evt_1", 1_700_000_000, "{\"a\":1}", null));
    }

    [Fact]
    public void A_non_ascii_secret_and_body_are_signed_as_utf8()
    {
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("çlé-sécrète-0123456"), Encoding.UTF8.GetBytes("e.1.{\"n\":\"Zoë\"}")));

        Assert.Equal("v1=" + expected, WebhookSignature.Sign("çlé-sécrète-0123456", "e", 1, "{\"n\":\"Zoë\"}"));
    }
}
