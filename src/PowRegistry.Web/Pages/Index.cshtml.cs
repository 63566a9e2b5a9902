using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PowRegistry.Web.Pages;

public sealed class IndexModel : PageModel
{
    public void OnGet() { }
}
