// Users who sign in (server/src/auth) and the audit trail of every write (server/src/audit).
// A user is found by id (tokens) and by user name (sign-in); audit entries are read per entity,
// newest first, and per actor.
CREATE CONSTRAINT user_id IF NOT EXISTS FOR (n:User) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT user_username IF NOT EXISTS FOR (n:User) REQUIRE n.username IS UNIQUE;
CREATE CONSTRAINT audit_id IF NOT EXISTS FOR (n:AuditEntry) REQUIRE n.id IS UNIQUE;
CREATE INDEX audit_entity IF NOT EXISTS FOR (n:AuditEntry) ON (n.entityId, n.at);
CREATE INDEX audit_at IF NOT EXISTS FOR (n:AuditEntry) ON (n.at);
CREATE INDEX audit_actor IF NOT EXISTS FOR (n:AuditEntry) ON (n.actorId);
