namespace EvalBot.Features.Organisation;

/// <summary>
/// Every row of a file, typed, with the kinds the file holds. Built in one pass that collects all errors;
/// an external id repeated within a kind is an error at its second occurrence.
/// </summary>
public sealed class ParsedFile
{
    public List<UnitRow> Units { get; } = [];
    public List<NamedRow> Posts { get; } = [];
    public List<NamedRow> Groups { get; } = [];
    public List<PersonRow> People { get; } = [];
    public List<TargetRow> Targets { get; } = [];
    public List<ScoreSheetRow> ScoreSheets { get; } = [];
    public List<LeaveRow> Leave { get; } = [];
    public List<DisciplineRow> Discipline { get; } = [];
    public List<FindingRow> Findings { get; } = [];
    public List<TransferRow> Transfers { get; } = [];
    public List<PriorScoreRow> PriorScores { get; } = [];
    public List<VoteRow> Votes { get; } = [];
    public List<PartyOrganisationRow> PartyOrganisations { get; } = [];
    public List<PartyMemberRow> PartyMembers { get; } = [];
    public List<PartyCollectiveRow> PartyCollectives { get; } = [];
    public HashSet<ImportKind> Kinds { get; } = [];

    public static (ParsedFile File, List<ImportError> Errors) Parse(IEnumerable<ImportTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var file = new ParsedFile();
        var errors = new List<ImportError>();
        foreach (var table in tables)
        {
            var (map, headerErrors) = ColumnMap.Build(table);
            errors.AddRange(headerErrors);
            if (headerErrors.Count > 0) continue;
            file.Kinds.Add(table.Kind);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var idColumn = ImportSchema.Columns(table.Kind)[0].Name;
            foreach (var row in table.Rows)
            {
                var reader = new RowReader(table, map, row, errors);
                var id = file.Add(table.Kind, reader);
                if (id.Length > 0 && !seen.Add(id))
                {
                    reader.Fail(idColumn, $"Mã '{id}' lặp lại trong tệp.", $"The id '{id}' is repeated in the file.");
                }
            }
        }

        return (file, errors);
    }

    private string Add(ImportKind kind, RowReader r)
    {
        switch (kind)
        {
            case ImportKind.Units: var u = OrganisationRowParser.Unit(r); Units.Add(u); return u.Id;
            case ImportKind.Posts: var p = OrganisationRowParser.Named(r, "post_id"); Posts.Add(p); return p.Id;
            case ImportKind.Groups: var g = OrganisationRowParser.Named(r, "group_id"); Groups.Add(g); return g.Id;
            case ImportKind.People: var person = OrganisationRowParser.Person(r); People.Add(person); return person.Id;
            case ImportKind.Targets: var t = RecordRowParser.Target(r); Targets.Add(t); return t.Id;
            case ImportKind.ScoreSheets: var s = ScoreSheetRowParser.Parse(r); ScoreSheets.Add(s); return s.Key;
            case ImportKind.Leave: var l = RecordRowParser.Leave(r); Leave.Add(l); return l.Id;
            case ImportKind.Discipline: var d = RecordRowParser.Discipline(r); Discipline.Add(d); return d.Id;
            case ImportKind.Findings: var f = RecordRowParser.Finding(r); Findings.Add(f); return f.Id;
            case ImportKind.Transfers: var tr = RecordRowParser.Transfer(r); Transfers.Add(tr); return tr.Id;
            case ImportKind.PriorScores: var ps = RecordRowParser.PriorScore(r); PriorScores.Add(ps); return ps.Key;
            case ImportKind.Votes: var v = RecordRowParser.Vote(r); Votes.Add(v); return v.Id;
            case ImportKind.PartyOrganisations: var o = PartyRowParser.Organisation(r); PartyOrganisations.Add(o); return o.Id;
            case ImportKind.PartyMembers: var m = PartyRowParser.Member(r); PartyMembers.Add(m); return m.Person;
            case ImportKind.PartyCollectives: var c = PartyRowParser.Collective(r); PartyCollectives.Add(c); return c.Id;
            default: throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }
}
