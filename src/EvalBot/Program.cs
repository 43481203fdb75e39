using EvalBot.Hosting;
using EvalBot.Manifest;

if (args is ["import", ..])
{
    // Built without the command-line args: a path such as /data/people.csv would otherwise be read as a config switch.
    var cli = WebApplication.CreateBuilder();
    cli.AddEvalBot();
    await using var cliApp = cli.Build();
    return await EvalBot.Features.Organisation.OrganisationCommand.RunAsync(args, cliApp.Services, Console.Out, Console.Error);
}

if (EvalBot.Operations.OperationsCommand.Handles(args))
{
    var ops = WebApplication.CreateBuilder();
    ops.AddEvalBot();
    await using var opsApp = ops.Build();
    return await EvalBot.Operations.OperationsCommand.RunAsync(args, opsApp.Services, Console.Out, Console.Error);
}

if (args is ["manifest", ..])
{
    return await ManifestCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddEvalBot();

var app = builder.Build();
app.MapEvalBot();
await app.RunAsync();
return 0;
