namespace EvalBot.Rules;

/// <summary>Thrown at start-up when a rule-set file is unreadable or invalid, so the app never rates with bad rules.</summary>
public sealed class RuleSetConfigurationException : Exception
{
    /// <summary>Creates the exception with no message.</summary>
    public RuleSetConfigurationException()
    {
    }

    /// <summary>Creates the exception with the list of problems as its message.</summary>
    public RuleSetConfigurationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception wrapping a parse error.</summary>
    public RuleSetConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
