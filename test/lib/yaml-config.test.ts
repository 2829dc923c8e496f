import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadYamlConfig, parseConfig } from '../../src/lib/yaml-config.js';

const schema = z
  .object({
    name: z.string(),
    port: z.number().int(),
    hosts: z
      .array(
        z
          .object({ host: z.string({ required_error: 'needs a host' }), weight: z.number().min(1, 'weight below 1') })
          .strict(),
      )
      .default([]),
  })
  .strict();

const tmpFile = (text: string) => {
  const p = join(mkdtempSync(join(tmpdir(), 'lb-yaml-config-')), 'config.yaml');
  writeFileSync(p, text);
  return p;
};

describe('loadYamlConfig', () => {
  it('returns the parsed output of the schema', () => {
    expect(loadYamlConfig(tmpFile('name: a\nport: 80\n'), schema, 'config')).toEqual({
      name: 'a',
      port: 80,
      hosts: [],
    });
  });

  it('names the file and the key or entry of every issue, one per line', () => {
    const file = tmpFile('port: "80"\nhosts:\n  - {weight: 0}\n  - {host: x, weight: 2, extra: 1}\ntypo: 1\n');
    let message = '';
    try {
      loadYamlConfig(file, schema, 'config');
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message.split('\n')).toEqual([
      `${file}: name: expected string (missing)`,
      `${file}: port: expected number, got string`,
      `${file}: hosts[0].host: needs a host`,
      `${file}: hosts[0].weight: weight below 1`,
      `${file}: hosts[1]: unknown key(s) extra`,
      `${file}: (root): unknown key(s) typo`,
    ]);
  });

  it('says what could not be read, for a missing file and for broken YAML', () => {
    expect(() => loadYamlConfig('/nonexistent/x.yaml', schema, 'widget list')).toThrow(
      /^\/nonexistent\/x\.yaml: cannot read widget list: ENOENT/,
    );
    const file = tmpFile('name: [unclosed');
    expect(() => loadYamlConfig(file, schema, 'widget list')).toThrow(`${file}: cannot read widget list:`);
  });

  it('parseConfig names the given source; an empty document is null', () => {
    expect(() => parseConfig(null, schema, 'inline')).toThrow('inline: (root): expected object, got null');
  });
});
