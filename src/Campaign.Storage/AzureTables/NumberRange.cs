namespace Campaign.Storage.AzureTables;

/// <summary>Customer numbers <see cref="First"/> to <see cref="Last"/>, both included.</summary>
internal readonly record struct NumberRange(long First, long Last)
{
    public bool Holds(long first, long last) => first >= First && last <= Last;
}
