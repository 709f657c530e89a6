using Messaging.Core.Audit;

namespace Messaging.Web.Infrastructure;

/// <summary>
/// The client address of the current request, as the connection reports it (IPv4-mapped IPv6
/// addresses shown as IPv4). Behind a reverse proxy this is the proxy unless forwarded headers are
/// configured for it.
/// </summary>
public sealed class HttpRequestOrigin(IHttpContextAccessor http) : IRequestOrigin
{
    public string? IpAddress
    {
        get
        {
            var address = http.HttpContext?.Connection.RemoteIpAddress;
            if (address is null)
            {
                return null;
            }

            return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
        }
    }
}
