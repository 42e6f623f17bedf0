import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';

// STYLE.md: dependencies point inward — domain ← application ← {db, server}. The lint fails a wrong-way import.
const root = new URL('../../../', import.meta.url).pathname;
const eslint = new ESLint({ cwd: root });

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('R-NF-05 the layers depend inward (enforced by the lint)', () => {
  const cases: [string, string, boolean][] = [
    [
      'packages/domain/src/x.ts',
      "import { openDatabase } from '@aftercare/db';\nexport const x = openDatabase;\n",
      true,
    ],
    [
      'packages/domain/src/x.ts',
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      true,
    ],
    ['packages/domain/src/x.ts', "import Fastify from 'fastify';\nexport const x = Fastify;\n", true],
    [
      'packages/application/src/x.ts',
      "import { buildApp } from '@aftercare/server';\nexport const x = buildApp;\n",
      true,
    ],
    [
      'packages/dispatch/src/x.ts',
      "import { openDatabase } from '@aftercare/db';\nexport const x = openDatabase;\n",
      true,
    ],
    ['apps/web/src/x.ts', "import { login } from '@aftercare/application';\nexport const x = login;\n", true],
    [
      'packages/application/src/x.ts',
      "import { can } from '@aftercare/domain';\nexport const x = can;\n",
      false,
    ],
    [
      'apps/server/src/x.ts',
      "import { login } from '@aftercare/application';\nexport const x = login;\n",
      false,
    ],
  ];
  for (const [file, code, refused] of cases) {
    const what = code.split('\n')[0];
    it(`R-NF-05 ${file}: ${what} is ${refused ? 'refused' : 'allowed'}`, async () => {
      const errors = await importErrors(file, code);
      assert.equal(errors.length > 0, refused, errors.join('; '));
    });
  }
});
