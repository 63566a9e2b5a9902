using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace PowRegistry.Web.Infrastructure;

/// <summary>
/// A request that names no handler the page has (a POST to a page whose forms all name one, or an unknown
/// <c>?handler=</c>) is answered 404, or 405 when the page takes no such method, before the page renders. Razor Pages
/// would otherwise render the page with nothing loaded, and every page that loads its model in a handler would fail.
/// One rule here keeps every page safe, including pages not yet written.
/// </summary>
public sealed class UnmatchedHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var handlers = context.ActionDescriptor.HandlerMethods;
        if (context.HandlerMethod is not null || handlers.Count == 0)
        {
            await next();
            return;
        }
        var request = context.HttpContext.Request;
        var named = context.RouteData.Values["handler"] is string { Length: > 0 } || !string.IsNullOrEmpty(request.Query["handler"]);
        // A plain GET of a page without OnGet renders its defaults by design (a page whose only handler is its form's POST).
        if (!named && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
        {
            await next();
            return;
        }
        var takesMethod = handlers.Any(h => string.Equals(h.HttpMethod, request.Method, StringComparison.OrdinalIgnoreCase)
            || (HttpMethods.IsHead(request.Method) && HttpMethods.IsGet(h.HttpMethod)));
        context.Result = takesMethod ? new NotFoundResult() : new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }
}
