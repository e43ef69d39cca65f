using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TradingAlerts.Api.OpenApi;

/// <summary>
/// A number in the document is a JSON number. The web defaults read numbers from strings too, so the generator writes
/// <c>["integer","string"]</c> with a pattern (for nullable numbers even where a type says
/// <see cref="System.Text.Json.Serialization.JsonNumberHandling.Strict"/>); but that is about reading, and the API reads
/// no numeric body field: every number it writes is a JSON number, which is what a generated client must expect.
/// </summary>
internal static class WrittenNumbers
{
    private const JsonSchemaType Numeric = JsonSchemaType.Number | JsonSchemaType.Integer;

    public static Task Transform(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && (type & Numeric) != 0 && type.HasFlag(JsonSchemaType.String))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        return Task.CompletedTask;
    }
}
