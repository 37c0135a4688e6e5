namespace Kommune20.Meetings.Assemblies.Rules;

/// <summary>
/// The majorities German association statutes use (§ 32 and § 33 BGB and their usual variants). Abstentions and invalid
/// ballots are not counted as votes cast (BGH, II ZR 76/81), so they never count against a motion.
/// </summary>
public enum Majority
{
    /// <summary>More yes than no among the votes cast (einfache Mehrheit).</summary>
    Simple,
    /// <summary>At least two thirds of the votes cast (Zwei-Drittel-Mehrheit).</summary>
    TwoThirds,
    /// <summary>At least three quarters of the votes cast; § 33 BGB's rule for statute changes (Drei-Viertel-Mehrheit).</summary>
    ThreeQuarters,
    /// <summary>More than half of all voting members, present or not (absolute Mehrheit der Mitglieder).</summary>
    AbsoluteOfMembers,
}

/// <summary>What a motion decides; the statutes say which <see cref="Majority"/> each kind needs.</summary>
public enum DecisionKind
{
    Resolution,
    Election,
    StatuteChange,
    Dissolution,
}
