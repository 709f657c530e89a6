using Messaging.Core.Audit;
using Microsoft.AspNetCore.Identity;
using IdentitySignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Messaging.Web.Identity;

/// <summary>How a sign-in went: null error when signed in; <see cref="Unauthorized"/> when the account refused it (401).</summary>
public sealed record SignInOutcome(string? Error, bool Unauthorized = false)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Signs in with email and password (lockout after failed attempts) and audits the attempt, the account named when
/// the email is one (<see cref="RecordSignIn"/>). Identity lives in Web (docs/architecture-notes.md), so this does too.
/// </summary>
public sealed class PasswordSignIn(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, RecordSignIn record)
{
    public async Task<SignInOutcome> HandleAsync(string? email, string? password, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return new SignInOutcome("Enter your email and password.");
        }

        // The same look-up PasswordSignInAsync(userName, ...) does, kept so the audit entry knows the account.
        email = email.Trim();
        var user = await users.FindByNameAsync(email);
        var result = user is null ? IdentitySignInResult.Failed : await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        await record.HandleAsync(user?.Id, email, result.Succeeded, Describe(result, user is not null), ct);
        return result switch
        {
            { Succeeded: true } => new SignInOutcome(null),
            { IsLockedOut: true } => new SignInOutcome("This account is locked after too many failed sign-in attempts. Try again in 15 minutes.", Unauthorized: true),
            { IsNotAllowed: true } => new SignInOutcome("This account has been deactivated. Ask your administrator if you need access again.", Unauthorized: true),
            _ => new SignInOutcome("That email and password do not match an account.", Unauthorized: true),
        };
    }

    private static string? Describe(IdentitySignInResult result, bool knownAccount) => result switch
    {
        { Succeeded: true } => null,
        { IsLockedOut: true } => "account locked out",
        { IsNotAllowed: true } => "sign-in not allowed",
        _ when !knownAccount => "no account with this email",
        _ => "wrong password",
    };
}
