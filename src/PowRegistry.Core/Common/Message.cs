namespace PowRegistry.Core.Common;

/// <summary>
/// Text a user reads, as a key into the resources (PowRegistry.Web: Resources/MessageResource.resx) and the values
/// for its placeholders ({0}, {1}…). Core never holds the words: the Web resolves the key in the reader's language
/// where the text is shown. An argument may itself be a <see cref="Message"/>, or an enum value (shown by its label).
/// </summary>
public sealed record Message(string Key, params object?[] Args)
{
    public bool Equals(Message? other) => other is not null && Key == other.Key && Args.SequenceEqual(other.Args);

    public override int GetHashCode() => Args.Aggregate(Key.GetHashCode(StringComparison.Ordinal), (hash, arg) => HashCode.Combine(hash, arg));

    public override string ToString() => Args.Length == 0 ? Key : $"{Key}({string.Join(", ", Args)})";
}
