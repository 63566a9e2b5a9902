namespace PowRegistry.Core.Common;

/// <summary>
/// An <see cref="IProgress{T}"/> that reports at once, on the caller's thread, in order (unlike <see cref="Progress{T}"/>,
/// which posts each report to the thread pool): counts reach a console or a job's status as they happen.
/// </summary>
public sealed class ProgressRelay(Action<int> report) : IProgress<int>
{
    public void Report(int value) => report(value);
}
