using Kommune20.Federation.Grpc;

namespace Kommune20.Federation.Client;

/// <summary>A rejection's code as the REST APIs and the hub's quarantine name it.</summary>
public static class RejectionCodes
{
    public static string Name(RejectionCode code) => code == RejectionCode.PermissionDenied ? "permission-denied" : "invalid-argument";
}
