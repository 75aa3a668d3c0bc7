using Entitle.Api.Tms;
using static Entitle.Tests.Hardening.Hostile.TmsRequests;

namespace Entitle.Tests.Hardening.Hostile;

/// <summary>
/// Hostile TMS calls generated from the method declarations the endpoint itself checks requests with: injection
/// strings in every parameter of every Search* method and text lookup, and in every text parameter of every
/// changing method (which must refuse); wrong types and overflowing numbers and epochs in every typed parameter;
/// every method's parameter given twice.
/// </summary>
public static class TmsMethodCorpus
{
    private static readonly string[] WrongNumbers =
    [
        "2147483648", "-2147483649", "99999999999999999999", "1e3", "0x1F", "1.5", "1,000", "١٢", "１", "VHJhaW5pbmdQYXNzVHlwZTox", "true", "--1", "1 OR 1=1", "NaN",
    ];

    private static readonly string[] WrongEpochs =
    [
        "253402300800", "-1", "9223372036854775808", "18446744073709551616", "1e10", "1893456000.5", "2030-01-01", "2030-01-01T00:00:00Z", "0x7FFFFFFF", "+1893456000", "١٨٩٣٤٥٦٠٠٠", "Infinity",
    ];

    private static readonly string[] WrongBooleans = ["yes", "2", "on", "-1", "truee", "' OR 1=1 --"];

    /// <summary>The hostile strings sent to changing methods, which must refuse them (their ids name nothing).</summary>
    private static readonly string[] ForChanges = ["sql-or-true", "sql-drop-table", "nul", "rtl-emoji", "lone-surrogate", "long-5000", "html"];

    public static IEnumerable<HostileRequest> All(TmsMethods methods) =>
    [
        .. Searches(methods),
        .. TextLookups(methods),
        .. Changes(methods),
        .. WrongTypes(methods),
        .. Duplicates(methods),
    ];

    private static bool IsSearch(TmsMethod method) => method.Name.StartsWith("Search", StringComparison.Ordinal);

    private static bool IsRead(TmsMethod method) => IsSearch(method) || method.Name.StartsWith("Get", StringComparison.Ordinal) || method.Name.StartsWith("Check", StringComparison.Ordinal);

    /// <summary>Every parameter of every search, with every hostile string: it matches nothing or is refused naming the parameter.</summary>
    private static IEnumerable<HostileRequest> Searches(TmsMethods methods)
    {
        foreach (var method in methods.All.Where(IsSearch))
        {
            foreach (var parameter in method.Parameters)
            {
                foreach (var hostile in HostileString.All.Where(s => !s.IsBlank))
                {
                    var expected = parameter.Type is TmsType.Text or TmsType.List && parameter.Name != "sort" && hostile.Name != "nul"
                        ? HostileExpectation.TmsErrorOrEmptySearch(parameter.Name)
                        : HostileExpectation.TmsError(10) with { Mentions = parameter.Name };
                    yield return Call($"search: {method.Name} {parameter.Name} {hostile.Name}", method.Name, $"{parameter.Name}={hostile.Encoded}", expected);
                }
            }

            // Aliases are served by the same handler; one hostile value each proves they are read the same way.
            foreach (var alias in method.Names.Skip(1))
            {
                foreach (var parameter in method.Parameters)
                {
                    yield return Call($"search: {alias} {parameter.Name} sql-or-true", alias, $"{parameter.Name}={HostileString.Named("sql-or-true").Encoded}", parameter.Type is TmsType.Text or TmsType.List && parameter.Name != "sort"
                        ? HostileExpectation.TmsErrorOrEmptySearch(parameter.Name)
                        : HostileExpectation.TmsError(10) with { Mentions = parameter.Name });
                }
            }

            yield return Get($"search: {method.Name} the last page there can be", $"{method.Name}?pageIndex=2147483647&pageSize=1000", HostileExpectation.TmsEmptyPage());
            foreach (var size in new[] { "0", "-1", "1001", "2147483647" })
            {
                yield return Get($"search: {method.Name} pageSize {size}", $"{method.Name}?pageSize={size}", HostileExpectation.TmsError(10) with { Mentions = "pageSize" });
            }

            yield return Get($"search: {method.Name} pageIndex -1", $"{method.Name}?pageIndex=-1", HostileExpectation.TmsError(10) with { Mentions = "pageIndex" });
            foreach (var (name, sort) in new[] { ("a direction alone", "%20DESC"), ("two directions", "Id%20DESC%20ASC"), ("a tab", "Id%09DESC"), ("SQL", "Id%3B%20DROP%20TABLE%20passes"), ("a column", "secret_hash"), ("a number", "1") })
            {
                yield return Get($"search: {method.Name} sort {name}", $"{method.Name}?sort={sort}", HostileExpectation.TmsError(10) with { Mentions = "sort" });
            }

            foreach (var epoch in method.Parameters.Where(p => p.Type == TmsType.Epoch && p.Name.EndsWith("After", StringComparison.Ordinal)))
            {
                yield return Get($"search: {method.Name} {epoch.Name} the last second .NET represents", $"{method.Name}?{epoch.Name}=253402300799", HostileExpectation.TmsEmptySearch());
            }

            foreach (var epoch in method.Parameters.Where(p => p.Type == TmsType.Epoch && p.Name.EndsWith("Before", StringComparison.Ordinal)))
            {
                yield return Get($"search: {method.Name} {epoch.Name} the epoch", $"{method.Name}?{epoch.Name}=0", HostileExpectation.TmsEmptySearch());
            }
        }
    }

    /// <summary>Methods that look a record up by text: any hostile text finds nothing.</summary>
    private static IEnumerable<HostileRequest> TextLookups(TmsMethods methods)
    {
        foreach (var method in methods.All.Where(m => m.Name.StartsWith("Get", StringComparison.Ordinal) && m.Parameters.Where(p => p.Required).All(p => p.Type == TmsType.Text)))
        {
            var parameter = method.Parameters.Single(p => p.Required);
            foreach (var hostile in HostileString.All.Where(s => !s.IsBlank))
            {
                yield return Call($"lookup: {method.Name} {parameter.Name} {hostile.Name}", method.Name, $"{parameter.Name}={hostile.Encoded}", HostileExpectation.TmsError(10, 20));
            }
        }
    }

    /// <summary>
    /// Every text parameter of every changing method, hostile, in a form body; every id names nothing, so each call
    /// must be refused whatever it makes of the text.
    /// </summary>
    private static IEnumerable<HostileRequest> Changes(TmsMethods methods)
    {
        foreach (var method in methods.All.Where(m => !IsRead(m)))
        {
            foreach (var parameter in method.Parameters.Where(p => p.Type is TmsType.Text or TmsType.List))
            {
                foreach (var hostile in ForChanges.Select(HostileString.Named))
                {
                    var others = method.Parameters.Where(p => p != parameter).Select(p => $"{p.Name}={ValidValue(p, Unknown)}");
                    var form = string.Join("&", others.Append($"{parameter.Name}={hostile.Encoded}"));
                    yield return Form($"change: {method.Name} {parameter.Name} {hostile.Name}", method.Name, form, HostileExpectation.TmsError());
                }
            }
        }
    }

    /// <summary>
    /// Every typed parameter of every method, with wrong values in turn; every other parameter is well-formed, so
    /// the refusal must name the bad one, and nothing runs.
    /// </summary>
    private static IEnumerable<HostileRequest> WrongTypes(TmsMethods methods)
    {
        var turn = 0;
        foreach (var method in methods.All)
        {
            foreach (var parameter in method.Parameters.Where(p => p.Type is TmsType.Number or TmsType.Epoch or TmsType.Boolean))
            {
                var wrong = parameter.Type switch
                {
                    TmsType.Number => WrongNumbers,
                    TmsType.Epoch => WrongEpochs,
                    _ => WrongBooleans,
                };
                for (var i = 0; i < 3; i++, turn++)
                {
                    var value = wrong[turn % wrong.Length];
                    var others = method.Parameters.Where(p => p != parameter && p.Required).Select(p => $"{p.Name}={ValidValue(p, "1")}");
                    var query = string.Join("&", others.Append($"{parameter.Name}={Uri.EscapeDataString(value)}"));
                    yield return Get($"wrong type: {method.Name} {parameter.Name} {value}", $"{method.Name}?{query}", HostileExpectation.TmsError(10) with { Mentions = parameter.Name });
                }
            }
        }
    }

    /// <summary>Every method and alias, its first parameter given twice: the same value in another case, in the query and in the form.</summary>
    private static IEnumerable<HostileRequest> Duplicates(TmsMethods methods)
    {
        foreach (var method in methods.All.Where(m => m.Parameters.Count > 0))
        {
            var first = method.Parameters[0];
            var value = ValidValue(first, Unknown);
            foreach (var name in method.Names)
            {
                var twice = HostileExpectation.TmsError(10) with { Mentions = "more than once" };
                yield return Get($"duplicate: {name} {first.Name} in two cases", $"{name}?{first.Name}={value}&{first.Name.ToUpperInvariant()}={value}", twice);
                yield return Form($"duplicate: {name} {first.Name} in the query and the form", $"{name}?{first.Name}={value}", $"{first.Name.ToLowerInvariant()}={value}", twice);
            }

            if (method.Parameters.Any(p => p.Name.Equals("id", StringComparison.OrdinalIgnoreCase)))
            {
                yield return Get($"duplicate: {method.Name} id in the route and the query", $"{method.Name}/1?id=2", HostileExpectation.TmsError(10) with { Mentions = "more than once" });
            }
        }
    }

    /// <summary>A value the parameter reader accepts; numbers are <paramref name="number"/>.</summary>
    private static string ValidValue(TmsParameter parameter, string number) => parameter.Type switch
    {
        TmsType.Number => number,
        TmsType.Epoch => In2030,
        TmsType.Boolean => "false",
        _ => "x",
    };
}
