using EvalBot.Domain.Classification;

namespace EvalBot.Domain.Tests.Classification;

public class DecidersTests
{
    private const long Staff = 1, AgencyHead = 10, SubUnitHead = 20, UpperAgencyHead = 30, Competent = 40, NestedHead = 50, MiddleHead = 60;

    private static ChainUnit Sub(long? head) => new(head, false, null);

    private static ChainUnit Agency(long? head, long? competent = null) => new(head, true, competent);

    public static TheoryData<string, long, ChainUnit[], long?> Matrix => new()
    {
        { "staff of an agency: its head", Staff, [Agency(AgencyHead, Competent)], AgencyHead },
        { "deputy of an agency (not its head): its head", 2, [Agency(AgencyHead), Agency(UpperAgencyHead)], AgencyHead },
        { "staff of a sub-unit: the head of the agency, not of the sub-unit", Staff, [Sub(SubUnitHead), Agency(AgencyHead)], AgencyHead },
        { "staff of a nested sub-unit: the head of the agency", Staff, [Sub(NestedHead), Sub(SubUnitHead), Agency(AgencyHead), Agency(UpperAgencyHead)], AgencyHead },
        { "sub-unit head: the head of their agency", SubUnitHead, [Sub(SubUnitHead), Agency(AgencyHead)], AgencyHead },
        { "nested sub-unit head: the head of the agency", NestedHead, [Sub(NestedHead), Sub(SubUnitHead), Agency(AgencyHead)], AgencyHead },
        { "agency head with an agency above: its head, not the competent person", AgencyHead, [Agency(AgencyHead, Competent), Agency(UpperAgencyHead)], UpperAgencyHead },
        { "agency head: a sub-unit between is skipped", AgencyHead, [Agency(AgencyHead), Sub(MiddleHead), Agency(UpperAgencyHead)], UpperAgencyHead },
        { "top agency head with a competent person: that person", AgencyHead, [Agency(AgencyHead, Competent), Sub(MiddleHead)], Competent },
        { "top agency head without a competent person: none (the board)", AgencyHead, [Agency(AgencyHead)], null },
        { "no agency marked: the root is the body", Staff, [Sub(SubUnitHead), Sub(MiddleHead)], MiddleHead },
        { "no agency marked, head of the root: its competent person", MiddleHead, [Sub(SubUnitHead), new(MiddleHead, false, Competent)], Competent },
        { "heading a sub-unit and its agency: rated as the agency head", AgencyHead, [Sub(AgencyHead), Agency(AgencyHead, Competent), Agency(UpperAgencyHead)], UpperAgencyHead },
        { "heading a sub-unit and the top agency: the competent person", AgencyHead, [Sub(AgencyHead), Agency(AgencyHead, Competent)], Competent },
        { "never self: the competent person is the agency head", AgencyHead, [Agency(AgencyHead, AgencyHead)], null },
        { "an agency with no head recorded: none (the board)", Staff, [Sub(SubUnitHead), Agency(null)], null },
        { "no chain: none", Staff, [], null },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Rule25_the_head_of_the_body_that_uses_the_person_decides_a_unit_head_goes_to_the_superior_body_never_self(string _, long person, ChainUnit[] chain, long? expected)
    {
        var decider = Deciders.Of(person, chain);

        Assert.Equal(expected, decider);
        Assert.NotEqual(person, decider);
    }
}
