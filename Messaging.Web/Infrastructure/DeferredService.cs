namespace Messaging.Web.Infrastructure;

/// <summary>
/// <see cref="Lazy{T}"/> from the container: a constructor that takes <c>Lazy&lt;T&gt;</c> gets <typeparamref name="T"/>
/// built (from the request's scope) only when a handler first uses it. The thread page takes its use cases this way,
/// so a reply POST builds the sender and the upload reader, not the whole page's reads. Registered once, as an open
/// generic (<c>AddDeferredServices</c>); nothing else resolves services by hand.
/// </summary>
public sealed class DeferredService<T>(IServiceProvider services) : Lazy<T>(services.GetRequiredService<T>)
    where T : notnull;
