namespace Campaign.Telephony.Acs;

/// <summary>
/// ACS's repeatable requests: a create carrying these headers, sent again, gets the first answer instead of placing a
/// second call, so it is safe to retry.
/// </summary>
internal static class AcsRepeatability
{
    public const string RequestIdHeader = "Repeatability-Request-ID";
    public const string FirstSentHeader = "Repeatability-First-Sent";

    public static bool SafeToRepeat(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get || request.Headers.Contains(RequestIdHeader);
}
