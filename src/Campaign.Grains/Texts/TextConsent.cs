using Campaign.Abstractions.Customers;

namespace Campaign.Grains.Texts;

/// <summary>
/// Whether a customer may be sent a text message now: a consent record with scope <c>sms</c> (given, not revoked), and
/// no <c>phoneType</c> attribute saying the number cannot take texts. Consent to calls does not cover texts.
/// </summary>
public static class TextConsent
{
    public const string Scope = "sms";
    public const string PhoneTypeAttribute = "phoneType";

    private static readonly string[] NoTexts = ["landline", "fixed", "voip-landline"];

    /// <returns>Null when texts are allowed; otherwise why not.</returns>
    public static string? Refusal(CustomerProfile customer, DateTimeOffset now)
    {
        var phoneType = customer.Attributes?.FirstOrDefault(a => a.Key.Equals(PhoneTypeAttribute, StringComparison.OrdinalIgnoreCase)).Value;
        if (phoneType is not null && NoTexts.Contains(phoneType.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            return $"the number is a {phoneType.Trim()} (attribute {PhoneTypeAttribute})";
        }

        var consent = (customer.Consent ?? []).Where(c => string.Equals(c.Scope?.Trim(), Scope, StringComparison.OrdinalIgnoreCase) && c.At <= now).ToList();
        if (consent.Count == 0)
        {
            return "no consent to text messages (scope sms) on record";
        }

        return consent.Any(c => c.RevokedAt is null || c.RevokedAt > now) ? null : "the consent to text messages was revoked";
    }
}
