namespace PowRegistry.Core.Common;

/// <summary>Why something was refused: what a page or the API answers (400, 404, 403, 409/412).</summary>
public enum RefusalKind
{
    /// <summary>The input or the move breaks a rule: the user can correct it.</summary>
    Invalid = 0,

    /// <summary>The record does not exist, or lies outside the user's desks: indistinguishable on purpose.</summary>
    NotFound = 1,

    /// <summary>The user may see the record but not do this (for example, only an administrator may).</summary>
    Forbidden = 2,

    /// <summary>Someone else saved first: nothing was overwritten.</summary>
    Conflict = 3,
}
