// Range indexes behind the API's filters. An enterprise's location is denormalised up the
// region tree (graph/README.md), so "every enterprise in this province/city/county" is an index
// seek, never a scan or a variable-length walk.
CREATE INDEX enterprise_region IF NOT EXISTS FOR (n:Enterprise) ON (n.regionCode);
CREATE INDEX enterprise_province IF NOT EXISTS FOR (n:Enterprise) ON (n.provinceCode);
CREATE INDEX enterprise_city IF NOT EXISTS FOR (n:Enterprise) ON (n.cityCode);
CREATE INDEX enterprise_county IF NOT EXISTS FOR (n:Enterprise) ON (n.countyCode);
CREATE INDEX enterprise_industry IF NOT EXISTS FOR (n:Enterprise) ON (n.industryCode);
CREATE INDEX enterprise_name IF NOT EXISTS FOR (n:Enterprise) ON (n.name);
CREATE INDEX enterprise_revenue IF NOT EXISTS FOR (n:Enterprise) ON (n.revenue);
CREATE INDEX region_parent IF NOT EXISTS FOR (n:Region) ON (n.parentCode);
CREATE INDEX region_level IF NOT EXISTS FOR (n:Region) ON (n.level);
CREATE INDEX link_chain IF NOT EXISTS FOR (n:Link) ON (n.chainId);
CREATE INDEX import_kind IF NOT EXISTS FOR (n:Import) ON (n.kind, n.status);
