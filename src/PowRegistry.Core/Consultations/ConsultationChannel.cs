
namespace PowRegistry.Core.Consultations;

public enum ConsultationChannel
{
    Meeting = 1,
    Call = 2,
    DiplomaticNote = 3,
    Letter = 4,
    VideoConference = 5,
}
