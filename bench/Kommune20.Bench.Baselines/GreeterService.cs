using Grpc.Core;
using Kommune20.Bench.Greeter;

namespace Kommune20.Bench.Baselines;

public sealed class GreeterService : Greeter.Greeter.GreeterBase
{
    public override Task<HelloReply> SayHello(HelloRequest request, ServerCallContext context) =>
        Task.FromResult(new HelloReply { Message = "Hallo " + request.Name });
}
