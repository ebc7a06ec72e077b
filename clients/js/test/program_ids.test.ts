// Any program id: every PDA an async builder derives by default uses the id the caller gives
// (`programAddress` for the program's own PDAs, `restakingProgram` for the restaking tickets
// vault builders derive), never a default id; only associated token accounts use their fixed
// program. Checked over the generated source of every instruction of both clients, beside
// the LiteSVM lifecycles at other ids (handshake, deposit_withdrawal, errors tests).

import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ATA_PROGRAM = '"ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL" as Address<"ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL">';

for (const pkg of ['restaking', 'vault']) {
  test(`${pkg} builders derive PDAs with the caller's program ids`, () => {
    const dir = fileURLToPath(new URL(`../${pkg}/src/generated/instructions/`, import.meta.url));
    let derivations = 0;
    for (const file of readdirSync(dir).filter(f => f !== 'index.ts')) {
      const text = readFileSync(dir + file, 'utf8');
      assert.doesNotMatch(text, /await find\w+Pda\(/, `${file}: a linked PDA helper derives with its default id`);
      for (const [, program] of text.matchAll(/getProgramDerivedAddress\(\{\s*([\s\S]*?)\s*seeds:/g)) {
        derivations++;
        const p = program.replace(/\s+/g, ' ').trim();
        const ok =
          p === 'programAddress,' ||
          /^programAddress: getAddressFromResolvedInstructionAccount\( "restakingProgram", args\.restakingProgram, \),$/.test(p) ||
          p === `programAddress: ${ATA_PROGRAM},`;
        assert.ok(ok, `${file}: PDA derived with ${p}`);
        if (pkg === 'restaking') assert.doesNotMatch(p, /restakingProgram/, `${file}: restaking uses its own id`);
      }
    }
    assert.ok(derivations > 20, `${pkg}: ${derivations} derivations found`);
  });
}
