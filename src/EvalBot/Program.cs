using EvalBot.Hosting;
using EvalBot.Manifest;

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
