using FluentValidation.Results;

namespace PowRegistry.Core.Common;

/// <summary>Outcome of a service command: either a value, or the refusals that say why not (see <see cref="Refusal"/>).</summary>
public sealed class ServiceResult<T>
{
    private ServiceResult(T? value, IReadOnlyList<Refusal> errors, int? currentVersion = null)
    {
        Value = value;
        Errors = errors;
        CurrentVersion = currentVersion;
    }

    public T? Value { get; }
    public IReadOnlyList<Refusal> Errors { get; }
    public bool Succeeded => Errors.Count == 0;

    /// <summary>The most serious kind among the refusals: not found, then forbidden, then conflict, then invalid.</summary>
    public RefusalKind? Kind =>
        Errors.Count == 0 ? null
        : Errors.Any(e => e.Kind == RefusalKind.NotFound) ? RefusalKind.NotFound
        : Errors.Any(e => e.Kind == RefusalKind.Forbidden) ? RefusalKind.Forbidden
        : Errors.Any(e => e.Kind == RefusalKind.Conflict) ? RefusalKind.Conflict
        : RefusalKind.Invalid;

    /// <summary>The record does not exist or is outside the user's desks: the page answers 404.</summary>
    public bool IsNotFound => Kind == RefusalKind.NotFound;

    /// <summary>Set when the save was refused because someone else saved first: the version the form must now carry.</summary>
    public int? CurrentVersion { get; }

    public static ServiceResult<T> Success(T value) => new(value, []);
    public static ServiceResult<T> NotFound() => new(default, [Refusal.NotFound()]);
    public static ServiceResult<T> Forbidden(string key, params object?[] args) => new(default, [Refusal.Forbidden(key, args)]);

    /// <summary>Someone else saved first: the refusals say what now differs, and the version the form must carry.</summary>
    public static ServiceResult<T> Conflict(IReadOnlyList<Refusal> errors, int currentVersion) => new(default, errors, currentVersion);

    public static ServiceResult<T> Failure(IReadOnlyList<Refusal> errors) => new(default, errors);
    public static ServiceResult<T> Failure(Refusal error) => new(default, [error]);

    /// <summary>One invalid-input refusal next to a field: a message key and its arguments.</summary>
    public static ServiceResult<T> Failure(string field, string key, params object?[] args) => new(default, [Refusal.Invalid(key, args).On(field)]);

    /// <summary>The validator's refusals: each rule's message is a key (see <see cref="ValidationMessages.Refuse{T, TProperty}"/>).</summary>
    public static ServiceResult<T> Failure(ValidationResult validation) => new(default, validation.ToRefusals());
}
