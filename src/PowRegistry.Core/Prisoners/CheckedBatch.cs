using PowRegistry.Core.Common;

namespace PowRegistry.Core.Prisoners;

/// <summary>
/// The outcome of <see cref="BatchRegistrationService.CheckNewAsync"/>: each input's refusals, in order, and the desk
/// each valid one goes to. Only the service makes one, so <see cref="BatchRegistrationService.SaveCheckedAsync"/> can
/// save its valid rows without running the same checks again (an import checks its file once, ADR-017).
/// </summary>
public sealed class CheckedBatch
{
    internal CheckedBatch(IReadOnlyList<PrisonerInput> inputs, IReadOnlyList<IReadOnlyList<Refusal>> refusals, IReadOnlyList<int> deskIds)
    {
        Inputs = inputs;
        Refusals = refusals;
        DeskIds = deskIds;
    }

    public IReadOnlyList<PrisonerInput> Inputs { get; }

    /// <summary>Each input's refusals (empty when it passed), in the order of <see cref="Inputs"/>.</summary>
    public IReadOnlyList<IReadOnlyList<Refusal>> Refusals { get; }

    internal IReadOnlyList<int> DeskIds { get; }
}
