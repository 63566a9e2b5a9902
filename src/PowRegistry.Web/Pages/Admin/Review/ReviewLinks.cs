using System.Globalization;

using PowRegistry.Core.Requests;

namespace PowRegistry.Web.Pages.Admin.Review;

/// <summary>The filtered lists the review's figures link to.</summary>
public static class ReviewLinks
{
    public static string ConsultationsOf(int counterpartId) => "/Consultations?Counterpart=" + counterpartId.ToString(CultureInfo.InvariantCulture);

    public const string OverdueLink = "/Consultations?Overdue=true";
    public const string StalledLink = "/Consultations?Stalled=true";
    public static readonly string UnderConsultationLink = "/Requests?Status=" + ((int)RequestStatus.UnderConsultation).ToString(CultureInfo.InvariantCulture);
    public const string FlaggedLink = "/Requests?Flagged=true";
    public const string HandoversDueLink = "/Requests?HandoverDue=true";
    public const string OverdueNotificationsLink = "/Notifications?overdue=true";
    public const string CaptureCardsLink = "/Notifications?overdue=true&kind=CaptureCard";
}
