namespace Messaging.Tests.Infrastructure;

/// <summary>The demo accounts the seed creates.</summary>
public static class Demo
{
    public const string Admin = "admin@demo.local";
    public const string Staff = "staff@demo.local";
    public const string Viewer = "viewer@demo.local";
    public const string Client = "client@demo.local";
    public const string Client2 = "client2@demo.local";
    public const string Manager = "manager@demo.local";
    public const string Subcontractor = "sub@demo.local";
}
