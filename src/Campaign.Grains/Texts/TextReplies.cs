using Campaign.Abstractions.Customers;
using Campaign.Abstractions.Storage;
using Campaign.Abstractions.Telephony;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Campaign.Grains.Texts;

/// <summary>
/// A reply to a text: a stop keyword puts the sender's number on the do-not-call list through each customer with that
/// number (which raises the <c>optOut</c> webhook event), or directly when no customer has it. Anything else is only
/// logged. A repeated STOP finds the number listed already and changes nothing.
/// </summary>
public sealed partial class TextReplies(
    IGrainFactory grains,
    ICustomerDirectory directory,
    [FromKeyedServices(EngineClock.Key)] TimeProvider clock,
    ILogger<TextReplies> logger) : ITextReplies
{
    public const string Reason = "replied STOP to a text message";
    public const string Source = "sms";

    public async Task<bool> ReceivedAsync(string from, string body, CancellationToken cancellationToken = default)
    {
        if (!StopKeywords.IsOptOut(body))
        {
            LogReply(logger, body.Length);
            return false;
        }

        var phone = from.Trim();
        if (await directory.IsDoNotCallAsync(phone, cancellationToken))
        {
            return true;
        }

        var customers = await CustomersWithAsync(phone, cancellationToken);
        foreach (var customerId in customers)
        {
            await grains.GetGrain<ICustomerGrain>(customerId).OptOutAsync(Reason, Source);
        }

        if (customers.Count == 0)
        {
            await directory.AddDoNotCallAsync([new DoNotCallEntry(phone, Reason, Source, clock.GetUtcNow())], cancellationToken);
        }

        LogOptedOut(logger, customers.Count);
        return true;
    }

    private async Task<IReadOnlyList<string>> CustomersWithAsync(string phone, CancellationToken cancellationToken)
    {
        if (CustomerSearch.Parse(phone) is not { Digits.Length: > 0 } search)
        {
            return [];
        }

        var page = await directory.SearchAsync(search, 0, 20, cancellationToken);
        return page.Items.Where(c => c.Phone == phone).Select(c => c.Id).ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Text reply of {Length} characters received; not an opt-out")]
    private static partial void LogReply(ILogger logger, int length);

    [LoggerMessage(Level = LogLevel.Information, Message = "Text reply STOP: the number is on the do-not-call list ({Customers} customers)")]
    private static partial void LogOptedOut(ILogger logger, int customers);
}
