using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Entitle.Persistence;

/// <summary>Stores an enum as its lower-case name (<c>published</c>), the spelling both APIs use.</summary>
public sealed class LowerCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    v => v.ToString().ToLowerInvariant(),
    v => Enum.Parse<TEnum>(v, true))
    where TEnum : struct, Enum;
