namespace PowRegistry.Core.Requests;

public enum RequestStatus
{
    Draft = 0,
    Submitted = 1,
    UnderConsultation = 2,
    Accepted = 3,
    Refused = 4,
    HandoverScheduled = 5,
    Completed = 6,
    Withdrawn = 7,
}
