using System.Reflection;

namespace Campaign.UnitTests.Support;

/// <summary>
/// An implementation of interface <typeparamref name="T"/> whose every call is answered by a handler, for ports a test
/// needs only one or two methods of. Not sealed: <see cref="DispatchProxy"/> derives from it.
/// </summary>
public class Stub<T> : DispatchProxy
    where T : class
{
    private Func<MethodInfo, object?[], object?> _handler = (method, _) => throw new NotSupportedException($"{typeof(T).Name}.{method.Name}");

    /// <summary>A <typeparamref name="T"/> whose calls all throw <see cref="NotSupportedException"/>.</summary>
    public static T Unused() => Create<T, Stub<T>>();

    public static T Of(Func<MethodInfo, object?[], object?> handler)
    {
        var stub = Create<T, Stub<T>>();
        ((Stub<T>)(object)stub)._handler = handler;
        return stub;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => _handler(targetMethod!, args ?? []);
}
