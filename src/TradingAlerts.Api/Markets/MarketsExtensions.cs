using Microsoft.Extensions.Options;

namespace TradingAlerts.Api.Markets;

internal static class MarketsExtensions
{
    /// <summary>The "Markets" section, checked when the silo starts, and the <see cref="MarketCalendar"/> built from it.</summary>
    public static WebApplicationBuilder AddGridMarkets(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MarketsOptions>().BindConfiguration(MarketsOptions.Section)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MarketsOptions>, MarketsValidation>();
        builder.Services.AddSingleton(sp => MarketCalendar.Create(sp.GetRequiredService<IOptions<MarketsOptions>>().Value));
        return builder;
    }

    /// <summary>Names what is wrong (a bad session, kind, symbol or time zone) instead of a generic failure.</summary>
    private sealed class MarketsValidation : IValidateOptions<MarketsOptions>
    {
        public ValidateOptionsResult Validate(string? name, MarketsOptions options)
        {
            try
            {
                MarketCalendar.Create(options);
                return ValidateOptionsResult.Success;
            }
            catch (InvalidOperationException ex)
            {
                return ValidateOptionsResult.Fail(ex.Message);
            }
        }
    }
}
