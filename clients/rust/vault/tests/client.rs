//! The client as a user meets it: checked decoding, builders that name a missing account or
//! argument, any program id (builders and PDAs, the restaking PDAs the vault takes included),
//! errors from their code with the program's messages, and the token-account helpers.

use jito_vault_client::{
    accounts::{Config, Vault, VaultNcnTicket, VaultUpdateStateTracker},
    errors::JitoVaultError,
    instructions::{EnqueueWithdrawalBuilder, InitializeConfigBuilder},
    pdas, token_accounts, Address, BuildError, ProgramError, ProgramIds,
    DEFAULT_RESTAKING_PROGRAM_ID, ID,
};

fn key(b: u8) -> Address {
    Address::new_from_array([b; 32])
}

fn account_bytes(discriminator: u8, len: usize) -> Vec<u8> {
    let mut data = vec![0u8; len];
    data[0] = discriminator;
    data
}

#[test]
fn from_bytes_checks_size_and_discriminator() {
    assert!(Vault::from_bytes(&account_bytes(2, Vault::LEN)).is_ok());
    // A restaking Ncn (also type 2, 592 bytes) is not a Vault.
    let err = Vault::from_bytes(&account_bytes(2, 592)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "not a Vault account: 592 bytes, a Vault has 1111"
    );
    let err = VaultNcnTicket::from_bytes(&account_bytes(7, VaultNcnTicket::LEN)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "not a VaultNcnTicket account: discriminator 7, a VaultNcnTicket has 3"
    );
    // Bytes 1..8 of the header are part of the discriminator.
    let mut data = account_bytes(1, Config::LEN);
    data[7] = 1;
    assert!(Config::from_bytes(&data).is_err());
}

#[test]
fn builders_name_what_is_missing() {
    let mut builder = EnqueueWithdrawalBuilder::new();
    builder
        .config(key(1))
        .vault(key(2))
        .vault_staker_withdrawal_ticket(key(3))
        .vault_staker_withdrawal_ticket_token_account(key(4))
        .staker(key(5))
        .staker_vrt_token_account(key(6))
        .base(key(7));
    assert_eq!(
        builder.try_instruction(),
        Err(BuildError::MissingArgument {
            instruction: "EnqueueWithdrawal",
            name: "amount"
        })
    );
    builder.amount(5);
    let ix = builder.try_instruction().unwrap();
    assert_eq!(ix.program_id, ID);
    assert_eq!(ix.data, [&[12u8][..], &5u64.to_le_bytes()].concat());
}

#[test]
fn builders_and_pdas_take_program_ids() {
    let ids = ProgramIds {
        restaking: key(0xaa),
        vault: key(0xbb),
    };
    let mut builder = InitializeConfigBuilder::new();
    builder
        .config(key(1))
        .admin(key(2))
        .program_fee_wallet(key(3))
        .program_fee_bps(10);
    let ix = builder.try_instruction_with_program_ids(&ids).unwrap();
    assert_eq!(ix.program_id, ids.vault);
    assert_eq!(
        ix.accounts[2].pubkey, ids.restaking,
        "restaking_program from ids"
    );
    let default = builder.try_instruction().unwrap();
    assert_eq!(
        (default.program_id, default.accounts[2].pubkey),
        (ID, DEFAULT_RESTAKING_PROGRAM_ID)
    );

    let (tracker, _) = VaultUpdateStateTracker::find_pda_with_program_id(&ids.vault, &key(4), 9);
    assert_eq!(
        tracker,
        Address::find_program_address(
            &[
                b"vault_update_state_tracker",
                key(4).as_ref(),
                &9u64.to_le_bytes()
            ],
            &ids.vault
        )
        .0
    );
    // The restaking PDAs a vault instruction takes, under the restaking id given.
    assert_eq!(
        pdas::find_ncn_vault_ticket(&ids.restaking, &key(5), &key(6)).0,
        Address::find_program_address(
            &[b"ncn_vault_ticket", key(5).as_ref(), key(6).as_ref()],
            &ids.restaking
        )
        .0
    );
    assert_eq!(pdas::find_vault(&ID, &key(8)), Vault::find_pda(&key(8)));
    assert_eq!(
        pdas::find_burn_vault(&ids.vault, &key(8)).0,
        Address::find_program_address(&[b"burn_vault", key(8).as_ref()], &ids.vault).0
    );
}

#[test]
fn errors_convert_from_code_with_the_idl_messages() {
    let path = format!(
        "{}/../../../idl/jito_vault.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let idl: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let errors = idl["errors"].as_array().unwrap();
    assert!(errors.len() > 50);
    for e in errors {
        let code = e["code"].as_u64().unwrap() as u32;
        let (name, msg) = (e["name"].as_str().unwrap(), e["msg"].as_str().unwrap());
        let err = JitoVaultError::try_from(code).unwrap();
        assert_eq!((err.code(), err.name()), (code, name));
        assert_eq!(err.to_string(), msg, "Display is the IDL message");
        assert_eq!(err.describe(), format!("vault: {name} ({code}): {msg}"));
    }
    let update_needed = JitoVaultError::from_program_error(&ProgramError::Custom(1020)).unwrap();
    assert_eq!(update_needed, JitoVaultError::VaultUpdateNeeded);
    assert!(update_needed
        .describe()
        .starts_with("vault: VaultUpdateNeeded (1020): "));
    assert_eq!(JitoVaultError::from_code(1), None);
}

#[test]
fn token_account_helpers() {
    let (payer, owner, mint) = (key(1), key(2), key(3));
    let ix = token_accounts::create_associated_token_account_idempotent(
        &payer,
        &owner,
        &mint,
        &token_accounts::TOKEN_PROGRAM_ID,
    );
    assert_eq!(ix.program_id, token_accounts::ASSOCIATED_TOKEN_PROGRAM_ID);
    assert_eq!(ix.data, vec![1], "CreateIdempotent");
    let ata = Address::find_program_address(
        &[
            owner.as_ref(),
            token_accounts::TOKEN_PROGRAM_ID.as_ref(),
            mint.as_ref(),
        ],
        &token_accounts::ASSOCIATED_TOKEN_PROGRAM_ID,
    )
    .0;
    let metas: Vec<_> = ix
        .accounts
        .iter()
        .map(|m| (m.pubkey, m.is_writable, m.is_signer))
        .collect();
    assert_eq!(
        metas,
        vec![
            (payer, true, true),
            (ata, true, false),
            (owner, false, false),
            (mint, false, false),
            (token_accounts::SYSTEM_PROGRAM_ID, false, false),
            (token_accounts::TOKEN_PROGRAM_ID, false, false),
        ]
    );

    // MintTo: the four accounts of the flow, from the vault's state.
    let mut vault = Vault::from_bytes(&account_bytes(2, Vault::LEN)).unwrap();
    vault.supported_mint = key(10);
    vault.vrt_mint = key(11);
    vault.fee_wallet = key(12);
    let t22 = token_accounts::TOKEN_2022_PROGRAM_ID;
    let created: Vec<Address> = token_accounts::for_mint_to(&payer, &owner, &key(9), &vault, &t22)
        .iter()
        .map(|ix| ix.accounts[1].pubkey)
        .collect();
    let ata22 = |o: &Address, m: &Address| token_accounts::associated_token_address(o, m, &t22);
    assert_eq!(
        created,
        vec![
            ata22(&owner, &key(10)),
            ata22(&key(9), &key(10)),
            ata22(&owner, &key(11)),
            ata22(&key(12), &key(11)),
        ]
    );
}
