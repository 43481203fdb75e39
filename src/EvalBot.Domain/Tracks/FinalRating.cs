using EvalBot.Domain.RuleSets;

namespace EvalBot.Domain.Tracks;

/// <summary>A finalised rating already on record.</summary>
/// <param name="PersonId">Who.</param>
/// <param name="Year">Evaluation year.</param>
/// <param name="Track">State or Party.</param>
/// <param name="RuleSetId">Rule-set used.</param>
/// <param name="Post">The post rated.</param>
public sealed record FinalRating(string PersonId, int Year, Track Track, string RuleSetId, string Post);

/// <summary>The answer to "may this rating be finalised now?".</summary>
/// <param name="Allowed">True when it may.</param>
/// <param name="ReasonVi">Why, in Vietnamese.</param>
/// <param name="ReasonEn">Why, in English.</param>
public sealed record TrackDecision(bool Allowed, string ReasonVi, string ReasonEn);

/// <summary>A post with its rank; a higher rank is a higher post.</summary>
/// <param name="Id">Post id.</param>
/// <param name="Rank">Rank in the post hierarchy.</param>
public sealed record Post(string Id, int Rank);
