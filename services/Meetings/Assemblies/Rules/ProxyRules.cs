namespace Kommune20.Meetings.Assemblies.Rules;

/// <summary>
/// Whether a member may give its vote to another: both must have a vote, nobody represents itself, a vote is given once
/// (revoke before giving it again), a vote given away is not passed on (no chains), and a holder carries at most the
/// statutes' number of proxies. Errors are keyed by the JSON field they concern.
/// </summary>
public static class ProxyRules
{
    public static Dictionary<string, string[]> Validate(
        ProxyGrant grant, IReadOnlySet<Guid> votingMembers, IReadOnlyCollection<ProxyGrant> activeProxies, Statutes statutes)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors.TryAdd(field, [message]);

        if (grant.Grantor == grant.Holder)
            Fail("holderId", "Ein Mitglied kann seine Stimme nicht sich selbst übertragen.");
        if (!votingMembers.Contains(grant.Grantor))
            Fail("grantorId", "Dieses Mitglied hat kein Stimmrecht und kann daher keine Stimme übertragen.");
        if (!votingMembers.Contains(grant.Holder))
            Fail("holderId", "Das bevollmächtigte Mitglied hat kein Stimmrecht und kann daher keine Vollmacht tragen.");
        if (activeProxies.Any(proxy => proxy.Grantor == grant.Grantor))
            Fail("grantorId", "Dieses Mitglied hat seine Stimme bereits übertragen; widerrufen Sie diese Vollmacht zuerst.");
        if (activeProxies.Any(proxy => proxy.Holder == grant.Grantor))
            Fail("grantorId", "Dieses Mitglied trägt selbst Vollmachten anderer Mitglieder und kann seine Stimme nicht weitergeben.");
        if (activeProxies.Any(proxy => proxy.Grantor == grant.Holder))
            Fail("holderId", "Das bevollmächtigte Mitglied hat seine eigene Stimme übertragen und kann keine Vollmacht tragen.");

        var carried = activeProxies.Count(proxy => proxy.Holder == grant.Holder);
        if (carried >= statutes.ProxiesPerHolder)
            Fail("holderId", $"Das bevollmächtigte Mitglied trägt bereits {carried} Vollmacht(en); die Satzung erlaubt höchstens {statutes.ProxiesPerHolder}.");
        return errors;
    }
}
