//! The client as a user meets it: checked decoding, builders that name a missing account,
//! any program id (builders and PDAs), errors from their code with the program's messages.

use jito_restaking_client::{
    accounts::{Config, Ncn, NcnVaultTicket, OperatorVaultTicket},
    errors::JitoRestakingError,
    instructions::{InitializeConfigBuilder, InitializeNcnBuilder, WarmupNcnVaultTicketBuilder},
    pdas, Address, BuildError, ProgramError, ProgramIds, DEFAULT_VAULT_PROGRAM_ID, ID,
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
    // An Ncn (type 2, 592 bytes) decodes.
    let ncn = Ncn::from_bytes(&account_bytes(2, Ncn::LEN)).unwrap();
    assert_eq!(ncn.discriminator, 2);
    // A vault account (type 2 of the vault program, 1111 bytes) is not an Ncn.
    let err = Ncn::from_bytes(&account_bytes(2, 1111)).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidData);
    assert_eq!(
        err.to_string(),
        "not a Ncn account: 1111 bytes, a Ncn has 592"
    );
    // Same size, other type: an OperatorVaultTicket (5) is not an NcnVaultTicket (6).
    assert_eq!(OperatorVaultTicket::LEN, NcnVaultTicket::LEN);
    let err = NcnVaultTicket::from_bytes(&account_bytes(5, NcnVaultTicket::LEN)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "not a NcnVaultTicket account: discriminator 5, a NcnVaultTicket has 6"
    );
    // Truncated and empty data.
    assert!(Config::from_bytes(&account_bytes(1, Config::LEN - 1)).is_err());
    assert!(Config::from_bytes(&[]).is_err());
    // The unchecked decoder is still there, and reads what it is given.
    assert!(Ncn::from_bytes_unchecked(&account_bytes(2, 1111)).is_ok());
}

#[test]
fn builders_name_what_is_missing() {
    let mut builder = WarmupNcnVaultTicketBuilder::new();
    builder.config(key(1)).ncn(key(2)).vault(key(3));
    assert_eq!(
        builder.try_instruction(),
        Err(BuildError::MissingAccount {
            instruction: "WarmupNcnVaultTicket",
            name: "ncn_vault_ticket"
        })
    );
    builder.ncn_vault_ticket(key(4));
    let err = builder.try_instruction().unwrap_err();
    assert_eq!(
        err.to_string(),
        "WarmupNcnVaultTicket: account `admin` is not set"
    );
    builder.admin(key(5));
    let ix = builder.try_instruction().unwrap();
    assert_eq!(ix, builder.instruction());
    assert_eq!(ix.program_id, ID);

    let mut ncn = InitializeNcnBuilder::new();
    ncn.config(key(1)).ncn(key(2)).admin(key(3)).base(key(4));
    // InitializeNcn has no arguments; every account is set.
    assert!(ncn.try_instruction().is_ok());
}

#[test]
fn builders_and_pdas_take_program_ids() {
    let ids = ProgramIds {
        restaking: key(0xaa),
        vault: key(0xbb),
    };
    let ix = InitializeConfigBuilder::new()
        .config(key(1))
        .admin(key(2))
        .try_instruction_with_program_ids(&ids)
        .unwrap();
    assert_eq!(ix.program_id, ids.restaking);
    // The vault program account defaults to the vault id given, not the original one.
    assert_eq!(ix.accounts[2].pubkey, ids.vault);
    let default = InitializeConfigBuilder::new()
        .config(key(1))
        .admin(key(2))
        .try_instruction()
        .unwrap();
    assert_eq!(default.accounts[2].pubkey, DEFAULT_VAULT_PROGRAM_ID);
    // An explicitly set account wins over the id.
    let explicit = InitializeConfigBuilder::new()
        .config(key(1))
        .admin(key(2))
        .vault_program(key(3))
        .try_instruction_with_program_ids(&ids)
        .unwrap();
    assert_eq!(explicit.accounts[2].pubkey, key(3));

    let (ncn, bump) = Ncn::find_pda_with_program_id(&ids.restaking, &key(7));
    assert_eq!(
        (ncn, bump),
        Address::find_program_address(&[b"ncn", key(7).as_ref()], &ids.restaking)
    );
    assert_ne!(ncn, Ncn::find_pda(&key(7)).0);
    assert_eq!(
        Ncn::create_pda_with_program_id(&ids.restaking, key(7), bump).unwrap(),
        ncn
    );
    assert_eq!(
        pdas::find_ncn_vault_ticket(&ids.restaking, &key(1), &key(2)),
        NcnVaultTicket::find_pda_with_program_id(&ids.restaking, &key(1), &key(2))
    );
    assert_eq!(
        Config::find_pda_with_program_id(&ID),
        Config::find_pda(),
        "the default-id forms are the same PDAs"
    );
}

#[test]
fn errors_convert_from_code_with_the_idl_messages() {
    let errors = idl_errors("jito_restaking.json");
    assert!(errors.len() > 20);
    for (code, name, msg) in &errors {
        let e = JitoRestakingError::from_code(*code).unwrap_or_else(|| panic!("code {code}"));
        assert_eq!(e.code(), *code);
        assert_eq!(e.name(), name);
        assert_eq!(e.to_string(), *msg, "Display is the IDL message");
        assert_eq!(JitoRestakingError::try_from(*code), Ok(e.clone()));
        assert_eq!(
            JitoRestakingError::from_program_error(&ProgramError::Custom(*code)),
            Some(e.clone())
        );
        assert_eq!(e.describe(), format!("restaking: {name} ({code}): {msg}"));
    }
    assert_eq!(JitoRestakingError::try_from(999_999), Err(999_999));
    assert_eq!(
        JitoRestakingError::from_program_error(&ProgramError::InvalidAccountData),
        None
    );
}

#[test]
fn shared_code_is_the_same_in_both_crates() {
    assert_eq!(
        include_str!("../src/common.rs"),
        include_str!("../../vault/src/common.rs")
    );
}

/// The IDL's errors: (code, name, msg).
fn idl_errors(file: &str) -> Vec<(u32, String, String)> {
    let path = format!("{}/../../../idl/{file}", env!("CARGO_MANIFEST_DIR"));
    let idl: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    idl["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["code"].as_u64().unwrap() as u32,
                e["name"].as_str().unwrap().to_string(),
                e["msg"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}
