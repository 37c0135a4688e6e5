using Kommune20.Contracts.Federation;

namespace Kommune20.Projects.Transfer;

/// <summary>
/// A practice a city published naming a project as its source (<see cref="PracticeRecord.SourceProjectKey"/>), followed like
/// every replica. It is the project's transfer report while <see cref="ProjectId"/> is set: the city leads the project and the
/// project is evaluating or completed (<see cref="TransferReportRules"/>). Projects never writes the practice; the library shows it.
/// </summary>
public sealed class TransferReport : Replica<PracticeRecord>
{
    /// <summary>The project it reports on; null while it does not count as that project's report.</summary>
    public Guid? ProjectId { get; set; }

    /// <summary>When it first counted as its project's report: the first one is the one the project shows.</summary>
    public DateTimeOffset? AcceptedAt { get; set; }

    public static TransferReport From(RecordOrigin origin) => Of<TransferReport>(origin);
}
