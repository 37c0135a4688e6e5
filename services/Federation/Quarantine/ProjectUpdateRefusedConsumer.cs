using System.Text.Json;
using Kommune20.Contracts.Federation;
using Kommune20.Contracts.Projects;
using Kommune20.Federation.Data;
using Kommune20.Federation.Replicas;
using Kommune20.ServiceDefaults;
using MassTransit;

namespace Kommune20.Federation.Quarantine;

/// <summary>
/// The Projects service refused an update the federation had taken (the city does not take part, or there is no such
/// project): it joins the city's quarantine with that reason, where the city sees it on its node, until a newer version of
/// the update is applied.
/// </summary>
public sealed class ProjectUpdateRefusedConsumer(FederationDb db) : IConsumer<ProjectUpdateRefused>
{
    public async Task Consume(ConsumeContext<ProjectUpdateRefused> context)
    {
        var refused = context.Message;
        db.Quarantine.Add(new QuarantinedChange
        {
            SourceMemberId = refused.Origin.OriginMemberId,
            OriginMemberId = refused.Origin.OriginMemberId,
            Kind = RecordKind.ProjectUpdate,
            OriginId = refused.Origin.OriginId,
            Version = refused.Origin.Version,
            Code = refused.Code,
            Field = refused.Field,
            Reason = refused.Reason,
            Payload = JsonSerializer.Serialize(refused.Update, Json.Options),
            ReceivedAt = refused.RefusedAt,
        });
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
