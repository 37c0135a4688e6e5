namespace Kommune20.Notifications.Notices;

/// <summary>The CloudEvent types of the notices, reverse-DNS as the CloudEvents spec suggests.</summary>
public static class NoticeTypes
{
    public const string ProjectUpdatePosted = "de.kommune20.project.update.posted";
    public const string ProjectUpdateWithdrawn = "de.kommune20.project.update.withdrawn";
    public const string PracticePublished = "de.kommune20.practice.published";
    public const string PracticeUpdated = "de.kommune20.practice.updated";
    public const string PracticeWithdrawn = "de.kommune20.practice.withdrawn";
    public const string EventScheduled = "de.kommune20.calendar.event.scheduled";
    public const string EventWithdrawn = "de.kommune20.calendar.event.withdrawn";
}
