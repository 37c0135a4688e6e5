using System.Collections.Concurrent;
using Grpc.Core;
using Kommune20.Notifications.Notices;
using Kommune20.Registry.Grpc;
using Microsoft.Extensions.Logging.Abstractions;
using RegistryClient = Kommune20.Registry.Grpc.Registry.RegistryClient;

namespace Kommune20.Notifications.Tests;

/// <summary>What the register says of the members notices are about: asked once per member, a batch's members several at a time.</summary>
public sealed class MemberStatesTests
{
    [Fact]
    public async Task A_batch_asks_about_its_new_members_several_at_a_time_and_each_once()
    {
        var register = new SlowRegister();
        var states = new MemberStates(register, TimeProvider.System, NullLogger<MemberStates>.Instance);
        var members = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();

        await states.LearnAsync([.. members, .. members], default);

        Assert.Equal(members.Count, register.Asked.Count);
        Assert.True(register.MostAtOnce > 1, $"at most {register.MostAtOnce} question at once");
        Assert.Equal(["Hessen"], await states.OfAsync([members[0], members[1]], default));
        Assert.Equal(members.Count, register.Asked.Count);
    }

    /// <summary>A register that takes a while to answer, and counts the questions it is asked at once.</summary>
    sealed class SlowRegister : RegistryClient
    {
        int _asking;
        public ConcurrentBag<string> Asked { get; } = [];
        public int MostAtOnce { get; private set; }

        public override AsyncUnaryCall<MemberReply> GetMemberAsync(GetMemberRequest request, CallOptions options)
        {
            Asked.Add(request.MemberId);
            return new AsyncUnaryCall<MemberReply>(AnswerAsync(request), Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
        }

        async Task<MemberReply> AnswerAsync(GetMemberRequest request)
        {
            var now = Interlocked.Increment(ref _asking);
            lock (Asked)
                MostAtOnce = Math.Max(MostAtOnce, now);
            await Task.Delay(20);
            Interlocked.Decrement(ref _asking);
            return new MemberReply { MemberId = request.MemberId, FederalState = "Hessen" };
        }
    }
}
