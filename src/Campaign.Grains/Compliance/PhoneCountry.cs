using PhoneNumbers;

namespace Campaign.Grains.Compliance;

/// <summary>The country of a phone number (ISO 3166 code), from its country code and, within shared plans such as +1, its area code.</summary>
public static class PhoneCountry
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static string? Of(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        try
        {
            return Of(Util.Parse(phone, null));
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    public static string? Of(PhoneNumber number)
    {
        var region = Util.GetRegionCodeForNumber(number);
        if (region is null or "ZZ")
        {
            region = Util.GetRegionCodeForCountryCode(number.CountryCode);
        }

        return region is null or "ZZ" ? null : region;
    }
}
