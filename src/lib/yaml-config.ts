import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** `teams[1].manager`, `owners.alexw`, or `(root)`. */
const pathOf = (path: Array<string | number>) =>
  path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '') || '(root)';

/** Plain words for zod's generic issues; a message the schema gives itself (`required_error`, `.email('…')`) is kept. */
const plainWords: z.ZodErrorMap = (issue, ctx) => {
  if (ctx.defaultError !== z.defaultErrorMap(issue, ctx).message) return { message: ctx.defaultError };
  if (issue.code === 'unrecognized_keys') return { message: `unknown key(s) ${issue.keys.join(', ')}` };
  if (issue.code === 'invalid_type') {
    return {
      message:
        issue.received === 'undefined'
          ? `expected ${issue.expected} (missing)`
          : `expected ${issue.expected}, got ${issue.received}`,
    };
  }
  return { message: ctx.defaultError };
};

/**
 * Validates already-parsed config data. Every issue becomes one line naming `source` and the bad key or entry,
 * e.g. `config/roster.yaml: teams[1].manager: invalid email`.
 */
export function parseConfig<S extends z.ZodTypeAny>(data: unknown, schema: S, source: string): z.output<S> {
  const result = schema.safeParse(data, { errorMap: plainWords });
  if (result.success) return result.data;
  throw new Error(result.error.issues.map((i) => `${source}: ${pathOf(i.path)}: ${i.message}`).join('\n'));
}

/** Reads a YAML config file and validates it with `schema`; `what` names the file's role when it cannot be read or parsed. */
export function loadYamlConfig<S extends z.ZodTypeAny>(file: string, schema: S, what: string): z.output<S> {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: cannot read ${what}: ${(err as Error).message}`);
  }
  return parseConfig(data, schema, file);
}
