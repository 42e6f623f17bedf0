// R-NF-04: every label exists in Simplified Chinese and in English. This test compares the two
// locale files key by key, and scans the sources for the keys they use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import zhCN from './zh-CN.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import { TRANSLATED_ERROR_CODES } from '../app/api/errors';
import { ROLES } from '../app/session/roles';
import { PRIORITIES, REQUEST_TYPES, WORK_ORDER_STATUSES } from '../features/work-orders/api/codes';
import { DEMO_LOGINS } from '../features/auth/api/demoLogins';

type Tree = { [key: string]: string | Tree };
const srcDir = new URL('..', import.meta.url).pathname;
const locales: Record<string, Tree> = { 'zh-CN': zhCN, en };

/** Flattens nested JSON into dotted keys → text. */
function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else flatten(value, path, out);
  }
  return out;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

/**
 * Literal keys used in the sources: `t('a.b')`, `i18n.t("a.b")`, and nav/config entries written as
 * `labelKey: 'a.b'` (any property ending in `Key`). Template literals with `${…}` are dynamic and
 * are covered below by the code lists they are built from.
 */
function usedKeys(): Map<string, string> {
  const patterns = [/\bt\(\s*(['"`])([\w.-]+)\1/g, /\b\w*Key:\s*(['"`])([\w.-]+)\1/g];
  const found = new Map<string, string>();
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) {
        const key = match[2];
        // Storage keys such as `aftercare.language` are not translation keys.
        if (key && !key.startsWith('aftercare.')) found.set(key, relative(srcDir, file));
      }
    }
  }
  return found;
}

const flat = Object.fromEntries(Object.entries(locales).map(([lang, tree]) => [lang, flatten(tree)]));
const languages = Object.keys(flat);

function missingIn(lang: string, keys: Iterable<string>): string[] {
  return [...keys].filter((key) => !flat[lang]?.has(key));
}

test('R-NF-04 every key in one language exists in the other', () => {
  for (const lang of languages) {
    for (const other of languages) {
      if (lang === other) continue;
      assert.deepEqual(missingIn(other, flat[lang]!.keys()), [], `keys in ${lang} but missing in ${other}`);
    }
  }
});

test('R-NF-04 no translation is empty, and both languages use the same {{placeholders}}', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
  for (const [key, zh] of flat['zh-CN']!) {
    const english = flat.en!.get(key);
    assert.ok(zh.trim(), `zh-CN ${key} is empty`);
    if (english === undefined) continue; // reported by the test above
    assert.ok(english.trim(), `en ${key} is empty`);
    assert.deepEqual(placeholders(english), placeholders(zh), `placeholders differ for ${key}`);
  }
});

test('R-NF-04 every t() key used in the sources exists in both languages', () => {
  const used = usedKeys();
  assert.ok(used.size > 20, `the source scan found only ${used.size} keys; is the regex still right?`);
  for (const lang of languages) {
    const missing = missingIn(lang, used.keys()).map((key) => `${key} (${used.get(key)})`);
    assert.deepEqual(missing, [], `keys used in src but missing in ${lang}`);
  }
});

test('R-NF-04 every status, priority, request type, role and known error code has a label in both languages', () => {
  const dynamic = [
    ...WORK_ORDER_STATUSES.map((code) => `workOrder.status.${code}`),
    ...PRIORITIES.map((code) => `workOrder.priority.${code}`),
    ...REQUEST_TYPES.map((code) => `workOrder.requestType.${code}`),
    ...ROLES.map((code) => `role.${code}`),
    ...DEMO_LOGINS.map(({ role }) => `role.${role}`),
    ...TRANSLATED_ERROR_CODES.map((code) => `error.${code}`),
  ];
  for (const lang of languages) assert.deepEqual(missingIn(lang, dynamic), [], `labels missing in ${lang}`);
});

test('R-NF-04 the Chinese UI is in Chinese: every zh-CN label that is not a symbol contains Han characters', () => {
  const notChinese = [...flat['zh-CN']!].filter(
    ([, text]) => /[A-Za-z]{3,}/.test(text) && !/\p{Script=Han}/u.test(text),
  );
  assert.deepEqual(notChinese, []);
});
