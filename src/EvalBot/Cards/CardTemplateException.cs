namespace EvalBot.Cards;

/// <summary>A card template is missing or invalid, or a binding failed: a programming error, so it is loud.</summary>
public sealed class CardTemplateException : Exception
{
    public CardTemplateException()
    {
    }

    public CardTemplateException(string message)
        : base(message)
    {
    }

    public CardTemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
