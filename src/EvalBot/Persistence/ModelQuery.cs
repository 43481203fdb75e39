using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EvalBot.Persistence;

/// <summary>
/// A query of one argument compiled once per model (<c>EF.CompileAsyncQuery</c>), for the reads every turn makes: it
/// skips the work EF Core does on each call of a LINQ query (walking the expression for its parameters, finding the
/// plan in the query cache). EF Core ties a compiled query to the first model it runs on, and the SQLite and
/// PostgreSQL contexts have a model each, so the compiled delegate is kept per model. The caller's cancellation reaches
/// the query, as it would a LINQ query's.
/// </summary>
public sealed class ModelQuery<TArgument, TResult>(Expression<Func<EvalBotDbContext, TArgument, TResult>> query)
{
    private readonly ConditionalWeakTable<IModel, Func<EvalBotDbContext, TArgument, CancellationToken, Task<TResult>>> _compiled = [];

    /// <summary>The query with a cancellation token as its last parameter, the form EF Core passes a token to.</summary>
    private readonly Expression<Func<EvalBotDbContext, TArgument, CancellationToken, TResult>> _cancellable =
        Expression.Lambda<Func<EvalBotDbContext, TArgument, CancellationToken, TResult>>(
            query.Body, query.Parameters[0], query.Parameters[1], Expression.Parameter(typeof(CancellationToken), "cancellationToken"));

    public Task<TResult> RunAsync(EvalBotDbContext db, TArgument argument, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _compiled.GetValue(db.Model, _ => EF.CompileAsyncQuery(_cancellable))(db, argument, cancellationToken);
    }
}
