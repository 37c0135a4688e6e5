using Kommune20.Registry.People;

namespace Kommune20.Registry.Tests;

public class PersonRulesTests
{
    static PersonInput Editor => new("heidelberg.redaktion", "Anna Markus", Guid.NewGuid(), ["city-editor"], "ein-langes-passwort", null);

    [Fact]
    public void A_complete_person_passes() => Assert.Empty(PersonRules.Validate(Editor, isNew: true));

    [Fact]
    public void Unknown_roles_short_passwords_and_odd_user_names_are_named()
    {
        var errors = PersonRules.Validate(Editor with { UserName = "Anna Markus", Roles = ["admin"], Password = "kurz" }, isNew: true);
        Assert.Equal(["password", "roles", "userName"], errors.Keys.Order());
    }

    [Fact]
    public void A_change_may_keep_the_password() =>
        Assert.Empty(PersonRules.Validate(Editor with { UserName = null, Password = null }, isNew: false));
}
