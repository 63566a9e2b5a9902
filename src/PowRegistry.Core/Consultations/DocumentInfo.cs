namespace PowRegistry.Core.Consultations;

/// <summary>A document's description, without its content.</summary>
public sealed record DocumentInfo(int Id, string FileName, string ContentType, int Size, string UploadedBy, DateTimeOffset UploadedAt);
