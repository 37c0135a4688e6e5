namespace Kommune20.Registry.Members;

/// <summary>What kind of organisation a member is; partner institutions work with the association without a vote.</summary>
public enum MemberKind
{
    City,
    County,
    Region,
    DigitalHub,
    Association,
    CivilSocietyNetwork,
    PartnerInstitution,
}

public enum MemberStatus
{
    Active,
    Suspended,
    Left,
}
