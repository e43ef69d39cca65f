using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace TradingAlerts.IntegrationTests.Api;

/// <summary>
/// The response schemas an OpenAPI document advertises, as JSON Schema (OpenAPI 3.1 schemas are JSON Schema 2020-12),
/// held strictly: an object may carry only the properties its schema declares and a schema must say what a value is,
/// so a field a writer adds or renames without its schema fails validation as surely as a missing required one or a
/// value of the wrong JSON type, and so does a body the document describes as "any JSON".
/// </summary>
internal sealed class OpenApiContract
{
    private const string ComponentPrefix = "#/components/schemas/";
    private readonly JsonElement _paths;
    private readonly JsonObject _definitions;
    private readonly Dictionary<string, JsonSchema> _built = [];
    private readonly BuildOptions _build = new() { SchemaRegistry = new SchemaRegistry() }; // this document's alone

    public OpenApiContract(JsonElement document)
    {
        _paths = document.GetProperty("paths");
        var components = JsonNode.Parse(document.GetProperty("components").GetProperty("schemas").GetRawText())!.AsObject();
        StrictComponents(components);
        _definitions = components;
    }

    /// <summary>The component an operation's response names, e.g. <c>IndicatorsResponseWire</c> for GET /api/indicators/… 200.</summary>
    public string ResponseSchema(string method, string path, int status, string mediaType = "application/json")
    {
        var operation = _paths.GetProperty(path).GetProperty(method);
        Assert.True(operation.GetProperty("responses").TryGetProperty(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response),
            $"{method.ToUpperInvariant()} {path} does not document {status}");
        var reference = response.GetProperty("content").GetProperty(mediaType).GetProperty("schema").GetProperty("$ref").GetString()!;
        Assert.StartsWith(ComponentPrefix, reference, StringComparison.Ordinal);
        return reference[ComponentPrefix.Length..];
    }

    /// <summary>Asserts that <paramref name="body"/> is what the document says <paramref name="method"/> <paramref name="path"/> answers with <paramref name="status"/>.</summary>
    public void AssertResponse(string method, string path, int status, JsonElement body, string what) =>
        AssertValid(Schema($"{ComponentPrefix}{ResponseSchema(method, path, status)}"), body, $"{what} ({status}, {ResponseSchema(method, path, status)})");

    /// <summary>
    /// Asserts that the data of a server-sent event of <paramref name="eventType"/> is what the stream route's 200 schema
    /// (one property per event type) declares for it; an event type the schema does not name fails.
    /// </summary>
    public void AssertEvent(string path, string eventType, JsonElement data, string what)
    {
        var events = ResponseSchema("get", path, 200, "text/event-stream");
        Assert.True(_definitions[events]!["properties"]!.AsObject().ContainsKey(eventType), $"{events} declares no event '{eventType}' ({what})");
        AssertValid(Schema($"{ComponentPrefix}{events}/properties/{eventType}"), data, $"{what} ({eventType} event)");
    }

    private JsonSchema Schema(string pointer)
    {
        if (!_built.TryGetValue(pointer, out var schema))
        {
            // One document per entry point, the components under $defs, so every $ref resolves inside it.
            var text = new JsonObject
            {
                ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                ["$ref"] = "#/$defs/" + pointer[ComponentPrefix.Length..],
                ["$defs"] = _definitions.DeepClone(),
            }.ToJsonString();
            schema = JsonSchema.FromText(text, _build, new Uri($"urn:tradingalerts:openapi:{_built.Count}"));
            _built[pointer] = schema;
        }

        return schema;
    }

    private static void AssertValid(JsonSchema schema, JsonElement body, string what)
    {
        var result = schema.Evaluate(body, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return;
        }

        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.SchemaLocation}): {e.Key}: {e.Value}"))
            .Distinct()
            .Take(20);
        Assert.Fail($"{what} does not match the OpenAPI document:\n{string.Join('\n', errors)}");
    }

    /// <summary>Keywords by which a schema says what a value is; a schema with none of them (JsonElement's <c>{}</c>) declares nothing.</summary>
    private static readonly string[] Declaring = ["type", "$ref", "oneOf", "anyOf", "allOf", "enum", "const"];

    /// <summary>
    /// Rewrites component references to $defs, closes every object schema that lists its properties, and turns a schema
    /// that declares nothing into <c>false</c>: a document saying "any JSON" there describes no field of the body.
    /// </summary>
    private static void StrictComponents(JsonObject components)
    {
        foreach (var name in components.Select(c => c.Key).ToList())
        {
            Replace(components, name, Strict(components[name]!));
        }
    }

    private static JsonNode Strict(JsonNode node)
    {
        if (node is not JsonObject schema)
        {
            return node;
        }

        if (!Declaring.Any(schema.ContainsKey))
        {
            return JsonValue.Create(false);
        }

        if (schema["$ref"] is JsonValue reference && reference.GetValue<string>().StartsWith(ComponentPrefix, StringComparison.Ordinal))
        {
            schema["$ref"] = "#/$defs/" + reference.GetValue<string>()[ComponentPrefix.Length..];
        }

        if (schema["properties"] is JsonObject properties)
        {
            foreach (var name in properties.Select(p => p.Key).ToList())
            {
                Replace(properties, name, Strict(properties[name]!));
            }

            schema.TryAdd("additionalProperties", false);
        }

        foreach (var keyword in (string[])["items", "additionalProperties"])
        {
            if (schema[keyword] is JsonObject child)
            {
                Replace(schema, keyword, Strict(child));
            }
        }

        foreach (var keyword in (string[])["oneOf", "anyOf", "allOf"])
        {
            if (schema[keyword] is JsonArray options)
            {
                for (var i = 0; i < options.Count; i++)
                {
                    var strict = Strict(options[i]!);
                    if (!ReferenceEquals(strict, options[i]))
                    {
                        options[i] = strict;
                    }
                }
            }
        }

        return schema;
    }

    private static void Replace(JsonObject parent, string name, JsonNode strict)
    {
        if (!ReferenceEquals(strict, parent[name]))
        {
            parent[name] = strict;
        }
    }
}
