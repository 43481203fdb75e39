namespace EvalBot.Cards.Templating;

/// <summary>An expression evaluation error; adaptive-expressions swallows some (in comparisons, $when) and not others.</summary>
internal sealed class ExpressionException(string message) : Exception(message);
