namespace Kommune20.Registry.People;

public sealed record PersonInput(string? UserName, string? Name, Guid? MemberId, List<string>? Roles, string? Password, bool? IsActive);

public sealed record PersonDto(Guid Id, string UserName, string Name, Guid MemberId, IReadOnlyList<string> Roles, bool IsActive)
{
    public static PersonDto From(Person person) => new(person.Id, person.UserName, person.Name, person.MemberId, person.Roles, person.IsActive);
}
