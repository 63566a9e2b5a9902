using System.Linq.Expressions;

using Microsoft.EntityFrameworkCore;

namespace PowRegistry.Core.Data;

/// <summary>
/// Keyset ("seek") paging over a string sort key plus an integer id tie-breaker. Deep pages cost the same as
/// the first: the database seeks into the (key, id) index instead of skipping rows with OFFSET.
/// </summary>
public static class Keyset
{
    /// <param name="forward">True for the rows after (key, id) in the given direction; false for the rows before it.</param>
    public static IQueryable<T> Seek<T>(
        IQueryable<T> query, Expression<Func<T, string>> key, Expression<Func<T, int>> id,
        bool descending, bool forward, string cursorKey, int cursorId)
    {
        // Going back through a descending list is going forward through an ascending one, and vice versa.
        var greater = descending != forward;
        var cursor = new CursorValues(cursorKey, cursorId);
        var parameter = key.Parameters[0];
        var keyBody = key.Body;
        var idBody = new ReplaceParameter(id.Parameters[0], parameter).Visit(id.Body);

        var compare = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!,
            keyBody, Expression.Property(Expression.Constant(cursor), nameof(CursorValues.Key)));
        var zero = Expression.Constant(0);
        var cursorIdExpression = Expression.Property(Expression.Constant(cursor), nameof(CursorValues.Id));

        Expression keyBeyond = greater ? Expression.GreaterThan(compare, zero) : Expression.LessThan(compare, zero);
        Expression keyEqual = Expression.Equal(compare, zero);
        Expression idBeyond = greater ? Expression.GreaterThan(idBody, cursorIdExpression) : Expression.LessThan(idBody, cursorIdExpression);
        // The key's own bound first: implied by the OR, but said alone it is a range the (key, id) index can start at.
        // PostgreSQL does not find that range in the OR (a page deep in name order read 100,000 index entries).
        Expression keyNotBefore = greater ? Expression.GreaterThanOrEqual(compare, zero) : Expression.LessThanOrEqual(compare, zero);
        var predicate = Expression.AndAlso(keyNotBefore, Expression.OrElse(keyBeyond, Expression.AndAlso(keyEqual, idBeyond)));
        return query.Where(Expression.Lambda<Func<T, bool>>(predicate, parameter));
    }

    /// <summary>
    /// The rows whose key is not beyond <paramref name="bound"/> in the order: implied by a <see cref="Seek"/> back from a
    /// cursor with that key, but said on the key alone it is a range the (key, id) index can end at.
    /// </summary>
    public static IQueryable<T> Within<T>(IQueryable<T> query, Expression<Func<T, string>> key, bool descending, string bound)
    {
        var compare = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!,
            key.Body, Expression.Property(Expression.Constant(new CursorValues(bound, 0)), nameof(CursorValues.Key)));
        var zero = Expression.Constant(0);
        Expression within = descending ? Expression.GreaterThanOrEqual(compare, zero) : Expression.LessThanOrEqual(compare, zero);
        return query.Where(Expression.Lambda<Func<T, bool>>(within, key.Parameters[0]));
    }

    /// <summary>The same, when the id alone is the order.</summary>
    public static IQueryable<T> SeekById<T>(IQueryable<T> query, bool descending, bool forward, int cursorId) where T : class
    {
        var greater = descending != forward;
        return greater
            ? query.Where(e => EF.Property<int>(e, "Id") > cursorId)
            : query.Where(e => EF.Property<int>(e, "Id") < cursorId);
    }

    /// <summary>Orders by (key, id), ascending or descending.</summary>
    public static IOrderedQueryable<T> Order<T>(IQueryable<T> query, Expression<Func<T, string>> key, Expression<Func<T, int>> id, bool descending) =>
        descending ? query.OrderByDescending(key).ThenByDescending(id) : query.OrderBy(key).ThenBy(id);

    private sealed class CursorValues(string key, int id)
    {
        public string Key { get; } = key;
        public int Id { get; } = id;
    }

    private sealed class ReplaceParameter(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
