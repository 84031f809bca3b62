// Tracking (server/src/tracking, docs/tracking.md): contact and visit logs (走访/洽谈记录),
// leaders' duty targets (领导责任目标), and the lookups behind the reports.
CREATE CONSTRAINT contact_id IF NOT EXISTS FOR (n:Contact) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT duty_target_id IF NOT EXISTS FOR (n:DutyTarget) REQUIRE n.id IS UNIQUE;
CREATE INDEX contact_on IF NOT EXISTS FOR (n:Contact) ON (n.on);
CREATE INDEX contact_region IF NOT EXISTS FOR (n:Contact) ON (n.regionCode);
CREATE INDEX kpi_target_year IF NOT EXISTS FOR (n:KpiTarget) ON (n.regionCode, n.year);
CREATE INDEX duty_target_year IF NOT EXISTS FOR (n:DutyTarget) ON (n.personId, n.year);
