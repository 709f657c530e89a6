using Messaging.Tests.Infrastructure;

namespace Messaging.Tests.Live;

/// <summary>The member ids of demo accounts, in order, to compare with an audience.</summary>
internal static class AudienceMembers
{
    public static async Task<List<long>> MemberIdsAsync(this TestDatabase db, params string[] emails)
    {
        var ids = new List<long>();
        foreach (var email in emails)
        {
            ids.Add(await db.MemberIdAsync(email));
        }

        return ids.Order().ToList();
    }
}
