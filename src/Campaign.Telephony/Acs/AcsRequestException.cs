using System.Net;

namespace Campaign.Telephony.Acs;

/// <summary>A Call Automation request the service refused; carries the status and the service's error code and message.</summary>
public sealed class AcsRequestException(HttpStatusCode status, string? code, string message)
    : Exception($"ACS answered {(int)status} {code}: {message}")
{
    public HttpStatusCode Status { get; } = status;

    public string? Code { get; } = code;
}
