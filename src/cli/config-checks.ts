/**
 * Config checks that need more than the schema knows (the schema, stage 1, may not import the
 * extractor): alert rules' `fields` keys are mapped to canonical keys or refused, with the key path,
 * and names that refer to other sections must exist. Failures are UsageErrors (exit 2), all at once.
 */
import type { Config } from '../config/schema.js';
import { UsageError } from '../errors.js';
import { canonicalFieldKey } from './field-keys.js';

/** Checks `config` (loaded from `label`) and returns it with every alert field key canonical. */
export function checkConfig(config: Config, label: string): Config {
  const problems: string[] = [];
  const alerts = config.alerts.map((alert, index) => {
    if (!alert.fields) return alert;
    const fields: Record<string, string> = {};
    for (const [written, pattern] of Object.entries(alert.fields)) {
      const { key, problem } = canonicalFieldKey(written);
      if (problem !== undefined) problems.push(`alerts.${index}.fields.${written}: ${problem}`);
      else if (key in fields) problems.push(`alerts.${index}.fields.${written}: the field ${key} is already given (as another of its labels)`);
      else fields[key] = pattern;
    }
    return { ...alert, fields };
  });
  const sourceIds = new Set(config.sources.map((source) => source.id));
  config.alerts.forEach((alert, index) =>
    alert.sources?.forEach((id, at) => {
      if (!sourceIds.has(id))
        problems.push(`alerts.${index}.sources.${at}: unknown source "${id}": expected one of ${[...sourceIds].join(', ') || '(no sources configured)'}`);
    }),
  );
  const alertNames = new Set(config.alerts.map((alert) => alert.name));
  config.sinks.forEach((sink, index) =>
    sink.filter?.alerts?.forEach((name, at) => {
      if (!alertNames.has(name))
        problems.push(`sinks.${index}.filter.alerts.${at}: unknown alert "${name}": expected one of ${[...alertNames].join(', ') || '(no alerts configured)'}`);
    }),
  );
  if (problems.length > 0) throw new UsageError(`invalid config ${label}:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  return { ...config, alerts };
}
