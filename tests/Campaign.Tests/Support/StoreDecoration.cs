using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Storage;

namespace Campaign.Tests.Support;

/// <summary>
/// Puts a wrapper around a store the silo registered (an instance, a factory or a type), whatever store that is, so a
/// test's decorator runs over SQLite and over Azure Tables alike. Call after the silo's own registrations.
/// </summary>
public static class StoreDecoration
{
    /// <summary>Replaces the registered <typeparamref name="T"/> with <paramref name="wrap"/> around it; nothing when none is registered.</summary>
    public static void Decorate<T>(IServiceCollection services, Func<T, T> wrap)
        where T : class
    {
        if (services.LastOrDefault(d => d.ServiceType == typeof(T) && !d.IsKeyedService) is not { } registered)
        {
            return;
        }

        services.RemoveAll(typeof(T));
        services.AddSingleton<T>(sp => wrap(Resolve<T>(sp, registered)));
    }

    /// <summary>Replaces every named grain storage with <paramref name="wrap"/> around it.</summary>
    public static void DecorateGrainStorage(IServiceCollection services, Func<IGrainStorage, IGrainStorage> wrap)
    {
        foreach (var storage in services.Where(d => d.IsKeyedService && d.ServiceType == typeof(IGrainStorage)).ToList())
        {
            var factory = storage.KeyedImplementationFactory!;
            services.Remove(storage);
            services.AddKeyedSingleton<IGrainStorage>(storage.ServiceKey, (sp, key) => wrap((IGrainStorage)factory(sp, key)));
        }
    }

    private static T Resolve<T>(IServiceProvider services, ServiceDescriptor registered)
        where T : class =>
        registered.ImplementationInstance as T
        ?? (registered.ImplementationFactory is { } factory
            ? (T)factory(services)
            : (T)ActivatorUtilities.GetServiceOrCreateInstance(services, registered.ImplementationType!));
}
