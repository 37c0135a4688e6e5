using Kommune20.Data;

namespace Kommune20.Meetings.Data;

sealed class MeetingsDbDesignTime : SqliteDesignTimeDatabase<MeetingsDb>;

sealed class PostgresMeetingsDbDesignTime : PostgresDesignTimeDatabase<PostgresMeetingsDb>;
