import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs (pino). On a terminal in development they are pretty-printed;
 * in production and when piped they stay JSON lines for a log collector.
 */
export function createLogger(level: string, name = 'chainmap'): Logger {
  const pretty = process.stdout.isTTY && process.env.NODE_ENV !== 'production';
  return pino({
    name,
    level,
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'HH:MM:ss' } } }
      : {}),
  });
}
