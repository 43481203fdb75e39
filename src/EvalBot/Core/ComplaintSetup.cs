namespace EvalBot.Core;

public static class ComplaintSetup
{
    /// <summary>Binds and checks <see cref="ComplaintOptions"/> at start-up: the result cards of every feature read it.</summary>
    public static IServiceCollection AddComplaints(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ComplaintOptions>()
            .Bind(configuration.GetSection(ComplaintOptions.Section))
            .Validate(o => o.PeriodResultDays is > 0 and <= 366 && o.AnnualResultDays is > 0 and <= 366, "Complaints:PeriodResultDays and AnnualResultDays must be between 1 and 366 days.")
            .ValidateOnStart();
        return services;
    }
}
