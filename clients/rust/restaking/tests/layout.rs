//! The generated client against the program's interface crate: an account written by the
//! interface decodes field for field, and an instruction built by the client carries the tag,
//! arguments and account flags the program reads.

use jito_restaking_client::{accounts::Config, instructions::InitializeOperatorBuilder, ID};
use jito_restaking_interface::state::{AccountType, Config as ConfigView};
use solana_address::Address;

#[test]
fn config_written_by_the_interface_decodes() {
    let admin = Address::new_from_array([7; 32]);
    let vault_program = Address::new_from_array([9; 32]);
    let view = ConfigView::new(admin, vault_program, 254);
    let mut data = vec![0u8; ConfigView::LEN];
    data[0] = ConfigView::DISCRIMINATOR;
    // SAFETY: `ConfigView` is `#[repr(C)]` with only byte fields (alignment 1, no padding).
    let body = unsafe {
        core::slice::from_raw_parts(
            (&view as *const ConfigView).cast::<u8>(),
            core::mem::size_of::<ConfigView>(),
        )
    };
    data[8..].copy_from_slice(body);

    let config = Config::from_bytes(&data).unwrap();
    assert_eq!(Config::LEN, ConfigView::LEN);
    assert_eq!(config.discriminator, 1);
    assert_eq!(config.admin, admin);
    assert_eq!(config.vault_program, vault_program);
    assert_eq!(config.epoch_length, view.epoch_length());
    assert_eq!(config.bump, 254);
    assert_eq!(
        Config::find_pda().0,
        Address::find_program_address(&[b"config"], &ID).0
    );
}

#[test]
fn initialize_operator_instruction_bytes() {
    let [config, operator, admin, base] = [1u8, 2, 3, 4].map(|b| Address::new_from_array([b; 32]));
    let ix = InitializeOperatorBuilder::new()
        .config(config)
        .operator(operator)
        .admin(admin)
        .base(base)
        .operator_fee_bps(0x0102)
        .instruction();
    assert_eq!(ix.program_id, ID);
    assert_eq!(ix.data, vec![2, 0x02, 0x01]);
    let metas: Vec<_> = ix
        .accounts
        .iter()
        .map(|m| (m.pubkey, m.is_writable, m.is_signer))
        .collect();
    assert_eq!(
        metas,
        vec![
            (config, true, false),
            (operator, true, false),
            (admin, true, true),
            (base, false, true),
            (
                Address::from_str_const("11111111111111111111111111111111"),
                false,
                false
            ),
        ]
    );
}
