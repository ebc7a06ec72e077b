// Types an app gets through `import` (ESM, nodenext): real types, not `any` (every
// expected-error directive below must find its error, or tsc fails).
import type { Address } from '@solana/kit';
import * as jitoNcn from 'jito-ncn-client';
import * as restaking from 'jito-restaking-client';
import * as vault from 'jito-vault-client';

export async function types(ncn: Address, admin: restaking.InitializeNcnInput['admin'], other: Address) {
  const ix = await vault.getInitializeVaultNcnTicketInstructionAsync(
    { vault: other, ncn, admin, payer: admin, restakingProgram: other },
    { programAddress: other },
  );
  const address: Address = ix.programAddress;
  const [pda] = await restaking.findNcnVaultTicketPda({ ncn, vault: other }, { programAddress: other });
  const description: vault.JitoErrorDescription | null = vault.describeJitoError(new Error('x'), { vaultProgram: other });
  const code: number | undefined = description?.code;
  const pre = await vault.getMintToPreconditionInstructions({ payer: admin, vault: other, depositor: ncn, stMint: other, vrtMint: other, feeWallet: other });
  const decoded: bigint = vault.getVaultDecoder().decode(new Uint8Array(0)).tokensDeposited;
  // @ts-expect-error a vault address is required
  await vault.getInitializeVaultNcnTicketInstructionAsync({ ncn, admin, payer: admin });
  // @ts-expect-error the restaking program id is an Address, not a number
  await vault.getInitializeVaultNcnTicketInstructionAsync({ vault: other, ncn, admin, payer: admin, restakingProgram: 1 });
  // @ts-expect-error the description's code is a number
  const wrong: string = description!.code;
  const config = await jitoNcn.getInitializeConfigInstructionAsync(
    { ncn: other, ncnFeeWallet: other, ncnAdmin: admin, tieBreakerAdmin: other, epochsBeforeStall: 10n, epochsAfterConsensusBeforeClose: 10n, validSlotsAfterConsensus: 10_000n, ncnFeeBps: 100 },
    { programAddress: other },
  );
  const [configPda] = await jitoNcn.findConfigPda({ ncn: other }, { programAddress: other });
  const ncnError: jitoNcn.JitoProgramName | null | undefined = jitoNcn.describeJitoError(new Error('x'), { ncnProgram: other })?.program;
  // @ts-expect-error the NCN admin signs: an address is not enough
  await jitoNcn.getInitializeConfigInstructionAsync({ ncn: other, ncnFeeWallet: other, ncnAdmin: other, tieBreakerAdmin: other, epochsBeforeStall: 1n, epochsAfterConsensusBeforeClose: 1n, validSlotsAfterConsensus: 1n, ncnFeeBps: 0 });
  return { address, pda, code, pre, decoded, wrong, config, configPda, ncnError };
}
