using System.Text;
using Entitle.Tests.Support;
using static Entitle.Tests.Hardening.Hostile.GraphQLRequests;

namespace Entitle.Tests.Hardening.Hostile;

/// <summary>
/// Hostile GraphQL documents: injection strings in every filter field of every list (read from the live schema),
/// arguments and variables of the wrong type, numbers and instants that overflow, ids of every wrong shape, empty
/// and huge strings, deep and wide documents, duplicated and unknown names, and mutations that must be refused.
/// </summary>
public static class GraphQLDocumentCorpus
{
    private static readonly string[] FewOperations = ["in", "like", "wordlike", "contains"];

    /// <summary>
    /// Values every text field of every mutation must refuse: no column holds a NUL or half a surrogate pair, and
    /// none is 5,000 characters long.
    /// </summary>
    private static readonly (string Name, string Literal)[] RefusedEverywhere =
    [
        ("nul", Literal("a\u0000b")),

        // Written by hand: a JSON serializer would replace the lone surrogate with U+FFFD, which is text.
        ("lone-surrogate", "\"x\\ud800\""),
        ("long-5000", Literal(new string('z', 5000))),
    ];

    public static IEnumerable<HostileRequest> All(HostileCorpusSchema schema) =>
    [
        .. Filters(schema.Lists),
        .. MutationTexts(schema.TextFields),
        .. WrongTypes(),
        .. Overflows(),
        .. WrongIds(),
        .. EmptyAndHugeStrings(),
        .. DeepAndWide(),
        .. DuplicatesAndUnknowns(),
        .. RefusedMutations(),
    ];

    /// <summary>
    /// Every filter field of every list, with <c>eq</c> and each hostile string, and the other value-taking
    /// operations with a few: each value is data, so it matches nothing or is refused naming the filter.
    /// </summary>
    private static IEnumerable<HostileRequest> Filters(IReadOnlyList<FilterableList> lists)
    {
        foreach (var list in lists)
        {
            var query = $"query($filters: [{list.FilterType}!]) {{ {list.Root}(first: 100, filters: $filters) {{ edges {{ cursor }} pageInfo {{ totalRecords }} }} }}";
            foreach (var field in list.Fields)
            {
                foreach (var hostile in HostileString.All)
                {
                    yield return Filter(list, field, "eq", hostile, query);
                }

                foreach (var operation in FewOperations)
                {
                    foreach (var hostile in HostileString.Few)
                    {
                        yield return Filter(list, field, operation, hostile, query);
                    }
                }
            }
        }
    }

    /// <summary>Every text field, at any depth, of every mutation's input, with values no field may store.</summary>
    private static IEnumerable<HostileRequest> MutationTexts(IReadOnlyList<MutationTextField> fields)
    {
        foreach (var field in fields)
        {
            foreach (var (name, literal) in RefusedEverywhere)
            {
                yield return Refused($"text field: {field.Namespace}.{field.Operation} {field.Path} {name}", field.Document(literal));
            }
        }
    }

    private static HostileRequest Filter(FilterableList list, string field, string operation, HostileString hostile, string query)
    {
        object filter = operation is "in" or "notin" or "contains"
            ? new { field, operation, values = new[] { hostile.Text } }
            : new { field, operation, value = hostile.Text };
        var expected = hostile.Name switch
        {
            // What no column can hold is refused, whatever the field.
            "nul" or "long-5000" => HostileExpectation.GraphQLErrors() with { Mentions = "filters[0]" },
            _ => HostileExpectation.GraphQLErrorsOrEmptyList(list.Root) with { Mentions = "filters[0]" },
        };
        return Document($"filter: {list.Root}.{field} {operation} {hostile.Name}", query, expected, new { filters = new[] { filter } });
    }

    private static IEnumerable<HostileRequest> WrongTypes()
    {
        var invalid = HostileExpectation.GraphQLErrors();
        foreach (var (name, arguments) in new[]
        {
            ("first a string", "first: \"ten\""),
            ("first a float", "first: 1.5"),
            ("first a boolean", "first: true"),
            ("first a list", "first: [1]"),
            ("first an object", "first: {n: 1}"),
            ("first an enum", "first: TEN"),
            ("first negative", "first: -1"),
            ("offset a string", "offset: \"0\""),
            ("offset negative", "offset: -5"),
            ("after a number", "after: 123"),
            ("after a list", "after: [\"Q3Vyc29yOjA=\"]"),
            ("filters a string", "filters: \"code = 1\""),
            ("filters an object of the wrong type", "filters: {field: code}"),
            ("filter field a string", "filters: [{field: \"code\", operation: eq, value: \"x\"}]"),
            ("filter operation a string", "filters: [{field: code, operation: \"eq\", value: \"x\"}]"),
            ("filter operation in upper case", "filters: [{field: code, operation: EQ, value: \"x\"}]"),
            ("filter value a number", "filters: [{field: code, operation: eq, value: 5}]"),
            ("filter value an object", "filters: [{field: code, operation: eq, value: {a: 1}}]"),
            ("filter values a list of lists", "filters: [{field: code, operation: in, values: [[\"x\"]]}]"),
            ("filter value missing", "filters: [{field: code, operation: eq}]"),
            ("filter values missing", "filters: [{field: code, operation: in}]"),
            ("filter values holding null", "filters: [{field: code, operation: in, values: [null]}]"),
            ("filter like on state", "filters: [{field: lifecycleState, operation: like, value: \"%\"}]"),
            ("filter gt on state", "filters: [{field: lifecycleState, operation: gt, value: \"draft\"}]"),
            ("filter null field", "filters: [{field: null, operation: eq, value: \"x\"}]"),
            ("order a string", "order: \"code\""),
            ("order direction a number", "order: {field: code, direction: 1}"),
            ("order direction unknown", "order: {field: code, direction: sideways}"),
            ("order by an unknown field", "order: {field: password}"),
        })
        {
            yield return Document($"wrong type: {name}", $"{{ courseTemplates({arguments}) {{ edges {{ cursor }} }} }}", invalid);
        }

        const string ByFirst = "query($first: Int) { courseTemplates(first: $first) { edges { cursor } } }";
        foreach (var (name, value) in new (string, object)[]
        {
            ("a string", "ten"), ("a numeric string", "1"), ("a float", 1.5), ("a boolean", true), ("a list", new[] { 1 }), ("an object", new { n = 1 }),
        })
        {
            yield return Document($"wrong type: variable first {name}", ByFirst, invalid, new { first = value });
        }

        const string ById = "query($id: ID!) { node(id: $id) { id } }";
        yield return Document("wrong type: variable id an object", ById, invalid, new { id = new { a = 1 } });
        yield return Document("wrong type: variable id a list", ById, invalid, new { id = new[] { "a", "b" } });
        yield return Document("wrong type: variable id null", ById, invalid, new { id = (string?)null });
        yield return Document("wrong type: variable id a boolean", ById, invalid, new { id = true });
        yield return Document("wrong type: variable id missing", ById, invalid);
        yield return Document("wrong type: a variable declared with the wrong type", "query($f: String) { courseTemplates(first: $f) { edges { cursor } } }", invalid, new { f = "1" });
        yield return Document("wrong type: a list variable given a scalar", "query($f: [CourseTemplateFieldGraphFilter!]) { courseTemplates(filters: $f) { edges { cursor } } }", invalid, new { f = "code" });
        yield return Document("wrong type: a filter variable with an unknown field", "query($f: [CourseTemplateFieldGraphFilter!]) { courseTemplates(filters: $f) { edges { cursor } } }", invalid, new { f = new[] { new { field = "secret", operation = "eq", value = "x" } } });
        yield return Document("wrong type: a filter variable with an extra key", "query($f: [CourseTemplateFieldGraphFilter!]) { courseTemplates(filters: $f) { edges { cursor } } }", invalid, new { f = new[] { new { field = "code", operation = "eq", value = "x", sql = "1=1" } } });
        yield return Document("wrong type: contentAccess with booleans", "{ contentAccess(contactId: true, contentId: false) { granted } }", invalid);
        yield return Document("wrong type: contentAccess at a number", $"{{ contentAccess(contactId: \"{Ids.Person(31)}\", contentId: \"{Ids.Course(2)}\", at: 1700000000) {{ granted }} }}", invalid);
        yield return Document("wrong type: contentAccess at an object", $"{{ contentAccess(contactId: \"{Ids.Person(31)}\", contentId: \"{Ids.Course(2)}\", at: {{year: 2023}}) {{ granted }} }}", invalid);
        yield return Document("wrong type: a subscription operation", "subscription { trainingPasses { edges { cursor } } }", invalid);
        yield return Document("wrong type: a selection on a scalar", "{ courseTemplates { edges { cursor { length } } } }", invalid);
        yield return Document("wrong type: an object without a selection", "{ courseTemplates }", invalid);
        yield return Document("wrong type: a fragment on a scalar", "{ ...F } fragment F on String { length }", invalid);
        yield return Document("wrong type: a fragment on the wrong type", "{ ...F } fragment F on TrainingPass { id }", invalid);
        yield return Document("wrong type: an input type as a variable's output", "query($x: TrainingPass) { node(id: $x) { id } }", invalid);
        yield return Refused("wrong type: a mutation input of numbers", "mutation { trainingPass { createType(input: {code: 1, name: 2}) { errors { label } } } }");
        yield return Refused("wrong type: a mutation input that is null", "mutation { trainingPass { createType(input: null) { errors { label } } } }");
        yield return Refused("wrong type: a mutation input that is a list", "mutation { trainingPass { createType(input: [{code: \"L\", name: \"List\"}]) { errors { label } } } }");
        yield return Refused("wrong type: a mutation input missing a required field", Mutation("trainingPass", "createType", "code: \"MISSING\""));
        yield return Refused("wrong type: a state as a string", Mutation("trainingPass", "updateType", $"trainingPassTypeId: \"{Ids.Type(1)}\", lifecycleState: \"archived\""));
        yield return Refused("wrong type: a state in upper case", Mutation("trainingPass", "updateType", $"trainingPassTypeId: \"{Ids.Type(1)}\", lifecycleState: ARCHIVED"));
        yield return Refused("wrong type: a period value as a string", Mutation("trainingPass", "createTypeOption", $"trainingPassTypeId: \"{Ids.Type(1)}\", name: \"S\", validityPeriod: {{unit: days, value: \"30\"}}"));
        yield return Refused("wrong type: a period unit unknown", Mutation("trainingPass", "createTypeOption", $"trainingPassTypeId: \"{Ids.Type(1)}\", name: \"S\", validityPeriod: {{unit: fortnights, value: 1}}"));
        yield return Refused("wrong type: an amount as a number", Mutation("trainingPass", "createTypeOptionPrice", $"trainingPassTypeOptionId: \"{Ids.Option(1)}\", regionId: \"{Ids.Region("EU")}\", currencyCode: \"USD\", amount: 10.5"));
        yield return Refused("wrong type: ids given as a string", Mutation("trainingPass", "addContentToPassType", $"trainingPassTypeId: \"{Ids.Type(1)}\", courseIds: \"{Ids.Course(1)},{Ids.Course(2)}\""));
        yield return Refused("wrong type: an enabled flag as a string", Mutation("webhooks", "create", "url: \"https://example.com/hook\", eventTypes: [\"pass.issued\"], enabled: \"yes\""));
    }

    private static IEnumerable<HostileRequest> Overflows()
    {
        var invalid = HostileExpectation.GraphQLErrors();
        foreach (var (name, arguments) in new[]
        {
            ("first 2^31", "first: 2147483648"),
            ("first below -2^31", "first: -2147483649"),
            ("first of 30 digits", "first: 999999999999999999999999999999"),
            ("first of 100,000 digits", "first: " + new string('9', 100_000)),
            ("first as 1e400", "first: 1e400"),
            ("offset 2^31", "offset: 2147483648"),
            ("offset 2^63", "offset: 9223372036854775808"),
            ("after the cursor 2^31", $"after: \"{Cursor("2147483648")}\""),
            ("after a negative cursor", $"after: \"{Cursor("-1")}\""),
            ("after a cursor of 30 digits", $"after: \"{Cursor("999999999999999999999999999999")}\""),
        })
        {
            yield return Document($"overflow: {name}", $"{{ courseTemplates({arguments}) {{ edges {{ cursor }} }} }}", invalid);
        }

        yield return Document("overflow: the last cursor plus the largest offset", $"{{ courseTemplates(first: 100, offset: 2147483647, after: \"{Cursor("2147483647")}\") {{ edges {{ cursor }} }} }}", HostileExpectation.GraphQLEmptyList("courseTemplates"));

        const string ByFirst = "query($first: Int) { courseTemplates(first: $first) { edges { cursor } } }";
        foreach (var (name, json) in new[]
        {
            ("2^31", "2147483648"), ("-2^63 - 1", "-9223372036854775809"), ("1e308", "1e308"), ("1e309", "1e309"), ("-1e400", "-1e400"), ("2^64", "18446744073709551616"),
            ("a 400-digit number", new string('7', 400)), ("0.0000001", "0.0000001"), ("1.0e1", "1.0e1"),
        })
        {
            yield return Json($"overflow: variable first {name}", "{\"query\": \"" + ByFirst + "\", \"variables\": {\"first\": " + json + "}}", HostileExpectation.GraphQLErrors(200, 400));
        }

        // Instants beyond what .NET represents, or what ISO 8601 allows, in a filter, in contentAccess and in a mutation.
        foreach (var (name, instant) in new[]
        {
            ("year 10000", "10000-01-01T00:00:00Z"),
            ("year 0", "0000-01-01T00:00:00Z"),
            ("a negative year", "-0001-01-01T00:00:00Z"),
            ("the last instant at -14:00", "9999-12-31T23:59:59-14:00"),
            ("the first instant at +14:00", "0001-01-01T00:00:00+14:00"),
            ("February 30", "2023-02-30"),
            ("month 13", "2023-13-01"),
            ("hour 25", "2023-05-01T25:00:00Z"),
            ("offset +25:00", "2023-05-01T00:00:00+25:00"),
            ("nine fraction digits", "2023-05-01T00:00:00.123456789Z"),
            ("epoch seconds", "1700000000"),
            ("epoch with an exponent", "1.7e9"),
            ("an expanded year", "+002023-05-01"),
            ("a week date", "2023-W18-1"),
            ("words", "next tuesday"),
        })
        {
            yield return Document($"overflow: filter validFrom {name}", $"{{ trainingPasses(filters: [{{field: validFrom, operation: gt, value: {Literal(instant)}}}]) {{ edges {{ cursor }} }} }}", invalid with { Mentions = "filters[0]" });
            yield return Document($"overflow: contentAccess at {name}", $"{{ contentAccess(contactId: \"{Ids.Person(31)}\", contentId: \"{Ids.Course(2)}\", at: {Literal(instant)}) {{ granted }} }}", invalid);
            yield return Refused($"overflow: issuePass validFrom {name}", Mutation("trainingPass", "issuePass", $"trainingPassTypeId: \"{Ids.Type(1)}\", trainingPassTypeOptionId: \"{Ids.Option(1)}\", contactId: \"{Ids.Person(32)}\", validFrom: {Literal(instant)}"));
        }

        yield return Refused("overflow: issuePass a year from the last day .NET represents", Mutation("trainingPass", "issuePass", $"trainingPassTypeId: \"{Ids.Type(1)}\", trainingPassTypeOptionId: \"{Ids.Option(1)}\", contactId: \"{Ids.Person(32)}\", validFrom: \"9999-12-31T00:00:00Z\""));
        yield return Refused("overflow: issuePass ending at the last instant before it starts", Mutation("trainingPass", "issuePass", $"trainingPassTypeId: \"{Ids.Type(1)}\", trainingPassTypeOptionId: \"{Ids.Option(1)}\", contactId: \"{Ids.Person(32)}\", validFrom: \"9999-12-31T23:59:59Z\", validUntil: \"0001-01-01T00:00:00Z\""));
        yield return Refused("overflow: renewPass to year 10000", Mutation("trainingPass", "renewPass", $"trainingPassId: \"{Ids.Pass(1)}\", validUntil: \"10000-01-01T00:00:00Z\""));
        foreach (var value in new[] { "0", "-1", "-2147483648", "2147483647", "1201" })
        {
            yield return Refused($"overflow: a validity period of {value} months", Mutation("trainingPass", "createTypeOption", $"trainingPassTypeId: \"{Ids.Type(1)}\", name: \"Overflow\", validityPeriod: {{unit: months, value: {value}}}"));
        }

        yield return Refused("overflow: a validity period of 2^31 days", Mutation("trainingPass", "createTypeOption", $"trainingPassTypeId: \"{Ids.Type(1)}\", name: \"Overflow\", validityPeriod: {{unit: days, value: 2147483648}}"));
        yield return Refused("overflow: a validity period of 36,601 days", Mutation("trainingPass", "createTypeOption", $"trainingPassTypeId: \"{Ids.Type(1)}\", name: \"Overflow\", validityPeriod: {{unit: days, value: 36601}}"));
        foreach (var amount in new[]
        {
            "-0.01", "0.001", "1e3", "NaN", "Infinity", "-Infinity", "99999999999999999999.99", "92233720368547758.08", "1,000.00", "12,50",
            "0x10", "١٢٣", "1.2.3", "", " ", "$10", "10 USD", "' OR 1=1 --", new string('9', 1000),
        })
        {
            yield return Refused($"overflow: a price of {Shorten(amount)}", Mutation("trainingPass", "createTypeOptionPrice", $"trainingPassTypeOptionId: \"{Ids.Option(1)}\", regionId: \"{Ids.Region("EU")}\", currencyCode: \"USD\", amount: {Literal(amount)}"));
        }

        yield return Refused("overflow: an updated price beyond a long", Mutation("trainingPass", "updateTypeOptionPrice", $"trainingPassTypeOptionPriceId: \"{Ids.Price(1)}\", amount: \"92233720368547758.08\""));
    }

    /// <summary>Every wrong shape of a global id, in <c>node</c>, in a filter, in contentAccess and in mutations.</summary>
    private static IEnumerable<HostileRequest> WrongIds()
    {
        foreach (var (name, id) in WrongIdShapes())
        {
            yield return Document($"id: node {name}", $"{{ node(id: {Literal(id)}) {{ id }} }}", HostileExpectation.GraphQLErrors() with { Mentions = "no object with this id" });
            yield return Document($"id: filter contactId {name}", $"{{ trainingPasses(filters: [{{field: contactId, operation: in, values: [{Literal(id)}]}}]) {{ edges {{ cursor }} }} }}", HostileExpectation.GraphQLErrors() with { Mentions = "filters[0]" });
            yield return Refused($"id: updateType {name}", Mutation("trainingPass", "updateType", $"trainingPassTypeId: {Literal(id)}, name: \"Renamed\""));
        }

        foreach (var (name, id) in WrongIdShapes().Where((_, i) => i % 3 == 0))
        {
            yield return Document($"id: contentAccess contactId {name}", $"{{ contentAccess(contactId: {Literal(id)}, contentId: \"{Ids.Course(2)}\") {{ granted }} }}", HostileExpectation.GraphQLErrors() with { Mentions = "contactId" });
            yield return Refused($"id: issuePass contactId {name}", Mutation("trainingPass", "issuePass", $"trainingPassTypeId: \"{Ids.Type(1)}\", trainingPassTypeOptionId: \"{Ids.Option(1)}\", contactId: {Literal(id)}"));
            yield return Refused($"id: revokePass {name}", Mutation("trainingPass", "revokePass", $"trainingPassId: {Literal(id)}"));
            yield return Refused($"id: contact update {name}", Mutation("contact", "update", $"contactId: {Literal(id)}, personalName: {{firstName: \"Renamed\"}}"));
            yield return Refused($"id: rotate a credential {name}", Mutation("account", "rotateCredential", $"accountId: {Literal(id)}"));
            yield return Refused($"id: delete a webhook {name}", Mutation("webhooks", "delete", $"webhookId: {Literal(id)}"));
        }

        foreach (var (name, cursor) in new[]
        {
            ("empty", ""), ("not base64", "%%%"), ("an id", Ids.Type(1)), ("lower-case prefix", Of("cursor:1")), ("a space", Of("Cursor: 1")), ("a fraction", Of("Cursor:1.5")),
            ("a word", Of("Cursor:abc")), ("no index", Of("Cursor:")), ("two indexes", Of("Cursor:1:2")), ("unpadded", Of("Cursor:1").TrimEnd('=')), ("url-safe", "Q3Vyc29yOjE-_w=="),
        })
        {
            yield return Document($"cursor: {name}", $"{{ courseTemplates(after: {Literal(cursor)}) {{ edges {{ cursor }} }} }}", HostileExpectation.GraphQLErrors() with { Mentions = "after" });
        }
    }

    private static IEnumerable<(string Name, string Id)> WrongIdShapes() =>
    [
        ("empty", ""),
        ("blank", "   "),
        ("not base64", "!!!"),
        ("unpadded", Ids.Account(2).TrimEnd('=')),
        ("padding only", "===="),
        ("url-safe alphabet", Ids.Account(2).Replace('+', '-').Replace('/', '_').Replace("=", "-", StringComparison.Ordinal)),
        ("with whitespace", Ids.Type(1)[..8] + " " + Ids.Type(1)[8..]),
        ("with a newline", Ids.Type(1)[..8] + "\n" + Ids.Type(1)[8..]),
        ("not encoded", "TrainingPassType:1"),
        ("encoded twice", Of(Ids.Type(1))),
        ("no colon", Of("TrainingPassType1")),
        ("no key", Of("TrainingPassType:")),
        ("no prefix", Of(":1")),
        ("a word key", Of("TrainingPassType:abc")),
        ("a negative key", Of("TrainingPassType:-1")),
        ("key 0", Of("TrainingPassType:0")),
        ("key 2^31", Of("TrainingPassType:2147483648")),
        ("a 30-digit key", Of("TrainingPassType:999999999999999999999999999999")),
        ("two colons", Of("TrainingPassType:1:2")),
        ("a space before the key", Of("TrainingPassType: 1")),
        ("a plus sign", Of("TrainingPassType:+1")),
        ("a hex key", Of("TrainingPassType:0x1")),
        ("an exponent", Of("TrainingPassType:1e0")),
        ("Arabic-Indic digits", Of("TrainingPassType:١")),
        ("full-width digits", Of("TrainingPassType:１")),
        ("a lower-case prefix", Of("trainingpasstype:1")),
        ("an unknown prefix", Of("Credential:1")),
        ("SQL in the key", Of("TrainingPassType:1 OR 1=1")),
        ("a NUL in the key", Of("TrainingPassType:1\u0000")),
        ("bytes that are not UTF-8", Convert.ToBase64String([0xFF, 0xFE, 0x3A, 0x31])),
        ("a 300-digit key", Of("TrainingPassType:" + new string('1', 300))),
        ("a cursor", Of("Cursor:1")),
        ("a region without a code", Of("Region:")),
        ("a region with SQL", Of("Region:' OR 1=1 --")),
        ("an unknown key", Of("TrainingPassType:999999")),
        ("100 KB", new string('A', 100_000)),
    ];

    private static IEnumerable<HostileRequest> EmptyAndHugeStrings()
    {
        yield return Document("string: a comment-only document", "# nothing but a comment", HostileExpectation.GraphQLErrors(200, 400));
        yield return Document("string: an empty selection", "{ }", HostileExpectation.GraphQLErrors());
        yield return Document("string: an empty operation name with two operations", "query a { nope } query b { nope }", HostileExpectation.GraphQLErrors(), operationName: "");
        yield return Document("string: a 100,000-character field name", "{ " + new string('f', 100_000) + " }", HostileExpectation.GraphQLErrors());
        yield return Document("string: a 100,000-character alias on an unknown field", "{ " + new string('a', 100_000) + ": nope }", HostileExpectation.GraphQLErrors());
        yield return Document("string: a 100,000-character operation name", "query q { nope }", HostileExpectation.GraphQLErrors(), operationName: new string('o', 100_000));
        yield return Document("string: a 100,000-character variable name", $"query(${new string('v', 100_000)}: ID) {{ nope }}", HostileExpectation.GraphQLErrors());
        yield return Document("string: a 200,000-character string literal id", $"{{ node(id: \"{new string('A', 200_000)}\") {{ id }} }}", HostileExpectation.GraphQLErrors() with { Mentions = "no object with this id" });
        yield return Document("string: a 200,000-character filter value", "query($v: String) { courseTemplates(filters: [{field: code, operation: eq, value: $v}]) { edges { cursor } } }", HostileExpectation.GraphQLErrors() with { Mentions = "longer than" }, new { v = new string('v', 200_000) });
        yield return Document("string: 100 values of 1,001 characters", "query($v: [String]) { courseTemplates(filters: [{field: code, operation: in, values: $v}]) { edges { cursor } } }", HostileExpectation.GraphQLErrors() with { Mentions = "longer than" }, new { v = Enumerable.Repeat(new string('v', 1001), 100) });
        yield return Document("string: a lone surrogate escape in a literal", "{ courseTemplates(filters: [{field: code, operation: eq, value: \"\\ud800\"}]) { edges { cursor } } }", HostileExpectation.GraphQLErrorsOrEmptyList("courseTemplates"));
        yield return Document("string: an invalid escape in a literal", "{ courseTemplates(filters: [{field: code, operation: eq, value: \"\\x41\"}]) { edges { cursor } } }", HostileExpectation.GraphQLErrors());
        yield return Document("string: an unterminated string", "{ courseTemplates(filters: [{field: code, operation: eq, value: \"abc}]) { edges { cursor } } }", HostileExpectation.GraphQLErrors());
        yield return Document("string: an unterminated block string", "{ courseTemplates(filters: [{field: code, operation: eq, value: \"\"\"abc}]) { edges { cursor } } }", HostileExpectation.GraphQLErrors());
        yield return Document("string: a raw NUL in the document", "{ courseTemplates\u0000 { edges { cursor } } }", HostileExpectation.GraphQLErrors());
        yield return Document("string: a raw NUL in a string literal", "{ courseTemplates(filters: [{field: code, operation: eq, value: \"a\u0000b\"}]) { edges { cursor } } }", HostileExpectation.GraphQLErrors());

        foreach (var (name, input) in new[]
        {
            ("an empty code", "code: \"\", name: \"Empty\""),
            ("a blank code", "code: \"   \", name: \"Blank\""),
            ("an empty name", "code: \"EMPTY\", name: \"\""),
            ("a 101-character code", $"code: \"{new string('C', 101)}\", name: \"Long\""),
            ("a 200,000-character name", $"code: \"HUGE\", name: \"{new string('N', 200_000)}\""),
            ("a 4,001-character description", $"code: \"DESC\", name: \"Description\", description: \"{new string('d', 4001)}\""),
            ("a NUL in the code", "code: \"A\\u0000B\", name: \"Nul\""),
            ("an escape sequence in the code", "code: \"A\\u001b[31m\", name: \"Escape\""),
            ("a line break in the name", "code: \"LINE\", name: \"two\\nlines\""),
            ("a lone surrogate in the name", "code: \"SURROGATE\", name: \"x\\udc00\""),
        })
        {
            yield return Refused($"string: createType {name}", Mutation("trainingPass", "createType", input));
        }

        foreach (var (name, key) in new[] { ("empty", ""), ("blank", "  "), ("SQL", "' OR 1=1 --"), ("a wildcard", "%"), ("a NUL", "\u0000"), ("100,000 characters", new string('K', 100_000)) })
        {
            yield return Refused($"string: redeemKey {name}", Mutation("trainingPass", "redeemKey", $"trainingKey: {Literal(key)}, contactId: \"{Ids.Person(31)}\""));
        }

        yield return Refused("string: a contact without a first name", Mutation("contact", "create", "personalName: {firstName: \"\", lastName: \"Empty\"}"));
        yield return Refused("string: a contact with a 101-character last name", Mutation("contact", "create", $"personalName: {{firstName: \"Long\", lastName: \"{new string('L', 101)}\"}}"));
        yield return Refused("string: a contact with a 255-character address", Mutation("contact", "create", $"personalName: {{firstName: \"Long\", lastName: \"Mail\"}}, emailAddress: \"{new string('m', 243)}@example.com\""));
        yield return Refused("string: a course without a code", Mutation("courseTemplate", "create", "code: \"\", title: \"No code\""));
        yield return Refused("string: a learning path of hostile course ids", Mutation("learningPaths", "create", "code: \"HOSTILE\", name: \"Hostile\", courseIds: [\"' OR 1=1 --\", \"%\"]"));
        yield return Refused("string: a region code with SQL", Mutation("region", "create", "code: \"' OR 1=1 --\", name: \"Injected\""));
        yield return Refused("string: a region code with a slash", Mutation("region", "create", "code: \"../etc\", name: \"Path\""));
        yield return Refused("string: a region without a code", Mutation("region", "create", "code: \"\", name: \"Nothing\""));
        yield return Refused("string: an account without a name", Mutation("account", "create", "name: \"\""));
        yield return Refused("string: an account with an unknown currency", Mutation("account", "create", "name: \"Currency\", currencyCode: \"ZZZ\""));
        yield return Refused("string: an account with SQL for a currency", Mutation("account", "create", "name: \"Currency\", currencyCode: \"USD' --\""));
        yield return Refused("string: an account renamed to nothing", Mutation("account", "update", $"accountId: \"{Ids.Account(2)}\", name: \"  \""));
        yield return Refused("string: a webhook to javascript", Mutation("webhooks", "create", "url: \"javascript:alert(1)\", eventTypes: [\"pass.issued\"]"));
        yield return Refused("string: a webhook to a file", Mutation("webhooks", "create", "url: \"file:///etc/passwd\", eventTypes: [\"pass.issued\"]"));
        yield return Refused("string: a webhook without a host", Mutation("webhooks", "create", "url: \"http://\", eventTypes: [\"pass.issued\"]"));
        yield return Refused("string: a webhook of 2,001 characters", Mutation("webhooks", "create", $"url: \"https://example.com/{new string('u', 1981)}\", eventTypes: [\"pass.issued\"]"));
        yield return Refused("string: a webhook for an unknown event", Mutation("webhooks", "create", "url: \"https://example.com/hook\", eventTypes: [\"' OR 1=1 --\"]"));
        yield return Refused("string: a webhook with an empty URL", Mutation("webhooks", "create", "url: \"\", eventTypes: [\"pass.issued\"]"));
    }

    private static IEnumerable<HostileRequest> DeepAndWide()
    {
        var invalid = HostileExpectation.GraphQLErrors();
        const string Level = "options { edges { node { trainingPassType { ";
        yield return Document("deep: 21 levels of real fields", "{ trainingPasses { edges { node { trainingPassType { " + Repeat(Level, 6) + "id" + new string('}', (4 * 6) + 5), invalid with { Mentions = "depth" });
        yield return Document("deep: 200 levels of real fields", "{ trainingPasses { edges { node { trainingPassType { " + Repeat(Level, 200) + "id" + new string('}', (4 * 200) + 5), invalid);
        yield return Document("deep: 10,000 nested selections", Repeat("{ a ", 10_000) + new string('}', 10_000), invalid);
        yield return Document("deep: 100,000 nested braces", new string('{', 100_000) + new string('}', 100_000), invalid);
        yield return Document("deep: 50,000 unclosed braces", new string('{', 50_000), invalid);
        yield return Document("deep: a list value nested 10,000 deep", "{ node(id: " + new string('[', 10_000) + "\"x\"" + new string(']', 10_000) + ") { id } }", invalid);
        yield return Document("deep: an object value nested 10,000 deep", "{ courseTemplates(order: " + Repeat("{a: ", 10_000) + "1" + new string('}', 10_000) + ") { edges { cursor } } }", invalid);
        yield return Document("deep: inline fragments nested 10,000 deep", "{ " + Repeat("... on Query { ", 10_000) + "__typename" + new string('}', 10_000) + " }", invalid);
        yield return Document("deep: introspection 30 levels deep", "{ __schema { types { " + Repeat("fields { type { ", 15) + "name" + new string('}', 30) + " } } }", invalid);
        yield return Document("deep: a fragment that spreads itself", "{ ...A } fragment A on Query { ...A }", invalid);
        yield return Document("deep: two fragments in a cycle", "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }", invalid);
        yield return Document("deep: a fragment bomb", "{ ...F0 } " + string.Concat(Enumerable.Range(0, 40).Select(i => $"fragment F{i} on Query {{ ...F{i + 1} a{i}: currencies {{ edges {{ cursor }} }} ...F{i + 1} }} ")) + "fragment F40 on Query { currencies { edges { cursor } } }", invalid);
        yield return Document("deep: a connection bomb of nested pages", "{ trainingPassTypes(first: 100) { edges { node { options(first: 100) { edges { node { prices(first: 100) { edges { node { trainingPassTypeOption { trainingPassType { options(first: 100) { edges { node { id } } } } } } } } } } } } } } }", invalid with { Mentions = "complex" });
        yield return Json("deep: variables nested 10,000 deep", "{\"query\": \"query($id: ID!) { node(id: $id) { id } }\", \"variables\": {\"id\": " + new string('[', 10_000) + new string(']', 10_000) + "}}", HostileExpectation.GraphQLErrors(400));
        yield return Json("deep: a body nested 100,000 deep", new string('[', 100_000) + new string(']', 100_000), HostileExpectation.GraphQLErrors(400));
        yield return Json("deep: variables nested 60 deep", "{\"query\": \"query($f: [CourseTemplateFieldGraphFilter!]) { courseTemplates(filters: $f) { edges { cursor } } }\", \"variables\": {\"f\": " + new string('[', 60) + new string(']', 60) + "}}", HostileExpectation.GraphQLErrors(200, 400));

        yield return Document("wide: 101 aliases", "{ " + string.Concat(Enumerable.Range(0, 101).Select(i => $"a{i}: currencies {{ pageInfo {{ totalRecords }} }} ")) + "}", invalid);
        yield return Document("wide: 1,001 fields", "{ " + Repeat("__typename ", 1001) + "}", invalid);
        yield return Document("wide: 990 fields of one name, within the node budget", "{ courseTemplates { edges { node { " + Repeat("id ", 989) + "nope } } } }", invalid);
        yield return Document("wide: 80,000 fields of one name", "{ courseTemplates { edges { node { " + Repeat("id ", 80_000) + "} } } }", invalid);
        yield return Document("wide: 100 root lists of 100", "{ " + string.Concat(Enumerable.Range(0, 100).Select(i => $"l{i}: trainingPasses(first: 100) {{ edges {{ node {{ trainingPassType {{ options(first: 100) {{ edges {{ cursor }} }} }} }} }} }} ")) + "}", invalid);
        yield return Document("wide: 9,000 operations without a name to run", "query { nope } " + Numbered(9000, i => $"query q{i} {{ __typename }} "), invalid);
        yield return Document("wide: 490 operations, within the node budget", Numbered(490, i => $"query q{i} {{ __typename }} "), invalid);
        yield return Document("wide: 6,000 unused fragments", "{ __typename } " + Numbered(6000, i => $"fragment f{i} on Query {{ __typename }} "), invalid);
        yield return Document("wide: 490 unused fragments, within the node budget", "{ __typename } " + Numbered(490, i => $"fragment f{i} on Query {{ __typename }} "), invalid);
        yield return Document("wide: 20,000 unused variables", "query(" + Numbered(20_000, i => $"$v{i}: Int ") + ") { __typename }", invalid);
        yield return Document("wide: 990 unused variables, within the node budget", "query(" + Numbered(990, i => $"$v{i}: Int ") + ") { __typename }", invalid);
        yield return Document("wide: 25,000 arguments", "{ courseTemplates(" + Numbered(25_000, i => $"x{i}: 1 ") + ") { edges { cursor } } }", invalid);
        yield return Document("wide: 990 arguments, within the node budget", "{ courseTemplates(" + Numbered(990, i => $"x{i}: 1 ") + ") { edges { cursor } } }", invalid);
        yield return Document("wide: 990 arguments of one name, within the node budget", "{ courseTemplates(" + Repeat("first: 1 ", 990) + ") { edges { cursor } } }", invalid);
        yield return Document("wide: 14,000 directives", "{ courseTemplates " + Repeat("@skip(if: false) ", 14_000) + "{ edges { cursor } } }", invalid);
        yield return Document("wide: 490 directives, within the node budget", "{ courseTemplates " + Repeat("@skip(if: false) ", 490) + "{ edges { cursor } } }", invalid);
        yield return Document("wide: a list literal of 100,000 values", "{ node(id: [" + Repeat("1 ", 100_000) + "]) { id } }", invalid);
        yield return Document("wide: a list literal of 990 values, within the node budget", "{ node(id: [" + Repeat("1 ", 990) + "]) { id } }", invalid);
        yield return Document("wide: a filter list literal of 15,000 values", "{ courseTemplates(filters: [{field: code, operation: in, values: [" + Repeat("\"x\" ", 15_000) + "]}]) { edges { cursor } } }", invalid with { Mentions = "values" });
        yield return Document("wide: an object literal of 20,000 keys", "{ courseTemplates(order: {" + Numbered(20_000, i => $"k{i}: 1 ") + "}) { edges { cursor } } }", invalid);
        yield return Document("wide: 5,000 filter objects", "{ courseTemplates(filters: [" + Repeat("{field: code, operation: eq, value: \"x\"} ", 5000) + "]) { edges { cursor } } }", invalid);
        yield return Document("wide: an object literal of 990 keys, within the node budget", "{ courseTemplates(order: {" + Numbered(990, i => $"k{i}: 1 ") + "}) { edges { cursor } } }", invalid);
        yield return Document("wide: an object literal of one key 20,000 times", "{ courseTemplates(order: {" + Repeat("field: code ", 20_000) + "}) { edges { cursor } } }", invalid);
        yield return Document("wide: 21 filters", "{ courseTemplates(filters: [" + Repeat("{field: code, operation: ne, value: \"x\"} ", 21) + "]) { edges { cursor } } }", invalid with { Mentions = "filters" });
        yield return Document("wide: 101 values", "query($v: [String]) { courseTemplates(filters: [{field: code, operation: in, values: $v}]) { edges { cursor } } }", invalid with { Mentions = "values" }, new { v = Enumerable.Range(0, 101).Select(i => $"v{i}") });
        yield return Document("wide: 50,000 values", "query($v: [String]) { courseTemplates(filters: [{field: code, operation: in, values: $v}]) { edges { cursor } } }", invalid with { Mentions = "values" }, new { v = Enumerable.Repeat("v", 50_000) });
        yield return Refused("wide: a path of 5,001 course ids", Mutation("learningPaths", "create", "code: \"WIDE\", name: \"Wide\", courseIds: [" + Repeat($"\"{Ids.Course(1)}\", ", 5000) + "\"bogus\"]"));
        yield return Refused("wide: 101 aliased mutations", "mutation { " + string.Concat(Enumerable.Range(0, 101).Select(i => $"m{i}: region {{ create(input: {{code: \"W{i}\", name: \"Wide\"}}) {{ errors {{ label }} }} }} ")) + "}");
    }

    private static IEnumerable<HostileRequest> DuplicatesAndUnknowns()
    {
        var invalid = HostileExpectation.GraphQLErrors();
        foreach (var (name, document) in new[]
        {
            ("a repeated argument", $"{{ node(id: \"{Ids.Type(1)}\", id: \"{Ids.Type(2)}\") {{ id }} }}"),
            ("a repeated variable definition", "query($a: ID!, $a: ID!) { node(id: $a) { id } }"),
            ("a repeated operation name", "query q { nope } query q { __typename }"),
            ("a repeated fragment name", "{ ...F } fragment F on Query { __typename } fragment F on Query { nope }"),
            ("a repeated filter key", "{ courseTemplates(filters: [{field: code, field: title, operation: eq, value: \"x\"}]) { edges { cursor } } }"),
            ("a repeated directive", "{ courseTemplates @include(if: true) @include(if: false) { edges { cursor } } }"),
            ("an unknown field", "{ credentials { secret } }"),
            ("an unknown argument", "{ courseTemplates(where: \"1=1\") { edges { cursor } } }"),
            ("an unknown type", "query($x: Credential) { __typename }"),
            ("an unknown directive", "{ courseTemplates @sql(text: \"DROP TABLE passes\") { edges { cursor } } }"),
            ("an unknown enum value", "{ courseTemplates(filters: [{field: code, operation: regex, value: \".*\"}]) { edges { cursor } } }"),
            ("an unknown filter key", "{ courseTemplates(filters: [{field: code, operation: eq, value: \"x\", raw: \"1=1\"}]) { edges { cursor } } }"),
            ("an undefined variable", "{ node(id: $nope) { id } }"),
            ("an unknown fragment", "{ ...Nope }"),
            ("an unknown type condition", "{ ... on Credential { secret } }"),
            ("an unknown namespace", "mutation { credential { reveal { secret } } }"),
            ("an unknown mutation", "mutation { trainingPass { deleteEverything { errors { label } } } }"),
        })
        {
            yield return Document($"duplicate or unknown: {name}", document, invalid);
        }

        yield return Document("duplicate or unknown: an unknown operation name", "query a { nope }", invalid, operationName: "b");
        yield return Document("duplicate or unknown: an operation name of SQL", "query a { __typename }", invalid, operationName: "a' OR 1=1 --");
        yield return Document("duplicate or unknown: two operations and none named", "query a { __typename } mutation b { region { create(input: {code: \"DUP\", name: \"Dup\"}) { errors { label } } } }", invalid);
        yield return Refused("duplicate or unknown: a repeated input field", "mutation { trainingPass { createType(input: {code: \"DUP1\", code: \"DUP2\", name: \"Dup\"}) { errors { label } } } }");
        yield return Refused("duplicate or unknown: an unknown input field", "mutation { trainingPass { createType(input: {code: \"UNK\", name: \"Unknown\", organizationId: 3}) { errors { label } } } }");
        yield return Refused("duplicate or unknown: a repeated input argument", "mutation { trainingPass { createType(input: {code: \"D1\", name: \"D\"}, input: {code: \"D2\", name: \"D\"}) { errors { label } } } }");
        yield return Refused("duplicate or unknown: an unknown argument beside the input", "mutation { trainingPass { createType(input: {code: \"D3\", name: \"D\"}, force: true) { errors { label } } } }");
        yield return Refused("duplicate or unknown: an unknown variable in a mutation", "mutation { trainingPass { createType(input: {code: $code, name: \"D\"}) { errors { label } } } }");
        yield return Refused("duplicate or unknown: a variable of another input type", "mutation($input: TrainingPassTypeUpdateInput!) { trainingPass { createType(input: $input) { errors { label } } } }", new { input = new { trainingPassTypeId = Ids.Type(1), code = "X" } });
        yield return Refused("duplicate or unknown: unknown keys in an input variable", "mutation($input: TrainingPassTypeInput!) { trainingPass { createType(input: $input) { errors { label } } } }", new { input = new { code = "VAR", name = "Variable", organizationId = 3 } });
        yield return Refused("duplicate or unknown: a key of another case in an input variable", "mutation($input: TrainingPassTypeInput!) { trainingPass { createType(input: $input) { errors { label } } } }", new { input = new { Code = "VAR", name = "Variable" } });
    }

    /// <summary>Mutations of the documented rules whose breaking must change nothing.</summary>
    private static IEnumerable<HostileRequest> RefusedMutations()
    {
        yield return Refused("rule: publish back to draft", Mutation("trainingPass", "updateType", $"trainingPassTypeId: \"{Ids.Type(1)}\", lifecycleState: draft"));
        yield return Refused("rule: issue to a contact of another tree", Mutation("trainingPass", "issuePass", $"trainingPassTypeId: \"{Ids.Type(1)}\", trainingPassTypeOptionId: \"{Ids.Option(1)}\", contactId: \"{Ids.Person(999_999)}\""));
        yield return Refused("rule: issue an option of another type", Mutation("trainingPass", "issuePass", $"trainingPassTypeId: \"{Ids.Type(1)}\", trainingPassTypeOptionId: \"{Ids.Option(999)}\", contactId: \"{Ids.Person(32)}\""));
        yield return Refused("rule: end before the start", Mutation("trainingPass", "issuePass", $"trainingPassTypeId: \"{Ids.Type(1)}\", trainingPassTypeOptionId: \"{Ids.Option(1)}\", contactId: \"{Ids.Person(32)}\", validFrom: \"2023-05-01\", validUntil: \"2023-04-01\""));
        yield return Refused("rule: end at the start", Mutation("trainingPass", "issuePass", $"trainingPassTypeId: \"{Ids.Type(1)}\", trainingPassTypeOptionId: \"{Ids.Option(1)}\", contactId: \"{Ids.Person(32)}\", validFrom: \"2023-05-01\", validUntil: \"2023-05-01\""));
        yield return Refused("rule: reassign to its holder", Mutation("trainingPass", "reassignPass", $"trainingPassId: \"{Ids.Pass(1)}\", contactId: \"{Ids.Person(31)}\""));
        yield return Refused("rule: a second price for the same option, currency and region", Mutation("trainingPass", "createTypeOptionPrice", $"trainingPassTypeOptionId: \"{Ids.Option(1)}\", regionId: \"{Ids.Region("DR")}\", currencyCode: \"USD\", amount: \"1.00\""));
        yield return Refused("rule: a region code that exists", Mutation("region", "create", "code: \"DR\", name: \"Again\""));
        yield return Refused("rule: remove content the type does not hold", Mutation("trainingPass", "removeContentFromPassType", $"trainingPassTypeId: \"{Ids.Type(1)}\", courseIds: [\"{Ids.Course(12)}\"]"));
        yield return Refused("rule: start a course without a pass", Mutation("trainingPass", "startCourse", $"contactId: \"{Ids.Person(40)}\", courseId: \"{Ids.Course(2)}\""));
        yield return Refused("rule: an account under an unknown parent", Mutation("account", "create", $"name: \"Orphan\", parentId: \"{Ids.Account(999_999)}\""));
    }

    private static string Of(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string Cursor(string index) => Of("Cursor:" + index);

    private static string Numbered(int count, Func<int, string> item) => string.Concat(Enumerable.Range(0, count).Select(item));

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    private static string Shorten(string text) => text.Length <= 24 ? $"\"{text}\"" : $"\"{text[..20]}…\" ({text.Length} characters)";
}
