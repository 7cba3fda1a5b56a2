import { z } from 'zod';
import { configSchema } from './schema.js';

interface JsonSchema {
  type?: string;
  description?: string;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  required?: string[];
}

/**
 * The config reference as a Markdown table, generated from the zod schema's defaults and
 * `.describe()` docs. README embeds it; a test keeps the two identical.
 */
export function configReferenceMarkdown(): string {
  const schema = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const rows = ['| key | type | default | description |', '|---|---|---|---|'];
  walk(schema, '', rows);
  return rows.join('\n');
}

function walk(schema: JsonSchema, path: string, rows: string[]): void {
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    const childPath = path ? `${path}.${key}` : key;
    const variants = child.oneOf ?? child.anyOf ?? child.items?.oneOf ?? child.items?.anyOf;
    rows.push(row(childPath, child, schema.required?.includes(key) ?? false));
    if (child.type === 'object') walk(child, childPath, rows);
    else if (variants) for (const variant of variants) walk(variant, `${childPath}[type=${String(variant.properties?.type?.const)}]`, rows);
    else if (child.items?.type === 'object') walk(child.items, `${childPath}[]`, rows);
  }
}

function row(path: string, schema: JsonSchema, required: boolean): string {
  const alternatives = schema.anyOf ?? schema.oneOf;
  const type = alternatives?.every((variant) => variant.type !== 'object')
    ? alternatives.map((variant) => (variant.const !== undefined ? JSON.stringify(variant.const) : (variant.type ?? 'object'))).join(' \\| ')
    : schema.const !== undefined
      ? JSON.stringify(schema.const)
      : schema.enum
        ? schema.enum.map(String).join(' \\| ')
        : schema.items
          ? `${schema.items.type ?? 'object'}[]`
          : (schema.type ?? 'object');
  const fallback = schema.default === undefined ? (required ? '*required*' : '') : `\`${JSON.stringify(schema.default)}\``;
  const isCompound = typeof schema.default === 'object' && schema.default !== null && !Array.isArray(schema.default);
  return `| \`${path}\` | ${type} | ${isCompound ? '(see below)' : fallback} | ${schema.description ?? ''} |`;
}
