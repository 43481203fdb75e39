using System.Text.Json.Serialization;
using Population = EvalBot.Domain.Records.Population;

namespace EvalBot.Persistence.Entities;

/// <summary>Someone EvalBot evaluates or who acts in it. Identity in Teams is the Entra object id.</summary>
public sealed class Person
{
    public long Id { get; set; }
    public required string ExternalId { get; set; }
    public required string FullName { get; set; }
    public string? Email { get; set; }

    /// <summary>Entra object id, matched against <c>from.aadObjectId</c>; never parsed as a GUID.</summary>
    public string? AadObjectId { get; set; }
    public long UnitId { get; set; }
    public Unit? Unit { get; set; }
    public long? PostId { get; set; }
    public Post? Post { get; set; }
    public long? TaskGroupId { get; set; }
    public TaskGroup? TaskGroup { get; set; }

    /// <summary>The direct leader who confirms this person's reports.</summary>
    public long? ManagerId { get; set; }

    /// <summary>Which law rates the person; stored, and written in JSON (the person export), by its name.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<Population>))]
    public Population Population { get; set; } = Population.CivilServant;
    public bool IsPartyMember { get; set; }
    public bool IsLeader { get; set; }

    /// <summary>Member of the organisation board (Ban Tổ chức): sees every unit.</summary>
    public bool IsOrganisationBoard { get; set; }

    /// <summary><c>vi</c> or <c>en</c>; empty follows the Teams locale.</summary>
    public string? PreferredLanguage { get; set; }

    /// <summary>
    /// The language of the Teams client the person last wrote from (<c>vi</c> or <c>en</c>, from the activity's locale),
    /// kept for what is sent to them outside a turn; null until they have written with a locale.
    /// </summary>
    public string? SeenLanguage { get; set; }

    /// <summary>IANA time zone; empty uses the unit's.</summary>
    public string? TimeZone { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>Hire date (ngày tuyển dụng); with <see cref="EndedOn"/> gives the months employed in a year (rule 18). Null: before the year.</summary>
    public DateOnly? HiredOn { get; set; }

    /// <summary>End date (ngày nghỉ việc); null while employed.</summary>
    public DateOnly? EndedOn { get; set; }
}

/// <summary>The language a person reads, wherever it is asked (a turn, a proactive message).</summary>
public static class PersonLanguage
{
    /// <summary>The language of the organisation, used when nobody chose another.</summary>
    public const string Default = "vi";

    /// <summary>
    /// The language a message sent to the person outside a turn is written in: their preference, else the language of
    /// the Teams client they last wrote from, else <see cref="Default"/>. The same rule as a turn's answers.
    /// </summary>
    public static string MessageLanguage(this Person person) =>
        person.LanguageOr(person?.SeenLanguage is "vi" or "en" ? person.SeenLanguage : Default);

    /// <summary>The person's preferred language (<c>vi</c> or <c>en</c>) when set, else the fallback.</summary>
    public static string LanguageOr(this Person? person, string fallback) =>
        person?.PreferredLanguage is "vi" or "en" ? person.PreferredLanguage : fallback;
}
