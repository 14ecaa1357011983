// Resolves `${key}` (same section) and `${section:key}` references between values of config.ini, as
// Python's ConfigParser ExtendedInterpolation does; `$$` is a literal `$`. The original file wrote
// `log_on_s3 = s3://…/${emr_name}/`, so references are resolved rather than kept as literals.
import type { ConfigIssue } from '../errors';
import type { ConfigSections } from './schema';

const REFERENCE = /\$(\$|\{([^}]*)\})/g;
const PERCENT_REFERENCE = /%\(([^)]+)\)s/;
const MAX_DEPTH = 10;

export interface InterpolationResult {
  sections: ConfigSections;
  issues: ConfigIssue[];
}

export function interpolate(sections: ConfigSections): InterpolationResult {
  const issues: ConfigIssue[] = [];
  const resolved: ConfigSections = {};
  for (const [section, values] of Object.entries(sections)) {
    resolved[section] = {};
    for (const [key, value] of Object.entries(values)) {
      const result = resolveValue(sections, section, key, value, [`${section}:${key}`]);
      if (typeof result === 'string') {
        resolved[section][key] = result;
      } else {
        issues.push({ section, key, problem: result.problem });
      }
    }
  }
  return { sections: resolved, issues };
}

function resolveValue(
  sections: ConfigSections,
  section: string,
  _key: string,
  value: string,
  chain: string[],
): string | { problem: string } {
  const percent = PERCENT_REFERENCE.exec(value);
  if (percent) {
    return { problem: `uses %(${percent[1]})s interpolation, which is not supported: write \${${percent[1]}} instead` };
  }
  let failure: { problem: string } | undefined;
  const output = value.replace(REFERENCE, (match, body: string, reference: string | undefined) => {
    if (failure) return match;
    if (body === '$') return '$';
    const target = parseReference(reference ?? '', section);
    if (!target) {
      failure = { problem: `has a malformed reference ${match}: write \${key} or \${section:key}` };
      return match;
    }
    const name = `${target.section}:${target.key}`;
    const targetValue = sections[target.section]?.[target.key];
    if (targetValue === undefined) {
      failure = { problem: `refers to ${match}, but [${target.section}] has no key ${target.key}` };
      return match;
    }
    if (chain.includes(name) || chain.length > MAX_DEPTH) {
      failure = { problem: `has a circular reference: ${[...chain, name].join(' -> ')}` };
      return match;
    }
    const nested = resolveValue(sections, target.section, target.key, targetValue, [...chain, name]);
    if (typeof nested !== 'string') {
      failure = { problem: `refers to ${match}, which cannot be resolved: ${nested.problem}` };
      return match;
    }
    return nested;
  });
  return failure ?? output;
}

function parseReference(reference: string, currentSection: string): { section: string; key: string } | undefined {
  const parts = reference.split(':').map((part) => part.trim());
  if (parts.length === 1 && parts[0]) return { section: currentSection, key: parts[0] };
  if (parts.length === 2 && parts[0] && parts[1]) return { section: parts[0], key: parts[1] };
  return undefined;
}
