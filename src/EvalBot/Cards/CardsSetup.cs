using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EvalBot.Cards;

/// <summary>Registers the card templates.</summary>
public static class CardsSetup
{
    /// <summary>
    /// Binds <c>Cards:TemplatesPath</c> and registers <see cref="CardTemplates"/> as a singleton that is loaded when
    /// the host starts, so a missing or invalid template stops start-up.
    /// </summary>
    public static IServiceCollection AddCards(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CardsOptions>().Bind(configuration.GetSection(CardsOptions.SectionName))
            .Validate(o => o.PageSize is >= 1 and <= 200, "Cards:PageSize must be between 1 and 200.")
            .ValidateOnStart();
        services.AddSingleton<CardTemplates>();
        services.AddHostedService<CardTemplatesWarmUp>();
        return services;
    }

    private sealed class CardTemplatesWarmUp(CardTemplates templates) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => templates.Names.Count > 0 ? Task.CompletedTask : throw new CardTemplateException("No card templates");

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
