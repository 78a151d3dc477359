using Idp.Dora.Hosting;

var app = DoraApp.Create(args);
await app.RunAsync();
