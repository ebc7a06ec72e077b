//! Instructions built by the generated client carry the original's tag, Borsh arguments
//! (little-endian integers, `Option` as a 1-byte flag) and account order and flags, with the
//! optional signer left out when absent.

use jito_vault_client::{
    instructions::{MintToBuilder, SetFeesBuilder},
    ID,
};
use solana_address::Address;

fn key(b: u8) -> Address {
    Address::new_from_array([b; 32])
}

#[test]
fn mint_to_bytes_and_optional_signer() {
    let mut builder = MintToBuilder::new();
    builder
        .config(key(1))
        .vault(key(2))
        .vrt_mint(key(3))
        .depositor(key(4))
        .depositor_token_account(key(5))
        .vault_token_account(key(6))
        .depositor_vrt_token_account(key(7))
        .vault_fee_token_account(key(8))
        .amount_in(1_000)
        .min_amount_out(990);
    let ix = builder.instruction();
    assert_eq!(ix.program_id, ID);
    let mut data = vec![11u8];
    data.extend_from_slice(&1_000u64.to_le_bytes());
    data.extend_from_slice(&990u64.to_le_bytes());
    assert_eq!(ix.data, data);
    let flags: Vec<_> = ix
        .accounts
        .iter()
        .map(|m| (m.is_writable, m.is_signer))
        .collect();
    let token = (false, false);
    assert_eq!(
        flags,
        vec![
            (false, false),
            (true, false),
            (true, false),
            (true, true),
            (true, false),
            (true, false),
            (true, false),
            (true, false),
            token
        ]
    );
    assert_eq!(ix.accounts.len(), 9, "no mint signer given: left out");

    let with_signer = builder.mint_signer(Some(key(9))).instruction();
    assert_eq!(with_signer.accounts.len(), 10);
    assert_eq!(
        (
            with_signer.accounts[9].pubkey,
            with_signer.accounts[9].is_signer
        ),
        (key(9), true)
    );
}

#[test]
fn set_fees_options() {
    let ix = SetFeesBuilder::new()
        .config(key(1))
        .vault(key(2))
        .admin(key(3))
        .deposit_fee_bps(7)
        .reward_fee_bps(0x0201)
        .instruction();
    assert_eq!(ix.data, vec![16, 1, 7, 0, 0, 1, 0x01, 0x02]);
}
