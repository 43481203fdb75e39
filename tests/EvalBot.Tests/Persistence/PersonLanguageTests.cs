using EvalBot.Persistence.Entities;

namespace EvalBot.Tests.Persistence;

/// <summary>The language of what is sent to a person outside a turn: preference, else the Teams client last written from, else Vietnamese.</summary>
public sealed class PersonLanguageTests
{
    [Theory]
    [InlineData(null, null, "vi")]
    [InlineData(null, "en", "en")]
    [InlineData(null, "vi", "vi")]
    [InlineData("vi", "en", "vi")]
    [InlineData("en", "vi", "en")]
    [InlineData("en", null, "en")]
    [InlineData("fr", "xx", "vi")]
    public void A_message_outside_a_turn_is_in_the_preference_else_the_last_client_language_else_Vietnamese(string? preferred, string? seen, string expected)
    {
        var person = new Person { ExternalId = "p", FullName = "Người P", PreferredLanguage = preferred, SeenLanguage = seen };

        Assert.Equal(expected, person.MessageLanguage());
    }
}
