using Kommune20.Data;

namespace Kommune20.Notifications.Data;

sealed class NotificationsDbDesignTime : SqliteDesignTimeDatabase<NotificationsDb>;

sealed class PostgresNotificationsDbDesignTime : PostgresDesignTimeDatabase<PostgresNotificationsDb>;
