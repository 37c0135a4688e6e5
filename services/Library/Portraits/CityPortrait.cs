using Kommune20.Contracts.Federation;

namespace Kommune20.Library.Portraits;

/// <summary>
/// The hub's replica of a city's profile (see <see cref="Replica{TRecord}"/>), shown as the city's portrait at the hub. Only
/// a public version is shown: a network-only version or a withdrawal takes the portrait off the city's page, and the
/// version it carried stays, so that an older one arriving late cannot bring the portrait back.
/// </summary>
public sealed class CityPortrait : Replica<CityProfileRecord>
{
    /// <summary>Whether the city's page shows it: its current version is public and not withdrawn (a column to select by).</summary>
    public bool IsShown { get; private set; }

    public static CityPortrait From(RecordOrigin origin) => Of<CityPortrait>(origin);

    protected override void Applied(CityProfileRecord record, bool replaced) => IsShown = record.Visibility == Visibility.Public;

    protected override void Withdrawn() => IsShown = false;
}
