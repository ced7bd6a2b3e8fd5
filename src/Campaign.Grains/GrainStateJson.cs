using Newtonsoft.Json;
using Orleans.Serialization;

namespace Campaign.Grains;

/// <summary>
/// How grain state is read back from storage (Orleans' Newtonsoft JSON). Newtonsoft's default fills an object that a
/// property already holds instead of replacing it, so reading a call whose follow-up is a callback would write that
/// callback into the shared <c>FollowUp.None</c> that a new session starts with, and every later call would inherit it.
/// Stored state always gets new objects.
/// </summary>
public static class GrainStateJson
{
    public static void Configure(OrleansJsonSerializerOptions options) =>
        options.JsonSerializerSettings.ObjectCreationHandling = ObjectCreationHandling.Replace;
}
