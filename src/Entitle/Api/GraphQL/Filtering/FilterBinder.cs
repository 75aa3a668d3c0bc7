using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Entitle.Api.GraphQL.Scalars;
using Entitle.Domain;
using Entitle.Persistence;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace Entitle.Api.GraphQL.Filtering;

/// <summary>
/// Turns <c>filters</c> and <c>order</c> into LINQ that EF translates to SQL. Every client value becomes a SQL
/// parameter, never SQL text; a value that does not fit its field is refused with a sentence naming it.
/// </summary>
public static class FilterBinder
{
    public const int MaxFilters = 20;
    public const int MaxValues = 100;
    public const int MaxValueLength = 1000;

    private static readonly MethodInfo StringCompare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
    private static readonly MethodInfo StringToLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;
    private static readonly MethodInfo Like = typeof(DbFunctionsExtensions).GetMethod(
        nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    private static readonly Expression Functions = Expression.Property(null, typeof(EF), nameof(EF.Functions));

    public static IQueryable<T> Apply<T>(IQueryable<T> source, FilterFieldSet<T> set, FilterScope scope, IReadOnlyList<FilterInput>? filters)
    {
        if (filters is null)
        {
            return source;
        }

        if (filters.Count > MaxFilters)
        {
            throw Invalid($"filters: at most {MaxFilters} filters are accepted.");
        }

        for (var i = 0; i < filters.Count; i++)
        {
            var filter = filters[i];
            var field = set.Find(scope, filter.Field) ?? throw Invalid($"filters[{i}].field: \"{filter.Field}\" cannot be filtered on.");
            source = source.Where(Predicate(field, filter, $"filters[{i}]"));
        }

        return source;
    }

    public static IQueryable<T> Order<T>(IQueryable<T> source, FilterFieldSet<T> set, FilterScope scope, OrderInput? order)
    {
        if (order is null)
        {
            return OrderBy(source, set.DefaultOrder, nameof(Queryable.OrderBy));
        }

        var field = set.Find(scope, order.Field) ?? throw Invalid($"order.field: \"{order.Field}\" cannot be ordered by.");
        var ordered = OrderBy(source, field.Selector, order.Direction == OrderDirection.Desc ? nameof(Queryable.OrderByDescending) : nameof(Queryable.OrderBy));
        return OrderBy(ordered, set.DefaultOrder, order.Direction == OrderDirection.Desc ? nameof(Queryable.ThenByDescending) : nameof(Queryable.ThenBy));
    }

    private static IQueryable<T> OrderBy<T>(IQueryable<T> source, LambdaExpression key, string method)
    {
        var call = Expression.Call(typeof(Queryable), method, [typeof(T), key.ReturnType], source.Expression, Expression.Quote(key));
        return source.Provider.CreateQuery<T>(call);
    }

    private static Expression<Func<T, bool>> Predicate<T>(FilterField<T> field, FilterInput filter, string label)
    {
        var body = field.Selector.Body;
        var parameter = field.Selector.Parameters[0];
        var test = filter.Operation switch
        {
            FilterOperation.Eq => Equal(body, Single(field, filter, label)),
            FilterOperation.Ne => Expression.Not(Equal(body, Single(field, filter, label))),
            FilterOperation.Gt => Compare(field, body, Single(field, filter, label), ExpressionType.GreaterThan, label),
            FilterOperation.Ge => Compare(field, body, Single(field, filter, label), ExpressionType.GreaterThanOrEqual, label),
            FilterOperation.Lt => Compare(field, body, Single(field, filter, label), ExpressionType.LessThan, label),
            FilterOperation.Le => Compare(field, body, Single(field, filter, label), ExpressionType.LessThanOrEqual, label),
            FilterOperation.Like => Matches(field, body, LikePattern(RequireValue(filter, label).ToLowerInvariant()), label),
            FilterOperation.Wordlike => AllOf(RequireValue(filter, label)
                .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .Select(word => Matches(field, body, LikePatterns.ContainsIgnoringCase(word), label))),
            FilterOperation.Contains => AllOf(RequireValues(filter, label)
                .Select(v => Matches(field, body, LikePatterns.ContainsIgnoringCase(v), label))),
            FilterOperation.In => AnyOf(RequireValues(filter, label).Select(v => Equal(body, Parse(field, v, label + ".values")))),
            FilterOperation.Notin => Expression.Not(AnyOf(RequireValues(filter, label).Select(v => Equal(body, Parse(field, v, label + ".values"))))),
            FilterOperation.Isnull => IsNullable(body.Type) ? Expression.Equal(body, Expression.Constant(null, body.Type)) : Expression.Constant(false),
            FilterOperation.Notnull => IsNullable(body.Type) ? Expression.NotEqual(body, Expression.Constant(null, body.Type)) : Expression.Constant(true),
            _ => throw Invalid($"{label}.operation is not supported."),
        };
        return Expression.Lambda<Func<T, bool>>(test, parameter);
    }

    private static Expression Single<T>(FilterField<T> field, FilterInput filter, string label) =>
        Parse(field, RequireValue(filter, label), label + ".value");

    private static string RequireValue(FilterInput filter, string label)
    {
        var value = filter.Value ?? throw Invalid($"{label}.value is required for operation {Wire(filter.Operation)}.");
        return Checked(value, label + ".value");
    }

    /// <summary>
    /// Refuses what no column can hold: overlong text, NUL, which PostgreSQL text cannot store, and a lone
    /// surrogate, which cannot be encoded to send it (SQLite would only have matched nothing).
    /// </summary>
    private static string Checked(string value, string label)
    {
        if (value.Length > MaxValueLength)
        {
            throw Invalid($"{label} is longer than {MaxValueLength} characters.");
        }

        if (!InputText.HasValidSurrogates(value))
        {
            throw Invalid($"{label} is not valid Unicode text: it holds half of a surrogate pair.");
        }

        return value.Contains('\0', StringComparison.Ordinal) ? throw Invalid($"{label} contains a NUL character.") : value;
    }

    /// <summary>
    /// The caller's LIKE pattern with <c>%</c> and <c>_</c> as wildcards and <c>\%</c>, <c>\_</c>, <c>\\</c> as
    /// their literal forms; any other backslash is literal, so no pattern is malformed.
    /// </summary>
    private static string LikePattern(string pattern)
    {
        var result = new System.Text.StringBuilder(pattern.Length + 4);
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length && pattern[i + 1] is '%' or '_' or '\\')
            {
                result.Append(pattern, i, 2);
                i++;
            }
            else if (pattern[i] == '\\')
            {
                result.Append(@"\\");
            }
            else
            {
                result.Append(pattern[i]);
            }
        }

        return result.ToString();
    }

    private static List<string> RequireValues(FilterInput filter, string label)
    {
        var values = filter.Values ?? throw Invalid($"{label}.values is required for operation {Wire(filter.Operation)}.");
        if (values.Count > MaxValues)
        {
            throw Invalid($"{label}.values holds more than {MaxValues} values.");
        }

        return values.Select(v => v is null ? throw Invalid($"{label}.values must not hold null.") : Checked(v, label + ".values")).ToList();
    }

    /// <summary>The client's string as a SQL parameter of the field's type.</summary>
    private static Expression Parse<T>(FilterField<T> field, string text, string label)
    {
        var type = Nullable.GetUnderlyingType(field.Selector.ReturnType) ?? field.Selector.ReturnType;
        object value = field.Kind switch
        {
            FilterValueKind.Id => GlobalId.DecodeInt(text, field.IdPrefix!) ?? throw Invalid($"{label}: \"{text}\" is not a {field.IdPrefix} id."),
            FilterValueKind.StringId => GlobalId.DecodeString(text, field.IdPrefix!) ?? throw Invalid($"{label}: \"{text}\" is not a {field.IdPrefix} id."),
            FilterValueKind.Text => text,
            FilterValueKind.Instant => UtcDateTimeGraphType.TryParse(text, out var instant) ? instant : throw Invalid($"{label}: \"{text}\" is not an ISO-8601 date or instant."),
            FilterValueKind.Boolean => bool.TryParse(text, out var flag) ? flag : throw Invalid($"{label}: \"{text}\" is not true or false."),
            FilterValueKind.Enum => ParseEnum(type, text, label),
            _ => throw Invalid($"{label} cannot be read."),
        };
        return AsParameter(value, field.Selector.ReturnType);
    }

    private static object ParseEnum(Type type, string text, string label)
    {
        foreach (var name in Enum.GetNames(type))
        {
            if (Wire(name) == text)
            {
                return Enum.Parse(type, name);
            }
        }

        throw Invalid($"{label}: \"{text}\" is not one of {string.Join(", ", Enum.GetNames(type).Select(Wire))}.");
    }

    /// <summary>A closure-style member access, which EF sends as a parameter rather than inlining a literal.</summary>
    private static Expression AsParameter(object value, Type targetType)
    {
        var boxType = typeof(StrongBox<>).MakeGenericType(value.GetType());
        var box = Activator.CreateInstance(boxType, value)!;
        Expression access = Expression.Field(Expression.Constant(box), nameof(StrongBox<object>.Value));
        return access.Type == targetType ? access : Expression.Convert(access, targetType);
    }

    private static BinaryExpression Equal(Expression body, Expression value) => Expression.Equal(body, value);

    private static BinaryExpression Compare<T>(FilterField<T> field, Expression body, Expression value, ExpressionType comparison, string label)
    {
        switch (field.Kind)
        {
            case FilterValueKind.Text:
                return Expression.MakeBinary(comparison, Expression.Call(StringCompare, body, value), Expression.Constant(0));
            case FilterValueKind.Instant:
            case FilterValueKind.Id:
                return Expression.MakeBinary(comparison, body, value);
            default:
                throw Invalid($"{label}.operation: {field.Name} cannot be compared with gt, ge, lt or le.");
        }
    }

    private static MethodCallExpression Matches<T>(FilterField<T> field, Expression body, string lowerPattern, string label)
    {
        if (field.Kind != FilterValueKind.Text)
        {
            throw Invalid($"{label}.operation: {field.Name} is not text, so like, wordlike and contains do not apply.");
        }

        return Expression.Call(Like, Functions, Expression.Call(body, StringToLower), AsParameter(lowerPattern, typeof(string)), Expression.Constant(LikePatterns.EscapeCharacter));
    }

    private static Expression AllOf(IEnumerable<Expression> tests) =>
        tests.Aggregate((Expression)Expression.Constant(true), (all, t) => all is ConstantExpression { Value: true } ? t : Expression.AndAlso(all, t));

    private static Expression AnyOf(IEnumerable<Expression> tests) =>
        tests.Aggregate((Expression)Expression.Constant(false), (any, t) => any is ConstantExpression { Value: false } ? t : Expression.OrElse(any, t));

    private static bool IsNullable(Type type) => !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;

    private static string Wire(FilterOperation operation) => Wire(operation.ToString());

    private static string Wire(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static ExecutionError Invalid(string message) => new(message) { Code = "INVALID_FILTER" };
}
