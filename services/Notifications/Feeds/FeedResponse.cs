namespace Kommune20.Notifications.Feeds;

/// <summary>A feed as readers get it: Atom in UTF-8.</summary>
public static class FeedResponse
{
    public static IResult Of(byte[] feed) => TypedResults.Bytes(feed, AtomFeed.ContentType);
}
