using EvalBot.Bench.YearEnd;

return args switch
{
    ["compile", .. var rest] => await CompileBench.RunAsync(Options.Parse(rest)),
    ["compile-run", .. var rest] => await CompileBench.ChildAsync(Options.Parse(rest)),
    ["summary", .. var rest] => await SummaryBench.RunAsync(Options.Parse(rest)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage:
          compile [--people 100000] [--provider sqlite|postgres] [--runs 3] [--postgres <connection string>] [--reuse]
          summary [--people 10000] [--provider sqlite|postgres] [--runs 200] [--warmup 30] [--postgres <connection string>] [--reuse]
        PostgreSQL: the connection string (a role with CREATEDB) comes from --postgres or EVALBOT_BENCH_POSTGRES;
        the benchmark creates and drops its own database on that server.
        """);
    return 2;
}
