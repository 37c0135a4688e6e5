using System.Text.Encodings.Web;
using Kommune20.Meetings.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kommune20.Meetings.Exchange.Guests;

/// <summary>
/// Signs a guest in from their pass: the token's hash must name a pass that has not expired, and whose access the
/// moderators have not closed (closing deletes the passes). Looked up on every request, so closing ends it at once, on
/// every instance that shares the database.
/// </summary>
public sealed class GuestPassHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    MeetingsDb db, TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (GuestPasses.TokenOf(Request) is not { } token)
            return AuthenticateResult.NoResult();
        var hash = GuestPasses.Hash(token);
        var now = clock.GetUtcNow();
        var pass = await db.GuestPasses.AsNoTracking().FirstOrDefaultAsync(p => p.TokenHash == hash && p.ExpiresAt > now, Context.RequestAborted);
        if (pass is null)
            return AuthenticateResult.Fail("The guest pass is unknown, expired or its access was closed.");
        return AuthenticateResult.Success(new AuthenticationTicket(GuestPasses.Principal(pass),
            new AuthenticationProperties { ExpiresUtc = pass.ExpiresAt }, GuestPasses.Scheme));
    }
}
