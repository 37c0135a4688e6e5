using Microsoft.EntityFrameworkCore;

namespace Kommune20.Data.Tests;

static class Contexts
{
    /// <summary>A context of the given type with its provider set by <paramref name="configure"/>: as a service gets it, minus pooling and interceptors.</summary>
    public static DbContext Create(Type context, Action<DbContextOptionsBuilder> configure)
    {
        var options = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(context))!;
        configure(options);
        return (DbContext)Activator.CreateInstance(context, options.Options)!;
    }
}
