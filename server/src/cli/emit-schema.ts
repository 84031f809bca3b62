#!/usr/bin/env node
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { printSchemaFile } from '../schema-file.js';

/** `npm run schema`: regenerate the committed server/schema.graphql from the code. */
const target = fileURLToPath(new URL('../../schema.graphql', import.meta.url));
await writeFile(target, await printSchemaFile());
process.stdout.write(`wrote ${target}\n`);
