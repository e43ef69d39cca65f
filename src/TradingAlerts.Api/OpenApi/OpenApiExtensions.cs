using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace TradingAlerts.Api.OpenApi;

/// <summary>The OpenAPI document (<c>/openapi/v1.json</c>) and the browsable reference (<c>/docs</c>), both offline.</summary>
internal static class OpenApiExtensions
{
    private const string BearerScheme = "Bearer";

    public static WebApplicationBuilder AddGridOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options => options.AddSchemaTransformer(WrittenNumbers.Transform).AddDocumentTransformer((document, _, _) =>
        {
            // The same document whichever host or silo answers (clients are generated from a committed copy); without
            // servers a client resolves the API against the document's own address.
            document.Servers = [];
            document.Info.Title = "TradingAlerts Grid API";
            document.Info.Description = "Bars, indicators and confluence from the grid's grains. No token = FREE tier; a JWT with a `tier` claim unlocks PRO.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "HS256 JWT with a `tier` claim (FREE or PRO). Optional: without it the caller is FREE. Development: POST /api/dev/token.",
            };
            // Security is optional everywhere: the empty requirement is "anonymous allowed".
            document.Security = [new OpenApiSecurityRequirement(), new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static IEndpointRouteBuilder MapGridOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi().DisableRateLimiting();
        // Scalar serves its script from the package (no CDN); the default fonts would come from Scalar's CDN, so they are off.
        app.MapScalarApiReference("/docs", options => options
                .WithTitle("TradingAlerts Grid API")
                .DisableDefaultFonts()
                .AddPreferredSecuritySchemes(BearerScheme))
            .DisableRateLimiting();
        return app;
    }
}
