using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace TradingAlerts.IntegrationTests.Api;

/// <summary>
/// The response schemas an OpenAPI document advertises, as JSON Schema (OpenAPI 3.1 schemas are JSON Schema 2020-12),
/// held strictly: an object may carry only the properties its schema declares, so a field a writer adds or renames
/// without its schema fails validation as surely as a missing required one or a value of the wrong JSON type.
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
        Strict(components);
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

    /// <summary>Rewrites component references to $defs and closes every object schema that lists its properties.</summary>
    private static void Strict(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["$ref"] is JsonValue reference && reference.GetValue<string>().StartsWith(ComponentPrefix, StringComparison.Ordinal))
                {
                    o["$ref"] = "#/$defs/" + reference.GetValue<string>()[ComponentPrefix.Length..];
                }

                if (o.ContainsKey("properties") && !o.ContainsKey("additionalProperties"))
                {
                    o["additionalProperties"] = false;
                }

                foreach (var (_, child) in o.ToList())
                {
                    Strict(child);
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Strict(child);
                }

                break;
        }
    }
}
