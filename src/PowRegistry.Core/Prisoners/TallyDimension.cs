namespace PowRegistry.Core.Prisoners;

/// <summary>What a <see cref="RegisterTally"/> row counts; its value is the enum's number (0 where there is only one).</summary>
public enum TallyDimension
{
    /// <summary>Prisoners by <see cref="Prisoner.CustodyStatus"/>.</summary>
    Custody = 1,

    /// <summary>Prisoners by <see cref="Prisoner.CurrentWish"/> (those with none are not counted).</summary>
    Wish = 2,

    /// <summary>Prisoners by <see cref="Prisoner.CurrentWishVerification"/> (those with none are not counted).</summary>
    Verification = 3,

    /// <summary>Stored capture-card notifications sent after their deadline (value 0).</summary>
    LateCaptureCards = 4,

    /// <summary>Open (unsent) capture-card notifications by deadline (value: <see cref="DateOnly.DayNumber"/> of the due date).</summary>
    OpenCaptureCards = 5,

    /// <summary>Open notifications of every other kind by deadline (value: <see cref="DateOnly.DayNumber"/> of the due date).</summary>
    OpenOtherNotifications = 6,
}
