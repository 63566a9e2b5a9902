using FluentValidation;
using FluentValidation.Results;

namespace PowRegistry.Core.Common;

/// <summary>Validators speak in message keys too: a rule's message is a key, its arguments ride in the rule's state.</summary>
public static class ValidationMessages
{
    /// <summary>The message of this rule: a key into the resources and its arguments.</summary>
    public static IRuleBuilderOptions<T, TProperty> Refuse<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, string key, params object?[] args) =>
        rule.WithMessage(key).WithState(_ => new Message(key, args));

    public static IReadOnlyList<Refusal> ToRefusals(this ValidationResult validation) =>
        validation.Errors.Select(e => new Refusal(RefusalKind.Invalid, e.CustomState as Message ?? new Message(e.ErrorMessage), e.PropertyName)).ToList();
}
