import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findMaven, type JavaTools } from './java.js';

/** graph/launcher: the POM and Launcher.java (the same from graph/src/launcher and graph/dist/launcher). */
export const LAUNCHER_DIR = fileURLToPath(new URL('../../launcher/', import.meta.url));
const POM = join(LAUNCHER_DIR, 'pom.xml');
const SOURCE = join(LAUNCHER_DIR, 'src/main/java/chainmap/graph/Launcher.java');
const TARGET = join(LAUNCHER_DIR, 'target');
const CLASSES = join(TARGET, 'classes');
/** Written last into target/classes; names the inputs the classes were compiled from. */
const CLASSES_STAMP = join(CLASSES, '.chainmap-inputs');

/** Main class of the Java launcher. */
export const LAUNCHER_CLASS = 'chainmap.graph.Launcher';

/**
 * Returns the `java -cp` value that runs the launcher: the compiled Launcher class plus the Neo4j
 * jars. The first start asks Maven to download the jars and compiles Launcher.java; both results
 * are cached under graph/launcher/target, keyed by content hashes of pom.xml and the source, so
 * later starts need neither Maven nor javac.
 */
export async function prepareLauncher(tools: JavaTools, log: (line: string) => void): Promise<string> {
  const pomHash = sha256(await readFile(POM));
  const jars = await resolveJars(pomHash, log);
  await compileLauncher(tools, jars, sha256(pomHash + sha256(await readFile(SOURCE))), log);
  return [CLASSES, jars].join(delimiter);
}

/** The Neo4j jars' classpath from Maven, cached in target/classpath-<pom hash>.txt. */
async function resolveJars(pomHash: string, log: (line: string) => void): Promise<string> {
  const cacheFile = join(TARGET, `classpath-${pomHash.slice(0, 16)}.txt`);
  const cached = await readFile(cacheFile, 'utf8').catch(() => undefined);
  // A cleaned ~/.m2 makes the cache stale even though the POM did not change.
  if (cached && (await allExist(cached.trim().split(delimiter)))) return cached.trim();

  const mvn = await findMaven();
  log('downloading Neo4j 5.26 jars from Maven Central (first run only)…');
  await mkdir(TARGET, { recursive: true });
  // Write beside and rename, so a concurrent start never reads half a file.
  const partial = `${cacheFile}.${process.pid}.tmp`;
  const started = Date.now();
  let downloaded = 0;
  const tail: string[] = [];
  const ticker = setInterval(
    () =>
      log(
        `… still resolving, ${downloaded} files downloaded in ${Math.round((Date.now() - started) / 1000)} s`,
      ),
    10_000,
  );
  try {
    // Batch mode without -q: the "Downloaded from" lines are counted for progress, not shown.
    const args = ['-B', '-f', POM, 'dependency:build-classpath', `-Dmdep.outputFile=${partial}`];
    const code = await runLines(mvn, args, (line) => {
      if (/^(\[INFO\] )?Downloaded from/.test(line)) downloaded++;
      tail.push(line);
      if (tail.length > 30) tail.shift();
    });
    if (code !== 0) {
      const errors = tail.filter((line) => line.startsWith('[ERROR]')).slice(0, 8);
      throw new Error(
        `Maven could not resolve the Neo4j jars (exit ${code}); the first start needs Maven Central. ` +
          `${mvn} said:\n${(errors.length ? errors : tail).join('\n')}`,
      );
    }
  } finally {
    clearInterval(ticker);
  }
  await rename(partial, cacheFile);
  log(`Neo4j jars ready (${downloaded} files downloaded in ${Math.round((Date.now() - started) / 1000)} s)`);
  return (await readFile(cacheFile, 'utf8')).trim();
}

/** Compiles Launcher.java into target/classes unless the stamp shows these inputs were compiled. */
async function compileLauncher(
  tools: JavaTools,
  jars: string,
  inputsHash: string,
  log: (line: string) => void,
): Promise<void> {
  if ((await readFile(CLASSES_STAMP, 'utf8').catch(() => '')) === inputsHash) return;
  log('compiling the Neo4j launcher…');
  const staging = join(TARGET, `classes.${process.pid}.tmp`);
  await rm(staging, { recursive: true, force: true });
  const output: string[] = [];
  const code = await runLines(tools.javac, ['--release', '17', '-d', staging, '-cp', jars, SOURCE], (line) =>
    output.push(line),
  );
  // javac always warns about sun.misc.Signal (used for a clean exit 0 on SIGTERM), so output
  // is only shown on failure.
  if (code !== 0) throw new Error(`javac failed to compile ${SOURCE} (exit ${code}):\n${output.join('\n')}`);
  await writeFile(join(staging, '.chainmap-inputs'), inputsHash);
  await rm(CLASSES, { recursive: true, force: true });
  try {
    await rename(staging, CLASSES);
  } catch (error) {
    // A concurrent start may have put identical classes in place first; theirs will do.
    await rm(staging, { recursive: true, force: true });
    if ((await readFile(CLASSES_STAMP, 'utf8').catch(() => '')) !== inputsHash) throw error;
  }
}

/** Runs a command, passing each output line (stdout and stderr) to onLine; resolves to the exit code. */
function runLines(command: string, args: string[], onLine: (line: string) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        lines.forEach((line) => onLine(line.trimEnd()));
      });
      stream.on('end', () => rest && onLine(rest));
    }
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
}

async function allExist(paths: string[]): Promise<boolean> {
  const found = await Promise.all(
    paths.map((path) =>
      access(path).then(
        () => true,
        () => false,
      ),
    ),
  );
  return paths.length > 0 && found.every(Boolean);
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
