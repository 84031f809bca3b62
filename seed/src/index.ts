export {
  seedDefault,
  DEFAULT_SYNTHETIC_ENTERPRISES,
  DEFAULT_SYNTHETIC_SEED,
  type DefaultSeedResult,
} from './default-seed.js';
export { importFile, type ImportResult, type Rejection } from './import/importer.js';
export { ENTERPRISE_TAGS, IMPORT_KINDS, type ImportKind } from './import/rows.js';
export { loadCatalog, validateCatalog, type Catalog } from './catalog/validate.js';
export { buildRegions, type RegionSet } from './regions/regions.js';
export { createLocator } from './regions/locate.js';
export { loadChainkg } from './chainkg/load.js';
export { loadSynthetic } from './synthetic/load.js';
export { writeRegions, writeCatalog, writeIndustries } from './load/reference.js';
export { beginImport, finishImport } from './load/imports.js';
export { readPipelineFile, writePipeline } from './pipeline/load.js';
export { DEV_USERS, devUsersTable, writeUsers, type UserRow } from './users/users.js';
