using System.Net;
using System.Net.Sockets;

namespace Campaign.Tests.Support;

/// <summary>
/// Loopback ports for the servers tests start. They come from below the usual ephemeral range (32768–60999 on Linux),
/// where the system also picks the local ports of outgoing connections, so a port handed out is not taken by some
/// connection before its server binds it; and no port is handed out twice by one test run.
/// </summary>
public static class FreePort
{
    private const int First = 20_000;
    private const int Last = 32_000;
    private static readonly Lock Gate = new();
    private static int _next = First + Random.Shared.Next(0, Last - First);

    public static int Next()
    {
        lock (Gate)
        {
            for (var tried = 0; tried <= Last - First; tried++)
            {
                var port = _next;
                _next = _next >= Last ? First : _next + 1;
                if (CanBind(port))
                {
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"no free loopback port between {First} and {Last}");
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
