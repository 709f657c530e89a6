namespace Messaging.Core.Common;

/// <summary>What went wrong when a use case refuses: the caller maps it to 404, a validation message, or 403.</summary>
public enum FailureKind
{
    None,
    NotFound,
    Invalid,
    Forbidden,
}

/// <summary>
/// The outcome of a use case. Failures a user can cause come back here (with the form field they
/// concern); exceptions are kept for bugs.
/// </summary>
public sealed record Result<T>(T? Value, FailureKind Failure, string? Field, string? Error)
{
    public bool Succeeded => Failure == FailureKind.None;

    public static Result<T> Ok(T value) => new(value, FailureKind.None, null, null);

    public static Result<T> NotFound() => new(default, FailureKind.NotFound, null, "Not found.");

    public static Result<T> Invalid(string field, string error) => new(default, FailureKind.Invalid, field, error);

    public static Result<T> Forbidden(string error) => new(default, FailureKind.Forbidden, null, error);
}
