import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('gives sensible defaults for an empty environment', () => {
    const c = loadConfig({});
    expect(c.NEO4J_URI).toBeUndefined();
    expect(c.PORT).toBe(4000);
    expect(c.NEO4J_DATABASE).toBe('neo4j');
    expect(c.introspection).toBe(true);
  });

  it('turns introspection off in production unless asked', () => {
    const prod = { NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32) };
    expect(loadConfig(prod).introspection).toBe(false);
    expect(loadConfig({ ...prod, GRAPHQL_INTROSPECTION: 'true' }).introspection).toBe(true);
  });

  it('requires AUTH_SECRET in production, and uses a development key elsewhere', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET: required in production/);
    expect(loadConfig({}).devAuthSecret).toBe(true);
    expect(() => loadConfig({ AUTH_SECRET: 'short' })).toThrow(/AUTH_SECRET/);
  });

  it('allows anonymous reading by default except in production', () => {
    expect(loadConfig({}).anonymousRead).toBe(true);
    expect(loadConfig({ ALLOW_ANONYMOUS_READ: 'false' }).anonymousRead).toBe(false);
    const prod = { NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(32) };
    expect(loadConfig(prod).anonymousRead).toBe(false);
    expect(loadConfig({ ...prod, ALLOW_ANONYMOUS_READ: 'true' }).anonymousRead).toBe(true);
  });

  it('reports every bad variable at once, naming each and its value', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://localhost:7474', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.find((p) => p.startsWith('PORT:'))).toContain('"eighty"');
    expect(problems.find((p) => p.startsWith('NEO4J_URI:'))).toContain('bolt://');
    expect(problems.find((p) => p.startsWith('LOG_LEVEL:'))).toBeDefined();
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ NEO4J_URI: '', PORT: '' }).PORT).toBe(4000);
  });

  it('accepts cluster and Aura URIs', () => {
    expect(loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io' }).NEO4J_URI).toMatch(/^neo4j\+s/);
  });
});
