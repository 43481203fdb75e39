using EvalBot.Hosting;


var builder = WebApplication.CreateBuilder(args);
builder.AddEvalBot();

var app = builder.Build();
app.MapEvalBot();
await app.RunAsync();
return 0;
