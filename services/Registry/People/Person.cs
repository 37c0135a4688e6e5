namespace Kommune20.Registry.People;

/// <summary>A person who signs in, speaking for one member organisation in the roles it gave them.</summary>
public sealed class Person
{
    public Guid Id { get; set; }
    public required string UserName { get; set; }
    public required string Name { get; set; }
    public Guid MemberId { get; set; }
    public List<string> Roles { get; set; } = [];
    public string PasswordHash { get; set; } = "";
    public bool IsActive { get; set; } = true;
}
