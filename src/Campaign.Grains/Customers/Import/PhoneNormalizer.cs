using PhoneNumbers;

namespace Campaign.Grains.Customers.Import;

/// <summary>Validates phone numbers and writes them in E.164; numbers without a country code take the default region.</summary>
public sealed class PhoneNormalizer(string defaultRegion)
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public string DefaultRegion { get; } = defaultRegion.ToUpperInvariant();

    public bool TryNormalize(string? raw, out string e164, out string? error)
    {
        e164 = "";
        if (string.IsNullOrWhiteSpace(raw))
        {
            error = "phone is missing";
            return false;
        }

        var text = raw.Trim();
        if (text.StartsWith("00", StringComparison.Ordinal))
        {
            text = "+" + text[2..];
        }

        try
        {
            var number = Util.Parse(text, DefaultRegion);
            if (!Util.IsValidNumber(number))
            {
                error = $"phone '{raw}' is not a valid phone number";
                return false;
            }

            e164 = Util.Format(number, PhoneNumberFormat.E164);
            error = null;
            return true;
        }
        catch (NumberParseException)
        {
            error = $"phone '{raw}' is not a phone number";
            return false;
        }
    }
}
