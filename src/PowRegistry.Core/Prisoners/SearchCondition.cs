using System.Linq.Expressions;

namespace PowRegistry.Core.Prisoners;

/// <summary>
/// One thing a matching prisoner must have among his search terms (a word starting with a typed word, a word equal
/// to it, or a name key meeting a typed name word), and how many index entries it has, counted up to a cap.
/// </summary>
internal sealed record SearchCondition(Expression<Func<PrisonerSearchTerm, bool>> Term, int CappedCount);
