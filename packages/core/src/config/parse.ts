// Turns the text of config.ini into a validated PipelineConfig, or a ConfigValidationError that lists
// every problem with its section and key.
import { decode, encode } from 'ini';
import type { z } from 'zod';
import { type ConfigIssue, ConfigValidationError } from '../errors';
import { interpolate } from './interpolate';
import { type ConfigSections, configSchema, type PipelineConfig, REQUIRED_SECTIONS } from './schema';

/** Parses and validates config.ini; `source` names the file in errors (for example its s3:// URI). */
export function parseConfig(text: string, source: string): PipelineConfig {
  const { sections, issues } = readSections(text.replace(/^\uFEFF/, ''));
  const interpolated = interpolate(sections);
  issues.push(...interpolated.issues);
  const result = configSchema.safeParse(interpolated.sections);
  if (!result.success) issues.push(...result.error.issues.flatMap((issue) => toConfigIssues(issue, sections)));
  if (issues.length > 0 || !result.success) throw new ConfigValidationError(source, dedupe(issues));
  return result.data;
}

/** Renders config.ini text from its sections; the result is what `parseConfig` reads back. */
export function renderConfigIni(sections: ConfigSections): string {
  const ordered: ConfigSections = {};
  for (const name of [...REQUIRED_SECTIONS, 'cluster', 'tags']) if (sections[name]) ordered[name] = sections[name];
  for (const [name, values] of Object.entries(sections)) if (!ordered[name]) ordered[name] = values;
  return encode(ordered, { whitespace: true, sort: false });
}

function readSections(text: string): { sections: ConfigSections; issues: ConfigIssue[] } {
  const decoded = decode(text) as Record<string, unknown>;
  const sections: ConfigSections = {};
  const issues: ConfigIssue[] = [];
  for (const [name, value] of Object.entries(decoded)) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      issues.push({ section: '(none)', key: name, problem: 'is outside any section' });
      continue;
    }
    sections[name] = {};
    for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
      if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
        issues.push({ section: `${name}.${key}`, problem: 'nested sections are not supported' });
      } else if (typeof raw === 'boolean') {
        // The ini reader turns `key = true` into a boolean; config.ini values are text (a tag may read "true").
        sections[name][key] = String(raw);
      } else if (typeof raw !== 'string') {
        issues.push({ section: name, key, problem: 'must be written as key = value' });
      } else if (raw.trim() !== '') {
        sections[name][key] = raw.trim();
      }
    }
  }
  return { sections, issues };
}

function toConfigIssues(issue: z.core.$ZodIssue, raw: ConfigSections): ConfigIssue[] {
  const [section, key] = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((unknown) =>
      section === undefined ? { section: unknown, problem: 'unknown section' } : { section, key: unknown, problem: 'unknown key' },
    );
  }
  if (section === undefined) return [{ section: '(file)', problem: issue.message }];
  if (key === undefined) {
    const missing = raw[section] === undefined;
    return [{ section, problem: missing ? 'missing section' : issue.message }];
  }
  const value = raw[section]?.[key];
  const got = value === undefined || issue.message === 'missing' ? '' : ` (got "${value}")`;
  return [{ section, key, problem: `${issue.message}${got}` }];
}

function dedupe(issues: ConfigIssue[]): ConfigIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const id = `${issue.section}\u0000${issue.key ?? ''}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
