//! The two vault numberings (master and legacy, `docs/COMPATIBILITY.md`) agree everywhere:
//!
//! - every tag: the generated Rust client's discriminators, mapped by the client's
//!   `VaultNumbering`, equal the tags of `idl/jito_vault.json` and `idl/jito_vault_legacy.json`
//!   and the interface's `tag` / `legacy_tag` constants the program dispatches on (the client
//!   and interface maps are equal on all 256 tags);
//! - every build answers GetNumbering (tag 36) with its own numbering, and the client's
//!   `NumberingCache` refuses a client of the other numbering before anything is sent, both
//!   ways;
//! - that each build runs the instruction its numbering names is what the whole vault suite
//!   shows when run against the legacy build (`JITO_VAULT_NUMBERING=legacy`, see
//!   `mollusk_tests::for_vault_build`), plus the cross-numbered sends below.
//!
//! The original binaries in `../shared/original-programs` (when present) reject GetNumbering:
//! [`original_binaries_reject_the_query`].

use jito_vault_client::{
    instructions as ci,
    numbering::{
        get_numbering_instruction, DeployedNumbering, NumberingCache, NumberingMismatch,
        GET_NUMBERING_TAG,
    },
};
use jito_vault_interface::{
    instruction::tag as mt,
    numbering::{legacy_tag as lt, Numbering},
};
use mollusk_tests::{
    read_program, vault_program_file, Instruction, Mollusk, ProgramError, Pubkey, VaultNumbering,
    VAULT_PROGRAM_ID,
};
use serde_json::Value;

/// (IDL name, client discriminator, interface master tag, interface legacy tag) of every
/// vault instruction.
const TABLE: [(&str, u8, u8, u8); 36] = [
    (
        "InitializeConfig",
        ci::INITIALIZE_CONFIG_DISCRIMINATOR,
        mt::INITIALIZE_CONFIG,
        lt::INITIALIZE_CONFIG,
    ),
    (
        "InitializeVault",
        ci::INITIALIZE_VAULT_DISCRIMINATOR,
        mt::INITIALIZE_VAULT,
        lt::INITIALIZE_VAULT,
    ),
    (
        "InitializeVaultWithMint",
        ci::INITIALIZE_VAULT_WITH_MINT_DISCRIMINATOR,
        mt::INITIALIZE_VAULT_WITH_MINT,
        lt::INITIALIZE_VAULT_WITH_MINT,
    ),
    (
        "InitializeVaultOperatorDelegation",
        ci::INITIALIZE_VAULT_OPERATOR_DELEGATION_DISCRIMINATOR,
        mt::INITIALIZE_VAULT_OPERATOR_DELEGATION,
        lt::INITIALIZE_VAULT_OPERATOR_DELEGATION,
    ),
    (
        "InitializeVaultNcnTicket",
        ci::INITIALIZE_VAULT_NCN_TICKET_DISCRIMINATOR,
        mt::INITIALIZE_VAULT_NCN_TICKET,
        lt::INITIALIZE_VAULT_NCN_TICKET,
    ),
    (
        "InitializeVaultNcnSlasherOperatorTicket",
        ci::INITIALIZE_VAULT_NCN_SLASHER_OPERATOR_TICKET_DISCRIMINATOR,
        mt::INITIALIZE_VAULT_NCN_SLASHER_OPERATOR_TICKET,
        lt::INITIALIZE_VAULT_NCN_SLASHER_OPERATOR_TICKET,
    ),
    (
        "InitializeVaultNcnSlasherTicket",
        ci::INITIALIZE_VAULT_NCN_SLASHER_TICKET_DISCRIMINATOR,
        mt::INITIALIZE_VAULT_NCN_SLASHER_TICKET,
        lt::INITIALIZE_VAULT_NCN_SLASHER_TICKET,
    ),
    (
        "WarmupVaultNcnTicket",
        ci::WARMUP_VAULT_NCN_TICKET_DISCRIMINATOR,
        mt::WARMUP_VAULT_NCN_TICKET,
        lt::WARMUP_VAULT_NCN_TICKET,
    ),
    (
        "CooldownVaultNcnTicket",
        ci::COOLDOWN_VAULT_NCN_TICKET_DISCRIMINATOR,
        mt::COOLDOWN_VAULT_NCN_TICKET,
        lt::COOLDOWN_VAULT_NCN_TICKET,
    ),
    (
        "WarmupVaultNcnSlasherTicket",
        ci::WARMUP_VAULT_NCN_SLASHER_TICKET_DISCRIMINATOR,
        mt::WARMUP_VAULT_NCN_SLASHER_TICKET,
        lt::WARMUP_VAULT_NCN_SLASHER_TICKET,
    ),
    (
        "CooldownVaultNcnSlasherTicket",
        ci::COOLDOWN_VAULT_NCN_SLASHER_TICKET_DISCRIMINATOR,
        mt::COOLDOWN_VAULT_NCN_SLASHER_TICKET,
        lt::COOLDOWN_VAULT_NCN_SLASHER_TICKET,
    ),
    (
        "MintTo",
        ci::MINT_TO_DISCRIMINATOR,
        mt::MINT_TO,
        lt::MINT_TO,
    ),
    (
        "EnqueueWithdrawal",
        ci::ENQUEUE_WITHDRAWAL_DISCRIMINATOR,
        mt::ENQUEUE_WITHDRAWAL,
        lt::ENQUEUE_WITHDRAWAL,
    ),
    (
        "ChangeWithdrawalTicketOwner",
        ci::CHANGE_WITHDRAWAL_TICKET_OWNER_DISCRIMINATOR,
        mt::CHANGE_WITHDRAWAL_TICKET_OWNER,
        lt::CHANGE_WITHDRAWAL_TICKET_OWNER,
    ),
    (
        "BurnWithdrawalTicket",
        ci::BURN_WITHDRAWAL_TICKET_DISCRIMINATOR,
        mt::BURN_WITHDRAWAL_TICKET,
        lt::BURN_WITHDRAWAL_TICKET,
    ),
    (
        "SetDepositCapacity",
        ci::SET_DEPOSIT_CAPACITY_DISCRIMINATOR,
        mt::SET_DEPOSIT_CAPACITY,
        lt::SET_DEPOSIT_CAPACITY,
    ),
    (
        "SetFees",
        ci::SET_FEES_DISCRIMINATOR,
        mt::SET_FEES,
        lt::SET_FEES,
    ),
    (
        "SetProgramFee",
        ci::SET_PROGRAM_FEE_DISCRIMINATOR,
        mt::SET_PROGRAM_FEE,
        lt::SET_PROGRAM_FEE,
    ),
    (
        "SetProgramFeeWallet",
        ci::SET_PROGRAM_FEE_WALLET_DISCRIMINATOR,
        mt::SET_PROGRAM_FEE_WALLET,
        lt::SET_PROGRAM_FEE_WALLET,
    ),
    (
        "SetIsPaused",
        ci::SET_IS_PAUSED_DISCRIMINATOR,
        mt::SET_IS_PAUSED,
        lt::SET_IS_PAUSED,
    ),
    (
        "DelegateTokenAccount",
        ci::DELEGATE_TOKEN_ACCOUNT_DISCRIMINATOR,
        mt::DELEGATE_TOKEN_ACCOUNT,
        lt::DELEGATE_TOKEN_ACCOUNT,
    ),
    (
        "RevokeDelegateTokenAccount",
        ci::REVOKE_DELEGATE_TOKEN_ACCOUNT_DISCRIMINATOR,
        mt::REVOKE_DELEGATE_TOKEN_ACCOUNT,
        lt::REVOKE_DELEGATE_TOKEN_ACCOUNT,
    ),
    (
        "SetAdmin",
        ci::SET_ADMIN_DISCRIMINATOR,
        mt::SET_ADMIN,
        lt::SET_ADMIN,
    ),
    (
        "SetSecondaryAdmin",
        ci::SET_SECONDARY_ADMIN_DISCRIMINATOR,
        mt::SET_SECONDARY_ADMIN,
        lt::SET_SECONDARY_ADMIN,
    ),
    (
        "AddDelegation",
        ci::ADD_DELEGATION_DISCRIMINATOR,
        mt::ADD_DELEGATION,
        lt::ADD_DELEGATION,
    ),
    (
        "CooldownDelegation",
        ci::COOLDOWN_DELEGATION_DISCRIMINATOR,
        mt::COOLDOWN_DELEGATION,
        lt::COOLDOWN_DELEGATION,
    ),
    (
        "UpdateVaultBalance",
        ci::UPDATE_VAULT_BALANCE_DISCRIMINATOR,
        mt::UPDATE_VAULT_BALANCE,
        lt::UPDATE_VAULT_BALANCE,
    ),
    (
        "InitializeVaultUpdateStateTracker",
        ci::INITIALIZE_VAULT_UPDATE_STATE_TRACKER_DISCRIMINATOR,
        mt::INITIALIZE_VAULT_UPDATE_STATE_TRACKER,
        lt::INITIALIZE_VAULT_UPDATE_STATE_TRACKER,
    ),
    (
        "CrankVaultUpdateStateTracker",
        ci::CRANK_VAULT_UPDATE_STATE_TRACKER_DISCRIMINATOR,
        mt::CRANK_VAULT_UPDATE_STATE_TRACKER,
        lt::CRANK_VAULT_UPDATE_STATE_TRACKER,
    ),
    (
        "CloseVaultUpdateStateTracker",
        ci::CLOSE_VAULT_UPDATE_STATE_TRACKER_DISCRIMINATOR,
        mt::CLOSE_VAULT_UPDATE_STATE_TRACKER,
        lt::CLOSE_VAULT_UPDATE_STATE_TRACKER,
    ),
    (
        "CreateTokenMetadata",
        ci::CREATE_TOKEN_METADATA_DISCRIMINATOR,
        mt::CREATE_TOKEN_METADATA,
        lt::CREATE_TOKEN_METADATA,
    ),
    (
        "UpdateTokenMetadata",
        ci::UPDATE_TOKEN_METADATA_DISCRIMINATOR,
        mt::UPDATE_TOKEN_METADATA,
        lt::UPDATE_TOKEN_METADATA,
    ),
    (
        "SetConfigAdmin",
        ci::SET_CONFIG_ADMIN_DISCRIMINATOR,
        mt::SET_CONFIG_ADMIN,
        lt::SET_CONFIG_ADMIN,
    ),
    (
        "SetConfigSecondaryAdmin",
        ci::SET_CONFIG_SECONDARY_ADMIN_DISCRIMINATOR,
        mt::SET_CONFIG_SECONDARY_ADMIN,
        lt::SET_CONFIG_SECONDARY_ADMIN,
    ),
    (
        "BatchCrankVaultUpdateStateTracker",
        ci::BATCH_CRANK_VAULT_UPDATE_STATE_TRACKER_DISCRIMINATOR,
        mt::BATCH_CRANK_VAULT_UPDATE_STATE_TRACKER,
        lt::BATCH_CRANK_VAULT_UPDATE_STATE_TRACKER,
    ),
    (
        "GetNumbering",
        ci::GET_NUMBERING_DISCRIMINATOR,
        mt::GET_NUMBERING,
        lt::GET_NUMBERING,
    ),
];

fn idl_tags(file: &str) -> Vec<(String, u8)> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../idl")
        .join(file);
    let idl: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    idl["instructions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|ix| {
            (
                ix["name"].as_str().unwrap().to_string(),
                ix["discriminant"]["value"].as_u64().unwrap() as u8,
            )
        })
        .collect()
}

#[test]
fn clients_idls_and_builds_agree_on_every_tag() {
    let master_idl = idl_tags("jito_vault.json");
    let legacy_idl = idl_tags("jito_vault_legacy.json");
    assert_eq!(master_idl.len(), TABLE.len());
    assert_eq!(legacy_idl.len(), TABLE.len());
    for (name, client, master, legacy) in TABLE {
        let in_idl = |idl: &[(String, u8)]| idl.iter().find(|(n, _)| n == name).map(|(_, t)| *t);
        assert_eq!(client, master, "{name}: client vs interface");
        assert_eq!(VaultNumbering::Master.tag(client), master, "{name}");
        assert_eq!(VaultNumbering::Legacy.tag(client), legacy, "{name}");
        assert_eq!(in_idl(&master_idl), Some(master), "{name}: jito_vault.json");
        assert_eq!(
            in_idl(&legacy_idl),
            Some(legacy),
            "{name}: jito_vault_legacy.json"
        );
    }
    // Distinct tags in each numbering.
    for pick in [|r: &(&str, u8, u8, u8)| r.2, |r: &(&str, u8, u8, u8)| r.3] {
        let mut tags: Vec<u8> = TABLE.iter().map(pick).collect();
        tags.sort();
        tags.dedup();
        assert_eq!(tags.len(), TABLE.len());
    }
    // The client's map and the one the legacy build dispatches through, on every byte.
    for t in 0..=u8::MAX {
        assert_eq!(VaultNumbering::Legacy.tag(t), Numbering::Legacy.tag(t));
        assert_eq!(
            VaultNumbering::Legacy.master_tag(t),
            Numbering::Legacy.master_tag(t)
        );
    }
    assert_eq!(GET_NUMBERING_TAG, mt::GET_NUMBERING);
}

/// A Mollusk with `elf` at the vault id (nothing else is needed for the query).
fn mollusk_with_vault(elf: &[u8]) -> Mollusk {
    let mut mollusk = Mollusk::default();
    mollusk.add_program_with_loader_and_elf(
        &VAULT_PROGRAM_ID,
        &mollusk_svm::program::loader_keys::LOADER_V3,
        elf,
    );
    mollusk
}

/// "Simulates" `ix` the way an RPC does for [`NumberingCache`]: the return data and the
/// program that set it on success, `None` on failure.
fn simulate(
    mollusk: &Mollusk,
    ix: &Instruction,
) -> Result<Option<(Pubkey, Vec<u8>)>, NumberingMismatch> {
    Ok(mollusk_tests::simulate_return_data(mollusk, ix))
}

#[test]
fn each_build_reports_its_numbering() {
    for numbering in [VaultNumbering::Master, VaultNumbering::Legacy] {
        let mollusk = mollusk_with_vault(read_program(vault_program_file(numbering)));
        let ix = get_numbering_instruction(VAULT_PROGRAM_ID);
        assert_eq!(ix.data, [36]);
        let result = mollusk.process_instruction(&ix, &[]);
        assert!(result.program_result.is_ok(), "{:?}", result.program_result);
        assert_eq!(result.return_data, [numbering as u8]);
        println!(
            "CU vault GetNumbering/{numbering:?} {} 0",
            result.compute_units_consumed
        );
        // Trailing data is refused, as for every instruction without arguments.
        let mut long = ix.clone();
        long.data.push(0);
        let result = mollusk.process_instruction(&long, &[]);
        assert_eq!(
            result.program_result,
            mollusk_svm::result::ProgramResult::Failure(ProgramError::InvalidInstructionData)
        );
    }
}

#[test]
fn a_client_of_the_other_numbering_is_refused_before_sending() {
    for (client, build) in [
        (VaultNumbering::Master, VaultNumbering::Legacy),
        (VaultNumbering::Legacy, VaultNumbering::Master),
    ] {
        let mollusk = mollusk_with_vault(read_program(vault_program_file(build)));
        let mut cache = NumberingCache::new();
        let mut queries = 0;
        let mut sim = |ix: &Instruction| {
            queries += 1;
            simulate(&mollusk, ix)
        };
        let refused = cache.check(&VAULT_PROGRAM_ID, client, &mut sim);
        assert_eq!(
            refused,
            Err(NumberingMismatch {
                client,
                program: build
            })
        );
        let message = refused.unwrap_err().to_string();
        assert!(message.contains("vault numbering mismatch"), "{message}");
        assert!(message.contains("nothing was sent"), "{message}");
        // The matching client passes, and the program was asked once.
        assert_eq!(cache.check(&VAULT_PROGRAM_ID, build, &mut sim), Ok(true));
        assert_eq!(
            cache.get(&VAULT_PROGRAM_ID, &mut sim),
            Ok(DeployedNumbering::Known(build))
        );
        assert_eq!(queries, 1);
    }
}

/// Why the check matters: a master-numbered AddDelegation (24) on the legacy build is
/// CooldownDelegation, and a legacy SetAdmin (21) on the master build is
/// RevokeDelegateTokenAccount. Both builds dispatch the same bytes to different processors,
/// seen here by the account count each one wants (AddDelegation and CooldownDelegation take
/// the same accounts, so that pair is shown by the tags alone).
#[test]
fn cross_numbered_tags_name_other_instructions() {
    assert_eq!(
        VaultNumbering::Legacy.master_tag(mt::ADD_DELEGATION),
        mt::COOLDOWN_DELEGATION
    );
    assert_eq!(
        VaultNumbering::Master.master_tag(lt::SET_ADMIN),
        mt::REVOKE_DELEGATE_TOKEN_ACCOUNT
    );
    // SetAdmin takes 4 accounts, RevokeDelegateTokenAccount 6: with 4 accounts the master
    // build's tag 21 fails for want of accounts, the legacy build's tag 21 gets past that.
    let key = |b: u8| Pubkey::new_from_array([b; 32]);
    let ix = Instruction {
        program_id: VAULT_PROGRAM_ID,
        accounts: (1..=4)
            .map(|b| solana_instruction::AccountMeta::new_readonly(key(b), false))
            .collect(),
        data: vec![21],
    };
    let accounts: Vec<_> = (1..=4)
        .map(|b| (key(b), mollusk_tests::system_account(1)))
        .collect();
    let run = |n: VaultNumbering| {
        mollusk_with_vault(read_program(vault_program_file(n)))
            .process_instruction(&ix, &accounts)
            .program_result
    };
    assert_eq!(
        run(VaultNumbering::Master),
        mollusk_svm::result::ProgramResult::Failure(ProgramError::NotEnoughAccountKeys)
    );
    let legacy = run(VaultNumbering::Legacy);
    assert_ne!(
        legacy,
        mollusk_svm::result::ProgramResult::Failure(ProgramError::NotEnoughAccountKeys)
    );
    assert!(!legacy.is_ok());
}

/// The original binaries (`../shared/original-programs`, recording only: skipped when absent)
/// fail GetNumbering with `BorshIoError` (their Borsh decoding of the instruction enum has no
/// variant 36), so a client learns nothing and goes by its configuration.
#[test]
fn original_binaries_reject_the_query() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/original-programs");
    let files = [
        dir.join("jito_vault_program.so"),
        dir.join("legacy-numbering/jito_vault_program.so"),
    ];
    if !files.iter().all(|f| f.exists()) {
        println!("skipped: {} not present", dir.display());
        return;
    }
    for file in files {
        let mollusk = mollusk_with_vault(&std::fs::read(&file).unwrap());
        let ix = get_numbering_instruction(VAULT_PROGRAM_ID);
        let result = mollusk.process_instruction(&ix, &[]);
        println!(
            "{}: GetNumbering -> {:?}",
            file.display(),
            result.program_result
        );
        assert_eq!(
            result.program_result,
            mollusk_svm::result::ProgramResult::Failure(ProgramError::BorshIoError),
            "{}",
            file.display()
        );
        let mut cache = NumberingCache::new();
        for client in [VaultNumbering::Master, VaultNumbering::Legacy] {
            assert_eq!(
                cache.check(&VAULT_PROGRAM_ID, client, |ix| simulate(&mollusk, ix)),
                Ok(false),
                "unknown: go by configuration"
            );
        }
        assert_eq!(
            cache.get(&VAULT_PROGRAM_ID, |ix| simulate(&mollusk, ix)),
            Ok(DeployedNumbering::Unknown)
        );
    }
}
