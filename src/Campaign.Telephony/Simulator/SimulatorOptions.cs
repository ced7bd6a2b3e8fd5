namespace Campaign.Telephony.Simulator;

/// <summary>The built-in telephony simulator (<c>Telephony:Simulator:*</c>).</summary>
public sealed class SimulatorOptions
{
    /// <summary>Makes every virtual customer and every call deterministic.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Simulated seconds per real second: 60 turns a five-minute call into five seconds.</summary>
    public double TimeScale { get; set; } = 60;

    /// <summary>
    /// The share of virtual customers who ask to be called back "tomorrow at 5 pm". Such a callback keeps their
    /// campaign running until then, so tests that need a campaign to finish within minutes set 0.
    /// </summary>
    public double CallbackShare { get; set; } = VirtualCustomer.DefaultCallbackShare;

    /// <summary>Real time between a simulated text's acceptance, its <c>sent</c> report and its <c>delivered</c> report.</summary>
    public TimeSpan TextDeliveryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The share of virtual customers who reply STOP to a text (by number and seed).</summary>
    public double TextStopShare { get; set; } = 0.2;

    /// <summary>
    /// The share of virtual customers who ask to speak to a person after the opening. 0 by default, so outcomes and
    /// benchmarks do not depend on it; the local profile sets a few percent so that the demo shows transfers.
    /// </summary>
    public double PersonShare { get; set; }

    /// <summary>The chance that a virtual colleague answers a transfer (the rest are busy or do not answer, half each).</summary>
    public double TransferAnswerRate { get; set; } = 0.8;

    /// <summary>When set, every call is answered at once and lasts exactly this long in real time (load tests).</summary>
    public TimeSpan? FixedCallDuration { get; set; }
}
