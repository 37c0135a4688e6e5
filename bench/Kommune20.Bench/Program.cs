using Kommune20.Bench;

// ./kommune20 bench [--quick] builds in Release, starts a throwaway RabbitMQ and runs this; see BenchOptions for the options.
var options = BenchOptions.Parse(args);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, press) =>
{
    press.Cancel = true;
    cancel.Cancel();
};
return options.ReportFrom is not null ? BenchRun.Report(options) : await BenchRun.RunAsync(options, cancel.Token);
