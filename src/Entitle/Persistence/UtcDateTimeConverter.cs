using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Entitle.Persistence;

/// <summary>Marks every instant read from or written to the database as UTC.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
