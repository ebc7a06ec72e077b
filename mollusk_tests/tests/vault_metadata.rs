//! CreateTokenMetadata and UpdateTokenMetadata.
//!
//! The Metaplex Token Metadata binary is not shipped with the tests. Instead a
//! tiny test-only program, `mollusk_tests/metaplex_recorder` (built by
//! `scripts/build-sbf.sh`), is loaded at the Metaplex program id. It accepts any
//! call and sets the return data to what it received: its program id, each
//! account with its signer and writable flags, and the instruction data. The
//! metadata CPI is the vault's last, so the tests read that record from the
//! instruction result and compare it byte for byte with the CPI the original
//! program builds: `CreateMetadataAccountV3` (tag 33) and
//! `UpdateMetadataAccountV2` (tag 15) with their Borsh arguments, encoded here
//! by hand (the independent oracle of another program's instruction; the
//! vault's own instructions come from the generated client through
//! `scenarios::vault_setup`). This proves the call reaches the Metaplex id, signed by the vault,
//! with the original accounts and bytes; what Metaplex then does with them is
//! Metaplex's own behaviour.

use jito_vault_interface::error::VaultError;
use mollusk_tests::{
    assert_custom_error, assert_error, print_cu, scenarios::vault_setup::*, system_account,
    Instruction, InstructionResult, ProgramError, Pubkey, SYSTEM_PROGRAM_ID, TOKEN_PROGRAM_ID,
};

const SLOT: u64 = 1_000;
const EPOCH: u64 = 1_000;

#[track_caller]
fn expect_err(world: &World, ix: &Instruction, err: ProgramError) {
    let (result, accounts) = world.run(ix);
    assert_error(&result, &accounts, err);
}

#[track_caller]
fn expect_vault_err(world: &World, ix: &Instruction, err: VaultError) {
    let (result, accounts) = world.run(ix);
    assert_custom_error(&result, &accounts, err as u32);
}

/// The record the recorder returns for a call with `accounts` and `data`.
fn record(accounts: &[(Pubkey, bool, bool)], data: &[u8]) -> Vec<u8> {
    let mut v = METAPLEX_ID.to_bytes().to_vec();
    v.push(accounts.len() as u8);
    for (key, is_signer, is_writable) in accounts {
        v.extend_from_slice(key.as_ref());
        v.push(*is_signer as u8);
        v.push(*is_writable as u8);
    }
    v.extend_from_slice(data);
    v
}

/// Borsh `DataV2 { name, symbol, uri, seller_fee_basis_points: 0, creators:
/// None, collection: None, uses: None }`.
fn data_v2(name: &[u8], symbol: &[u8], uri: &[u8]) -> Vec<u8> {
    let mut v = Vec::new();
    borsh_string(&mut v, name);
    borsh_string(&mut v, symbol);
    borsh_string(&mut v, uri);
    v.extend_from_slice(&0u16.to_le_bytes());
    v.extend_from_slice(&[0, 0, 0]);
    v
}

/// `CreateMetadataAccountV3 { data, is_mutable: true, collection_details: None }`.
fn create_v3_data(name: &[u8], symbol: &[u8], uri: &[u8]) -> Vec<u8> {
    let mut v = vec![33];
    v.extend(data_v2(name, symbol, uri));
    v.push(1);
    v.push(0);
    v
}

/// `UpdateMetadataAccountV2 { data: Some(..), update_authority: None,
/// primary_sale_happened: None, is_mutable: Some(true) }`.
fn update_v2_data(name: &[u8], symbol: &[u8], uri: &[u8]) -> Vec<u8> {
    let mut v = vec![15, 1];
    v.extend(data_v2(name, symbol, uri));
    v.extend_from_slice(&[0, 0, 1, 1]);
    v
}

fn metadata_world() -> (World, VaultSetup, Pubkey) {
    let (mut world, setup) = standard_world(EPOCH, 0, SLOT, 0, 0, 0);
    let payer = Pubkey::new_unique();
    world.set(payer, system_account(1_000_000_000));
    world.set(metadata_address(&setup.vrt_mint), system_account(0));
    (world, setup, payer)
}

#[track_caller]
fn assert_unchanged(world: &World, result: &InstructionResult) {
    for (key, account) in &result.resulting_accounts {
        assert_eq!(world.get(key), account, "account {key} changed");
    }
}

#[test]
fn create_token_metadata_calls_metaplex_as_the_original() {
    let (mut world, setup, payer) = metadata_world();
    let (name, symbol, uri) = (
        &b"Restaked SOL"[..],
        &b"rstSOL"[..],
        &b"https://example.com/vrt.json"[..],
    );
    let ix = setup.create_metadata_ix(&setup.admin, &payer, name, symbol, uri);
    let (result, _) = world.run(&ix);
    print_cu("vault", "CreateTokenMetadata", &result);
    let metadata = metadata_address(&setup.vrt_mint);
    assert_eq!(
        result.return_data,
        record(
            &[
                (metadata, false, true),
                (setup.vrt_mint, false, false),
                (setup.vault, true, false),
                (payer, true, true),
                (setup.vault, true, false),
                (SYSTEM_PROGRAM_ID, false, false),
            ],
            &create_v3_data(name, symbol, uri),
        )
    );
    // The recorder writes nothing: every account is as before.
    assert_unchanged(&world, &result);
    world.exec(&ix);
}

#[test]
fn create_token_metadata_with_utf8_and_empty_strings() {
    let (world, setup, payer) = metadata_world();
    let name = "Jito Staked ◎ — Ünïcödé".as_bytes();
    let ix = setup.create_metadata_ix(&setup.admin, &payer, name, b"", b"");
    let (result, _) = world.run(&ix);
    mollusk_tests::assert_success(&result);
    assert!(result
        .return_data
        .ends_with(&create_v3_data(name, b"", b"")));
}

#[test]
fn create_token_metadata_malformed_strings() {
    let (world, setup, payer) = metadata_world();
    let ix = setup.create_metadata_ix(&setup.admin, &payer, b"name", b"SYM", b"uri");
    let with_data = |data: Vec<u8>| {
        let mut bad = ix.clone();
        bad.data = data;
        bad
    };
    // Truncated, trailing byte, a length past the end, invalid UTF-8, missing strings.
    let mut truncated = ix.data.clone();
    truncated.pop();
    expect_err(
        &world,
        &with_data(truncated),
        ProgramError::InvalidInstructionData,
    );
    let mut trailing = ix.data.clone();
    trailing.push(0);
    expect_err(
        &world,
        &with_data(trailing),
        ProgramError::InvalidInstructionData,
    );
    let mut long_len = ix.data.clone();
    long_len[1] = 200;
    expect_err(
        &world,
        &with_data(long_len),
        ProgramError::InvalidInstructionData,
    );
    // Invalid UTF-8 written over the client-built name's bytes.
    let invalid_utf8 = setup.create_metadata_ix(&setup.admin, &payer, &[0xff, 0xfe], b"S", b"u");
    assert_eq!(&invalid_utf8.data[5..7], &[0xff, 0xfe]);
    expect_err(&world, &invalid_utf8, ProgramError::InvalidInstructionData);
    // No uri at all: the client-built data without the empty uri's length.
    let mut two = setup
        .create_metadata_ix(&setup.admin, &payer, b"name", b"SYM", b"")
        .data;
    two.truncate(two.len() - 4);
    expect_err(
        &world,
        &with_data(two),
        ProgramError::InvalidInstructionData,
    );
    // Arguments beyond the CPI buffer (far beyond Metaplex's own limits).
    let huge = setup.create_metadata_ix(&setup.admin, &payer, &[b'a'; 1_100], b"S", b"u");
    expect_err(&world, &huge, ProgramError::InvalidInstructionData);
}

#[test]
fn create_token_metadata_account_checks() {
    let (mut world, setup, payer) = metadata_world();
    let ix = setup.create_metadata_ix(&setup.admin, &payer, b"n", b"s", b"u");
    let metadata = metadata_address(&setup.vrt_mint);

    expect_err(
        &world,
        &drop_last(ix.clone()),
        ProgramError::NotEnoughAccountKeys,
    );
    expect_err(
        &world,
        &replace(ix.clone(), 0, &setup.config),
        ProgramError::InvalidAccountData,
    );
    expect_err(
        &world,
        &unsign(ix.clone(), 1),
        ProgramError::MissingRequiredSignature,
    );
    expect_err(
        &world,
        &replace(ix.clone(), 2, &payer),
        ProgramError::InvalidAccountOwner,
    );
    expect_err(
        &world,
        &unsign(ix.clone(), 3),
        ProgramError::MissingRequiredSignature,
    );
    expect_err(
        &world,
        &make_readonly(ix.clone(), 3),
        ProgramError::InvalidAccountData,
    );
    // Metadata: writable, system-owned, empty.
    expect_err(
        &world,
        &make_readonly(ix.clone(), 4),
        ProgramError::InvalidAccountData,
    );
    let mut existing = system_account(1);
    existing.data = vec![4];
    world.set(metadata, existing.clone());
    expect_err(&world, &ix, ProgramError::AccountAlreadyInitialized);
    existing.owner = METAPLEX_ID;
    world.set(metadata, existing);
    expect_err(&world, &ix, ProgramError::InvalidAccountOwner);
    world.set(metadata, system_account(0));
    expect_err(
        &world,
        &replace(ix.clone(), 5, &TOKEN_PROGRAM_ID),
        ProgramError::IncorrectProgramId,
    );
    expect_err(
        &world,
        &replace(ix.clone(), 6, &TOKEN_PROGRAM_ID),
        ProgramError::IncorrectProgramId,
    );

    // Only the vault admin.
    let impostor = Pubkey::new_unique();
    let wrong_admin = setup.create_metadata_ix(&impostor, &payer, b"n", b"s", b"u");
    expect_vault_err(&world, &wrong_admin, VaultError::VaultAdminInvalid);

    // Another mint (and its metadata address) is not the vault's VRT mint.
    let other_mint = Pubkey::new_unique();
    world.set(other_mint, mint_account(Some(&setup.vault), 0, 9));
    let other_metadata = metadata_address(&other_mint);
    world.set(other_metadata, system_account(0));
    let other = replace(replace(ix.clone(), 2, &other_mint), 4, &other_metadata);
    expect_err(&world, &other, ProgramError::InvalidAccountData);

    // A metadata account that is not the mint's metadata PDA.
    let stray = Pubkey::new_unique();
    world.set(stray, system_account(0));
    expect_err(
        &world,
        &replace(ix.clone(), 4, &stray),
        ProgramError::InvalidAccountData,
    );
}

#[test]
fn update_token_metadata_calls_metaplex_as_the_original() {
    let (mut world, setup, _) = metadata_world();
    let metadata = metadata_address(&setup.vrt_mint);
    // The metadata account as Metaplex would own it (content irrelevant here).
    world.set(
        metadata,
        mollusk_tests::owned_account(&METAPLEX_ID, vec![4; 679]),
    );
    let (name, symbol, uri) = (&b"New Name"[..], &b"NEW"[..], &b"ipfs://new"[..]);
    let ix = setup.update_metadata_ix(&setup.admin, name, symbol, uri);
    let (result, _) = world.run(&ix);
    print_cu("vault", "UpdateTokenMetadata", &result);
    assert_eq!(
        result.return_data,
        record(
            &[(metadata, false, true), (setup.vault, true, false)],
            &update_v2_data(name, symbol, uri),
        )
    );
    assert_unchanged(&world, &result);
    world.exec(&ix);
}

#[test]
fn update_token_metadata_checks() {
    let (mut world, setup, _) = metadata_world();
    let ix = setup.update_metadata_ix(&setup.admin, b"n", b"s", b"u");

    let mut bad = ix.clone();
    bad.data.push(1);
    expect_err(&world, &bad, ProgramError::InvalidInstructionData);
    // Invalid UTF-8 written over the client-built symbol's byte.
    let bad = setup.update_metadata_ix(&setup.admin, b"n", &[0xc0], b"u");
    assert_eq!(bad.data[10], 0xc0);
    expect_err(&world, &bad, ProgramError::InvalidInstructionData);
    expect_err(
        &world,
        &drop_last(ix.clone()),
        ProgramError::NotEnoughAccountKeys,
    );
    expect_err(
        &world,
        &replace(ix.clone(), 0, &setup.config),
        ProgramError::InvalidAccountData,
    );
    expect_err(
        &world,
        &unsign(ix.clone(), 1),
        ProgramError::MissingRequiredSignature,
    );
    expect_err(
        &world,
        &replace(ix.clone(), 2, &setup.admin),
        ProgramError::InvalidAccountOwner,
    );
    let stray = Pubkey::new_unique();
    world.set(stray, system_account(0));
    expect_err(
        &world,
        &replace(ix.clone(), 3, &stray),
        ProgramError::InvalidAccountData,
    );
    expect_err(
        &world,
        &replace(ix.clone(), 4, &SYSTEM_PROGRAM_ID),
        ProgramError::IncorrectProgramId,
    );

    let impostor = Pubkey::new_unique();
    let wrong_admin = setup.update_metadata_ix(&impostor, b"n", b"s", b"u");
    expect_vault_err(&world, &wrong_admin, VaultError::VaultAdminInvalid);

    let other_mint = Pubkey::new_unique();
    world.set(other_mint, mint_account(Some(&setup.vault), 0, 9));
    let other = replace(
        replace(ix.clone(), 2, &other_mint),
        3,
        &metadata_address(&other_mint),
    );
    expect_err(&world, &other, ProgramError::InvalidAccountData);
}

/// The same Create / UpdateTokenMetadata calls against the REAL Metaplex Token
/// Metadata program when `../shared/original-programs/mpl_token_metadata.so`
/// (or `$JITO_ORIGINAL_PROGRAMS`) is present: Metaplex creates and rewrites the
/// metadata account the vault's CPIs describe. Without it the stand-in tests
/// above are the check (the output says which ran).
#[test]
fn token_metadata_against_the_real_metaplex_when_available() {
    let path = mollusk_tests::oracle::original_programs_dir().join("mpl_token_metadata.so");
    let Ok(elf) = std::fs::read(&path) else {
        println!(
            "METADATA: Metaplex stand-in only ({} not found)",
            path.display()
        );
        return;
    };
    println!(
        "METADATA: real Metaplex Token Metadata ({})",
        path.display()
    );
    let (mut world, setup, payer) = metadata_world();
    world.mollusk.add_program_with_loader_and_elf(
        &METAPLEX_ID,
        &mollusk_svm::program::loader_keys::LOADER_V3,
        &elf,
    );
    let metadata = metadata_address(&setup.vrt_mint);
    // Metaplex stores the strings padded to 32 / 10 / 200 bytes.
    let check = |world: &World, name: &[u8], symbol: &[u8], uri: &[u8]| {
        let account = world.get(&metadata);
        assert_eq!(account.owner, METAPLEX_ID);
        let d = &account.data;
        assert_eq!(d[0], 4, "MetadataV1 key");
        assert_eq!(
            &d[1..33],
            setup.vault.as_ref(),
            "update authority: the vault"
        );
        assert_eq!(&d[33..65], setup.vrt_mint.as_ref());
        let padded = |s: &[u8], len: usize| {
            let mut v = (len as u32).to_le_bytes().to_vec();
            v.extend_from_slice(s);
            v.resize(4 + len, 0);
            v
        };
        assert_eq!(&d[65..101], padded(name, 32).as_slice());
        assert_eq!(&d[101..115], padded(symbol, 10).as_slice());
        assert_eq!(&d[115..319], padded(uri, 200).as_slice());
    };
    let create = setup.create_metadata_ix(
        &setup.admin,
        &payer,
        b"Restaked SOL",
        b"rstSOL",
        b"https://a",
    );
    let result = world.exec(&create);
    print_cu("vault", "CreateTokenMetadata (real Metaplex)", &result);
    check(&world, b"Restaked SOL", b"rstSOL", b"https://a");
    // A second create fails (the account exists), in Metaplex.
    let (result, _) = world.run(&create);
    assert!(result.program_result.is_err());
    let update = setup.update_metadata_ix(&setup.admin, b"Restaked SOL 2", b"rst2", b"https://b");
    let result = world.exec(&update);
    print_cu("vault", "UpdateTokenMetadata (real Metaplex)", &result);
    check(&world, b"Restaked SOL 2", b"rst2", b"https://b");
    // Metaplex's own limits: a 33-byte name fits the vault's buffer but not Metaplex.
    let (result, _) = world.run(&setup.update_metadata_ix(&setup.admin, &[b'n'; 33], b"s", b"u"));
    assert!(result.program_result.is_err());
}
