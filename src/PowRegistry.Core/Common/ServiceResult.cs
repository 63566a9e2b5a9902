using FluentValidation.Results;

namespace PowRegistry.Core.Common;

/// <summary>Outcome of a service command: either a value, or errors to show next to the fields.</summary>
public sealed class ServiceResult<T>
{
    private ServiceResult(T? value, IReadOnlyList<FieldError> errors, bool notFound = false, int? currentVersion = null)
    {
        Value = value;
        Errors = errors;
        IsNotFound = notFound;
        CurrentVersion = currentVersion;
    }

    public T? Value { get; }
    public IReadOnlyList<FieldError> Errors { get; }
    public bool Succeeded => Errors.Count == 0 && !IsNotFound;

    /// <summary>The record does not exist (or, later, is outside the user's desks): the page answers 404.</summary>
    public bool IsNotFound { get; }

    /// <summary>Set when the save was refused because someone else saved first: the version the form must now carry.</summary>
    public int? CurrentVersion { get; }

    public static ServiceResult<T> NotFound() => new(default, [], notFound: true);
    public static ServiceResult<T> Conflict(IReadOnlyList<FieldError> errors, int currentVersion) => new(default, errors, currentVersion: currentVersion);

    public static ServiceResult<T> Success(T value) => new(value, []);
    public static ServiceResult<T> Failure(IReadOnlyList<FieldError> errors) => new(default, errors);
    public static ServiceResult<T> Failure(string field, string message) => new(default, [new FieldError(field, message)]);
    public static ServiceResult<T> Failure(ValidationResult validation) =>
        new(default, validation.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)).ToList());
}
