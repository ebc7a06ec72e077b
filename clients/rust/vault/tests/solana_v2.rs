//! An app on the solana 2.x crates (`solana-pubkey` / `solana-instruction` 2.x, as anchor 0.31
//! and the original Jito clients use) with this client, built on solana-address 2 /
//! solana-instruction 3: keys and instructions convert through their bytes. The README shows
//! the same two functions.

use jito_vault_client::{accounts::Vault, instructions::MintToBuilder, Address, Instruction};
use solana_instruction_v2::{AccountMeta as AccountMetaV2, Instruction as InstructionV2};
use solana_pubkey_v2::Pubkey as PubkeyV2;

/// solana 2.x `Pubkey` -> the client's `Address`.
fn to_address(pubkey: &PubkeyV2) -> Address {
    Address::new_from_array(pubkey.to_bytes())
}

/// The client's `Instruction` -> solana 2.x `Instruction`.
fn to_v2(ix: Instruction) -> InstructionV2 {
    InstructionV2 {
        program_id: PubkeyV2::new_from_array(ix.program_id.to_bytes()),
        accounts: ix
            .accounts
            .into_iter()
            .map(|m| AccountMetaV2 {
                pubkey: PubkeyV2::new_from_array(m.pubkey.to_bytes()),
                is_signer: m.is_signer,
                is_writable: m.is_writable,
            })
            .collect(),
        data: ix.data,
    }
}

#[test]
fn a_solana_v2_app_builds_vault_instructions() {
    let base = PubkeyV2::new_unique();
    let depositor = PubkeyV2::new_unique();
    let (vault, _) = Vault::find_pda(&to_address(&base));
    let ix = MintToBuilder::new()
        .config(to_address(&PubkeyV2::new_unique()))
        .vault(vault)
        .vrt_mint(to_address(&PubkeyV2::new_unique()))
        .depositor(to_address(&depositor))
        .depositor_token_account(to_address(&PubkeyV2::new_unique()))
        .vault_token_account(to_address(&PubkeyV2::new_unique()))
        .depositor_vrt_token_account(to_address(&PubkeyV2::new_unique()))
        .vault_fee_token_account(to_address(&PubkeyV2::new_unique()))
        .amount_in(1_000)
        .min_amount_out(990)
        .try_instruction()
        .unwrap();
    let v2 = to_v2(ix.clone());
    assert_eq!(v2.program_id.to_string(), jito_vault_client::ID.to_string());
    assert_eq!(v2.data, ix.data);
    assert_eq!(v2.accounts[3].pubkey, depositor);
    assert!(v2.accounts[3].is_signer && v2.accounts[3].is_writable);
    // And back: a PDA derived with the 2.x crate is the client's.
    let (vault_v2, _) = PubkeyV2::find_program_address(
        &[b"vault", base.as_ref()],
        &PubkeyV2::new_from_array(jito_vault_client::ID.to_bytes()),
    );
    assert_eq!(to_address(&vault_v2), vault);
}
