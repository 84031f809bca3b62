import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number): void;
  stop(): void;
}

/**
 * A progress bar on a terminal; on a pipe or in CI a line every 10 % instead, so logs stay
 * readable. `quiet` (tests) prints nothing.
 */
export function createProgress(label: string, total: number, opts: { quiet?: boolean } = {}): Progress {
  if (opts.quiet || total === 0) return { update: () => undefined, stop: () => undefined };
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label.padEnd(22)} {bar} {percentage}% | {value}/{total} | {eta_formatted} left`,
        stream: process.stderr,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { update: (n) => bar.update(n), stop: () => bar.stop() };
  }
  let nextTenth = 1;
  const started = Date.now();
  return {
    update(done) {
      while (done >= (total * nextTenth) / 10 && nextTenth <= 10) {
        const s = (Date.now() - started) / 1000;
        process.stderr.write(`${label}: ${nextTenth * 10}% (${done}/${total}, ${s.toFixed(1)} s)\n`);
        nextTenth++;
      }
    },
    stop: () => undefined,
  };
}
