namespace Campaign.Abstractions.Storage;

/// <summary>Optional customer data a script may rely on.</summary>
public enum CustomerData
{
    Area,
    Address,
    Issue,
    Attribute,
}
