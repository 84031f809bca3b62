import { execFile } from 'node:child_process';
import { access, constants, realpath } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Neo4j 5.26 (the LTS line) needs Java 17 or 21. */
export const MIN_JAVA_MAJOR = 17;

const INSTALL_JDK = 'install a JDK 17+, e.g. `apt-get install openjdk-17-jdk-headless maven`';

/** A JDK found on this machine: `java` to run Neo4j, `javac` to compile the launcher. */
export interface JavaTools {
  java: string;
  javac: string;
  /** Feature release, e.g. 17. */
  major: number;
}

/**
 * Finds a JDK 17+ (JAVA_HOME first, then PATH) and checks its version, so a missing or old Java
 * fails with one sentence that says what to install instead of a stack trace from deep inside
 * the JVM.
 */
export async function findJava(): Promise<JavaTools> {
  const javaHome = process.env['JAVA_HOME'];
  const fromHome = javaHome ? join(javaHome, 'bin', 'java') : undefined;
  const java = fromHome && (await isExecutable(fromHome)) ? fromHome : await onPath('java');
  if (!java) {
    throw new Error(
      `Java not found (${javaHome ? `JAVA_HOME=${javaHome} has no bin/java, ` : ''}no \`java\` on PATH); ` +
        `the local Neo4j runs on the JVM: ${INSTALL_JDK}`,
    );
  }
  const major = await javaMajor(java);
  if (major < MIN_JAVA_MAJOR) {
    throw new Error(`${java} is Java ${major}; Neo4j 5.26 needs Java ${MIN_JAVA_MAJOR}+: ${INSTALL_JDK}`);
  }
  // javac sits beside the real java binary (PATH entries are usually alternatives symlinks).
  const javac = join(dirname(await realpath(java)), 'javac');
  if (!(await isExecutable(javac))) {
    throw new Error(`${java} is a JRE without javac, which compiles the Neo4j launcher: ${INSTALL_JDK}`);
  }
  return { java, javac, major };
}

/**
 * Finds Maven, which resolves the Neo4j jars from Maven Central. Only the first start (or a
 * changed pom.xml) needs it.
 */
export async function findMaven(): Promise<string> {
  const mavenHome = process.env['MAVEN_HOME'];
  const fromHome = mavenHome ? join(mavenHome, 'bin', 'mvn') : undefined;
  const mvn = fromHome && (await isExecutable(fromHome)) ? fromHome : await onPath('mvn');
  if (!mvn) {
    throw new Error(
      'Maven (`mvn`) not found on PATH; it downloads the Neo4j jars on the first start: `apt-get install maven`',
    );
  }
  return mvn;
}

/** Reads the feature release from `java -version` ("17.0.15" → 17, legacy "1.8.0" → 8). */
async function javaMajor(java: string): Promise<number> {
  let text: string;
  try {
    const { stdout, stderr } = await run(java, ['-version']);
    text = stderr + stdout;
  } catch (error) {
    throw new Error(`${java} -version failed (${(error as Error).message}): ${INSTALL_JDK}`);
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(text);
  if (!match) throw new Error(`cannot read the Java version from \`${java} -version\`: ${text.trim()}`);
  const first = Number(match[1]);
  return first === 1 ? Number(match[2]) : first;
}

async function onPath(name: string): Promise<string | undefined> {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir && (await isExecutable(join(dir, name)))) return join(dir, name);
  }
  return undefined;
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
