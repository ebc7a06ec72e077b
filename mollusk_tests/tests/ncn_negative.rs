//! The negative engine (`mollusk_tests::negative`) on all 31 NCN program instructions: from a
//! valid instruction of the NCN scenario (`mollusk_tests::scenarios::ncn`) at the state it
//! needs, every single-point mutation of its accounts and data, each checked against the error
//! a model of the program's checks (in its order) predicts, and that nothing changed. The
//! program's loaders are modelled once (`config`, `account_payer`, `marker_dne`, …).
//!
//! Existing NCN accounts are proven by owner, type, size and their stored `ncn` / `epoch` /
//! `operator` fields (the project's rule for existing accounts), so the same account moved to
//! another address passes: those moves are the listed allowed successes.

use jito_ncn_client::{accounts as na, errors::JitoNcnError};
use jito_restaking_client::accounts as rc;
use jito_vault_client::accounts as vc;
use mollusk_tests::{
    negative::{
        create_account_cpi, load_program, load_signer, load_state, load_system_account,
        load_token_mint, print_totals, Check, Expected, InstructionError, Kind, Matrix, Mutation,
        ValidCase, View, ANY_ACCOUNT_MUTATION,
    },
    scenarios::ncn::{key, NcnScenario, NcnSpec, NCN_PROGRAM_ID},
    Instruction, ProgramError, Pubkey, RESTAKING_PROGRAM_ID, SYSTEM_PROGRAM_ID, TOKEN_PROGRAM_ID,
    VAULT_PROGRAM_ID,
};

const STORED: &str =
    "an existing NCN account is proven by owner, type, size and its stored ncn/epoch fields";

fn iad() -> Expected {
    Expected::Program(ProgramError::InvalidAccountData)
}

fn ncn_error(error: JitoNcnError) -> Expected {
    Expected::custom(error as u32)
}

/// An NCN program account of type `disc` at position `i` whose stored NCN (offset 8) is the
/// NCN at position `ncn` and, with `epoch`, whose stored epoch (offset 40) is `epoch`.
fn ncn_account(
    v: &View,
    i: usize,
    disc: u8,
    len: usize,
    writable: bool,
    ncn: usize,
    epoch: Option<u64>,
) -> Check {
    load_state(v, i, &NCN_PROGRAM_ID, disc, len, writable)?;
    if v.pubkey_at(i, 8) != v.key(ncn) || epoch.is_some_and(|e| v.u64_at(i, 40) != e) {
        return Err(iad());
    }
    Ok(())
}

#[test]
fn cast_vote() {
    let mut w = NcnScenario::new(NcnSpec::uniform(3, 2));
    let epoch = w.epoch();
    w.prepare_epoch(epoch);
    w.cast_vote(1, 0, epoch);
    let ix = w.ix_cast_vote(0, 2, epoch);
    let mut bad_weather = ix.data.clone();
    bad_weather[1] = 3;
    let names = "epoch_state config ballot_box ncn epoch_snapshot operator_snapshot operator \
                 operator_voter consensus_result";
    let case = case(&w, "CastVote", ix, names).arg_case(
        "weather_status 3",
        bad_weather,
        ncn_error(JitoNcnError::BadBallot),
    );
    let summary = Matrix::new(case, |v| {
        let epoch = u64::from_le_bytes(v.data[2..10].try_into().unwrap());
        load_signer(v, 7, false)?;
        ncn_account(v, 0, 0x50, na::EpochState::LEN, true, 3, Some(epoch))?;
        ncn_account(v, 1, 0x01, na::Config::LEN, false, 3, None)?;
        load_state(v, 3, &RESTAKING_PROGRAM_ID, 2, rc::Ncn::LEN, false)?;
        load_state(v, 6, &RESTAKING_PROGRAM_ID, 3, rc::Operator::LEN, false)?;
        ncn_account(v, 2, 0x20, na::BallotBox::LEN, true, 3, Some(epoch))?;
        ncn_account(v, 4, 0x11, na::EpochSnapshot::LEN, false, 3, Some(epoch))?;
        load_state(
            v,
            5,
            &NCN_PROGRAM_ID,
            0x12,
            na::OperatorSnapshot::LEN,
            false,
        )?;
        if v.pubkey_at(5, 8) != v.key(6)
            || v.pubkey_at(5, 40) != v.key(3)
            || v.u64_at(5, 72) != epoch
        {
            return Err(iad());
        }
        ncn_account(v, 8, 0x21, na::ConsensusResult::LEN, true, 3, Some(epoch))?;
        let operator = rc::Operator::from_bytes(&v.account(6).data).unwrap();
        if operator.voter != v.key(7) {
            return Err(ncn_error(JitoNcnError::InvalidOperatorVoter));
        }
        let snapshot = na::EpochSnapshot::from_bytes(&v.account(4).data).unwrap();
        if snapshot.operators_registered != snapshot.operator_count {
            return Err(ncn_error(JitoNcnError::EpochSnapshotNotFinalized));
        }
        let operator_snapshot = na::OperatorSnapshot::from_bytes(&v.account(5).data).unwrap();
        if operator_snapshot.stake_weights.stake_weight == 0 {
            return Err(ncn_error(JitoNcnError::CannotVoteWithZeroStake));
        }
        if v.data[1] > 2 {
            return Err(ncn_error(JitoNcnError::BadBallot));
        }
        let ballot_box = na::BallotBox::from_bytes(&v.account(2).data).unwrap();
        if ballot_box
            .operator_votes
            .iter()
            .any(|vote| vote.operator == v.key(6))
        {
            return Err(ncn_error(JitoNcnError::OperatorAlreadyVoted));
        }
        Ok(())
    })
    .allow_at(0, &[Kind::Pda], STORED)
    .allow_at(1, &[Kind::Pda], STORED)
    .allow_at(2, &[Kind::Pda], STORED)
    .allow_at(4, &[Kind::Pda], STORED)
    .allow_at(5, &[Kind::Pda], STORED)
    .allow_at(8, &[Kind::Pda], STORED)
    .allow_at(
        7,
        &[Kind::Owner, Kind::Uninitialised, Kind::Length],
        "the voter only signs",
    )
    .expect(
        Mutation::ExtraAccount,
        Expected::Success,
        "accounts after the ninth are ignored, as in the template",
    )
    .allow(
        Mutation::ExtraAccount,
        "accounts after the ninth are ignored",
    )
    .run();
    print_totals("ncn", &[summary]);
}

#[test]
fn snapshot_vault_operator_delegation() {
    let mut w = NcnScenario::new(NcnSpec::uniform(3, 2));
    let epoch = w.epoch();
    w.epoch_state(epoch);
    w.weight_table(epoch);
    w.epoch_snapshot(epoch);
    w.operator_snapshots(epoch);
    let ix = w.ix_snapshot_vault_operator_delegation(1, 0, epoch);
    let names = "epoch_state config restaking_config ncn operator vault vault_ncn_ticket \
                 ncn_vault_ticket vault_operator_delegation weight_table epoch_snapshot \
                 operator_snapshot";
    let case = case(&w, "SnapshotVaultOperatorDelegation", ix, names);
    let summary = Matrix::new(case, |v| {
        let epoch = u64::from_le_bytes(v.data[1..9].try_into().unwrap());
        ncn_account(v, 0, 0x50, na::EpochState::LEN, true, 3, Some(epoch))?;
        ncn_account(v, 1, 0x01, na::Config::LEN, false, 3, None)?;
        load_state(v, 2, &RESTAKING_PROGRAM_ID, 1, rc::Config::LEN, false)?;
        if v.key(2) != rc::Config::find_pda().0 {
            return Err(iad());
        }
        load_state(v, 3, &RESTAKING_PROGRAM_ID, 2, rc::Ncn::LEN, false)?;
        load_state(v, 4, &RESTAKING_PROGRAM_ID, 3, rc::Operator::LEN, false)?;
        load_state(v, 5, &VAULT_PROGRAM_ID, 2, vc::Vault::LEN, false)?;
        load_state(
            v,
            7,
            &RESTAKING_PROGRAM_ID,
            6,
            rc::NcnVaultTicket::LEN,
            false,
        )?;
        if v.key(7) != rc::NcnVaultTicket::find_pda(&v.key(3), &v.key(5)).0 {
            return Err(iad());
        }
        let has_vault_ncn_ticket = !v.account(6).data.is_empty();
        if has_vault_ncn_ticket {
            load_state(v, 6, &VAULT_PROGRAM_ID, 3, vc::VaultNcnTicket::LEN, false)?;
            if v.key(6) != vc::VaultNcnTicket::find_pda(&v.key(5), &v.key(3)).0 {
                return Err(iad());
            }
        }
        if !v.account(8).data.is_empty() {
            load_state(
                v,
                8,
                &VAULT_PROGRAM_ID,
                4,
                vc::VaultOperatorDelegation::LEN,
                false,
            )?;
            if v.key(8) != vc::VaultOperatorDelegation::find_pda(&v.key(5), &v.key(4)).0 {
                return Err(iad());
            }
        }
        ncn_account(v, 9, 0x10, na::WeightTable::LEN, false, 3, Some(epoch))?;
        ncn_account(v, 10, 0x11, na::EpochSnapshot::LEN, true, 3, Some(epoch))?;
        load_state(
            v,
            11,
            &NCN_PROGRAM_ID,
            0x12,
            na::OperatorSnapshot::LEN,
            true,
        )?;
        if v.pubkey_at(11, 8) != v.key(4)
            || v.pubkey_at(11, 40) != v.key(3)
            || v.u64_at(11, 72) != epoch
        {
            return Err(iad());
        }
        Ok(())
    })
    .allow_at(0, &[Kind::Pda], STORED)
    .allow_at(1, &[Kind::Pda], STORED)
    .allow_at(9, &[Kind::Pda], STORED)
    .allow_at(10, &[Kind::Pda], STORED)
    .allow_at(11, &[Kind::Pda], STORED)
    .allow_at(
        6,
        &[Kind::Uninitialised],
        "an empty vault NCN ticket means none: the delegation counts with zero stake weight",
    )
    .allow_at(
        8,
        &[Kind::Uninitialised],
        "an empty delegation means none: it counts with zero stake weight",
    )
    .run();
    print_totals("ncn", &[summary]);
}

#[test]
fn initialize_ballot_box() {
    let mut w = NcnScenario::new(NcnSpec::uniform(3, 2));
    let epoch = w.epoch();
    w.epoch_state(epoch);
    let ix = w.initialize_ballot_box_ix(epoch);
    let names = "epoch_marker epoch_state config ballot_box ncn account_payer system_program \
                 consensus_result";
    let case = case(&w, "InitializeBallotBox", ix, names);
    let seeds = Expected::Program(ProgramError::InvalidSeeds);
    let summary = Matrix::new(case, move |v| {
        let epoch = u64::from_le_bytes(v.data[1..9].try_into().unwrap());
        let ncn = v.key(4);
        load_system_account(v, 3, true)?;
        load_program(v, 6, &SYSTEM_PROGRAM_ID)?;
        load_state(v, 4, &RESTAKING_PROGRAM_ID, 2, rc::Ncn::LEN, false)?;
        let state = &v.account(1).data;
        if state.len() != na::EpochState::LEN || state[0] != 0x50 {
            return Err(iad());
        }
        if state[na::EpochState::LEN - 1] != 0 {
            return Err(ncn_error(JitoNcnError::EpochIsClosingDown));
        }
        ncn_account(v, 1, 0x50, na::EpochState::LEN, false, 4, Some(epoch))?;
        ncn_account(v, 2, 0x01, na::Config::LEN, false, 4, None)?;
        if v.account(5).owner != SYSTEM_PROGRAM_ID {
            return Err(Expected::Program(ProgramError::InvalidAccountOwner));
        }
        if v.key(5) != jito_ncn_client::pdas::find_account_payer(&NCN_PROGRAM_ID, &ncn, &ncn).0
            || !v.is_writable(5)
        {
            return Err(iad());
        }
        if v.key(0)
            != jito_ncn_client::pdas::find_epoch_marker(&NCN_PROGRAM_ID, &ncn, epoch, &ncn).0
        {
            return Err(seeds.clone());
        }
        if !v.account(0).data.is_empty() {
            return Err(ncn_error(JitoNcnError::MarkerExists));
        }
        if v.key(3) != jito_ncn_client::pdas::find_ballot_box(&NCN_PROGRAM_ID, &ncn, epoch).0 {
            return Err(seeds.clone());
        }
        load_system_account(v, 7, true)?;
        if v.key(7) != jito_ncn_client::pdas::find_consensus_result(&NCN_PROGRAM_ID, &ncn, epoch).0
        {
            return Err(seeds.clone());
        }
        create_account_cpi(v, 5, 10_240)
    })
    .allow_at(
        0,
        &[Kind::Owner],
        "the epoch marker must only be empty at its PDA",
    )
    .allow_at(1, &[Kind::Pda], STORED)
    .allow_at(2, &[Kind::Pda], STORED)
    .expect(
        Mutation::ExtraAccount,
        Expected::Success,
        "accounts after the eighth are ignored, as in the template",
    )
    .allow(
        Mutation::ExtraAccount,
        "accounts after the eighth are ignored",
    )
    .run();
    print_totals("ncn", &[summary]);
}

// ---------------------------------------------------------------------------------------------
// Shared model pieces: the program's loaders (`Config::load`, `AccountPayer::load`, …)
// ---------------------------------------------------------------------------------------------

/// The `u64` argument at `at` of the data.
fn arg_u64(v: &View, at: usize) -> u64 {
    u64::from_le_bytes(v.data[at..at + 8].try_into().unwrap())
}

/// `Ncn::load` of the restaking program.
fn restaking_ncn(v: &View, i: usize) -> Check {
    load_state(v, i, &RESTAKING_PROGRAM_ID, 2, rc::Ncn::LEN, false)
}

/// The restaking NCN at `i` (already loaded).
fn ncn_of(v: &View, i: usize) -> rc::Ncn {
    rc::Ncn::from_bytes(&v.account(i).data).unwrap()
}

fn config(v: &View, i: usize, ncn: usize, writable: bool) -> Check {
    ncn_account(v, i, 0x01, na::Config::LEN, writable, ncn, None)
}

fn registry(v: &View, i: usize, ncn: usize, writable: bool) -> Check {
    ncn_account(v, i, 0x02, na::VaultRegistry::LEN, writable, ncn, None)
}

/// `AccountPayer::load(…, true)`: system-owned (`InvalidAccountOwner`), at the NCN's payer PDA
/// and writable (`InvalidAccountData`).
fn account_payer(v: &View, i: usize, ncn: usize) -> Check {
    if v.account(i).owner != SYSTEM_PROGRAM_ID {
        return Err(Expected::Program(ProgramError::InvalidAccountOwner));
    }
    let pda = jito_ncn_client::pdas::find_account_payer(&NCN_PROGRAM_ID, &v.key(ncn), &v.key(ncn));
    if v.key(i) != pda.0 || !v.is_writable(i) {
        return Err(iad());
    }
    Ok(())
}

/// `EpochMarker::check_dne`: at its PDA (`InvalidSeeds`), empty (`MarkerExists`).
fn marker_dne(v: &View, i: usize, ncn: usize, epoch: u64) -> Check {
    let pda =
        jito_ncn_client::pdas::find_epoch_marker(&NCN_PROGRAM_ID, &v.key(ncn), epoch, &v.key(ncn));
    if v.key(i) != pda.0 {
        return Err(Expected::Program(ProgramError::InvalidSeeds));
    }
    if !v.account(i).data.is_empty() {
        return Err(ncn_error(JitoNcnError::MarkerExists));
    }
    Ok(())
}

/// `key(i)` is `pda`, else `InvalidSeeds` (`verify_canonical_pda` of a new account).
fn seeds(v: &View, i: usize, pda: (Pubkey, u8)) -> Check {
    if v.key(i) != pda.0 {
        return Err(Expected::Program(ProgramError::InvalidSeeds));
    }
    Ok(())
}

/// A signer that is only compared with a stored admin: any owner, empty or not.
const ONLY_SIGNS: &[Kind] = &[Kind::Owner, Kind::Uninitialised];
const SIGNER_REASON: &str = "the admin only signs and is compared with the stored admin";

const CONFIG_ADMIN: &str = "config ncn ncn_admin";

/// A prepared NCN (config, registry, mints and vaults registered) of 3 operators × 2 vaults.
fn prepared() -> NcnScenario {
    NcnScenario::new(NcnSpec::uniform(3, 2))
}

/// The valid case of `ix` on `w`'s accounts; `names`: the accounts' names, space-separated.
fn case(w: &NcnScenario, name: &str, ix: Instruction, names: &'static str) -> ValidCase {
    let names: Vec<&'static str> = names.split_whitespace().collect();
    let accounts = w.accounts_of(&ix);
    ValidCase::new(
        format!("ncn {name}"),
        w.fresh_mollusk(),
        ix,
        accounts,
        &names,
    )
}

#[test]
fn admin_set_parameters() {
    let w = prepared();
    let epoch = w.epoch();
    let ix = w.admin_set_parameters_ix((Some(epoch), Some(5), Some(12), Some(2_000)));
    let mut out_of_range = ix.data.clone();
    out_of_range[11..19].copy_from_slice(&0u64.to_le_bytes());
    let c = case(&w, "AdminSetParameters", ix, CONFIG_ADMIN).arg_case(
        "epochs_before_stall 0",
        out_of_range,
        ncn_error(JitoNcnError::InvalidEpochsBeforeStall),
    );
    let summary = Matrix::new(c, |v| {
        load_signer(v, 2, true)?;
        config(v, 0, 1, true)?;
        restaking_ncn(v, 1)?;
        if ncn_of(v, 1).admin != v.key(2) {
            return Err(ncn_error(JitoNcnError::IncorrectNcnAdmin));
        }
        if v.data[10] == 1 && arg_u64(v, 11) == 0 {
            return Err(ncn_error(JitoNcnError::InvalidEpochsBeforeStall));
        }
        Ok(())
    })
    .allow_at(0, &[Kind::Pda], STORED)
    .allow_at(2, ONLY_SIGNS, SIGNER_REASON)
    .expect(
        Mutation::Tag(25),
        Expected::Success,
        "tag 25 is AdminSetParameters itself",
    )
    .allow(Mutation::Tag(25), "tag 25 is AdminSetParameters itself")
    .run();
    print_totals("ncn", &[summary]);
}

#[test]
fn admin_set_new_admin() {
    let w = prepared();
    let ix = w.admin_set_new_admin_ix(
        jito_ncn_client::types::ConfigAdminRole::TieBreakerAdmin,
        &key("new-tie-breaker"),
    );
    let c = case(&w, "AdminSetNewAdmin", ix, "config ncn ncn_admin new_admin");
    let summary = Matrix::new(c, |v| {
        load_signer(v, 2, true)?;
        config(v, 0, 1, true)?;
        restaking_ncn(v, 1)?;
        if ncn_of(v, 1).admin != v.key(2) {
            return Err(ncn_error(JitoNcnError::IncorrectNcnAdmin));
        }
        Ok(())
    })
    .allow_at(0, &[Kind::Pda], STORED)
    .allow_at(2, ONLY_SIGNS, SIGNER_REASON)
    .allow_at(
        3,
        &[
            Kind::Owner,
            Kind::Uninitialised,
            Kind::Length,
            Kind::Pda,
            Kind::Duplicate,
        ],
        "the new admin is only an address",
    )
    .run();
    print_totals("ncn", &[summary]);
}

#[test]
fn admin_set_st_mint() {
    let w = prepared();
    let ix = w.admin_set_st_mint_ix(&w.mints[0].mint, Some(7));
    let c = case(&w, "AdminSetStMint", ix, "config ncn vault_registry admin");
    let summary = Matrix::new(c, |v| {
        config(v, 0, 1, false)?;
        registry(v, 2, 1, true)?;
        restaking_ncn(v, 1)?;
        load_signer(v, 3, false)?;
        if ncn_of(v, 1).ncn_program_admin != v.key(3) {
            return Err(iad());
        }
        Ok(())
    })
    .allow_at(0, &[Kind::Pda], STORED)
    .allow_at(2, &[Kind::Pda], STORED)
    .allow_at(3, ONLY_SIGNS, SIGNER_REASON)
    .run();
    print_totals("ncn", &[summary]);
}

#[test]
fn admin_register_st_mint() {
    let mut w = prepared();
    let (mint, authority) = (key("st-mint-new"), key("st-mint-new-authority"));
    w.world.put_mint(&mint, &authority, 0, 9);
    let ix = w.admin_register_st_mint_ix(&mint, Some(3));
    let names = "config ncn st_mint vault_registry admin";
    let c = case(&w, "AdminRegisterStMint", ix, names);
    let summary = Matrix::new(c, |v| {
        config(v, 0, 1, false)?;
        registry(v, 3, 1, true)?;
        restaking_ncn(v, 1)?;
        load_token_mint(v, 2, &TOKEN_PROGRAM_ID)?;
        load_signer(v, 4, false)?;
        if ncn_of(v, 1).ncn_program_admin != v.key(4) {
            return Err(iad());
        }
        Ok(())
    })
    .allow_at(0, &[Kind::Pda], STORED)
    .allow_at(3, &[Kind::Pda], STORED)
    .allow_at(4, ONLY_SIGNS, SIGNER_REASON)
    .allow_at(
        2,
        &[Kind::Pda],
        "another mint, not yet registered, is registered",
    )
    .run();
    print_totals("ncn", &[summary]);
}

#[test]
fn admin_set_weight() {
    let mut w = prepared();
    let epoch = w.epoch();
    w.epoch_state(epoch);
    let ix = w.initialize_weight_table_ix(epoch);
    w.exec("InitializeWeightTable", &ix);
    let table = w.weight_table_address(epoch);
    while w.get(&table).data.len() < na::WeightTable::LEN {
        let ix = w.realloc_weight_table_ix(epoch);
        w.exec("ReallocWeightTable", &ix);
    }
    let ix = w.admin_set_weight_ix(&w.mints[0].mint, 9, epoch);
    let names = "epoch_state ncn weight_table weight_table_admin";
    let c = case(&w, "AdminSetWeight", ix, names);
    let summary = Matrix::new(c, |v| {
        let epoch = arg_u64(v, 49);
        restaking_ncn(v, 1)?;
        load_signer(v, 3, true)?;
        ncn_account(v, 0, 0x50, na::EpochState::LEN, true, 1, Some(epoch))?;
        ncn_account(v, 2, 0x10, na::WeightTable::LEN, true, 1, Some(epoch))?;
        if ncn_of(v, 1).weight_table_admin != v.key(3) {
            return Err(ncn_error(JitoNcnError::IncorrectWeightTableAdmin));
        }
        Ok(())
    })
    .allow_at(0, &[Kind::Pda], STORED)
    .allow_at(2, &[Kind::Pda], STORED)
    .allow_at(3, ONLY_SIGNS, SIGNER_REASON)
    .run();
    print_totals("ncn", &[summary]);
}

#[test]
fn admin_set_tie_breaker() {
    let mut w = prepared();
    let epoch = w.epoch();
    w.prepare_epoch(epoch);
    w.cast_vote(0, 1, epoch);
    w.advance_to_epoch(epoch + 3);
    let ix = w.admin_set_tie_breaker_ix(1, epoch);
    let names = "epoch_state config ballot_box ncn tie_breaker_admin";
    let c = case(&w, "AdminSetTieBreaker", ix, names);
    let summary = Matrix::new(c, |v| {
        let epoch = arg_u64(v, 2);
        ncn_account(v, 0, 0x50, na::EpochState::LEN, true, 3, Some(epoch))?;
        config(v, 1, 3, false)?;
        ncn_account(v, 2, 0x20, na::BallotBox::LEN, true, 3, Some(epoch))?;
        restaking_ncn(v, 3)?;
        load_signer(v, 4, false)?;
        let config = na::Config::from_bytes(&v.account(1).data).unwrap();
        if config.tie_breaker_admin != v.key(4) {
            return Err(ncn_error(JitoNcnError::TieBreakerAdminInvalid));
        }
        Ok(())
    })
    .allow_at(0, &[Kind::Pda], STORED)
    .allow_at(1, &[Kind::Pda], STORED)
    .allow_at(2, &[Kind::Pda], STORED)
    .allow_at(
        4,
        &[Kind::Owner, Kind::Uninitialised, Kind::Length],
        "the tie-breaker admin only signs",
    )
    .run();
    print_totals("ncn", &[summary]);
}

#[test]
fn initialize_epoch_state() {
    let w = prepared();
    let epoch = w.epoch();
    let ix = w.initialize_epoch_state_ix(epoch);
    let names = "epoch_marker epoch_state config ncn account_payer system_program";
    let c = case(&w, "InitializeEpochState", ix, names);
    let summary = Matrix::new(c, |v| {
        let epoch = arg_u64(v, 1);
        load_system_account(v, 1, true)?;
        load_program(v, 5, &SYSTEM_PROGRAM_ID)?;
        restaking_ncn(v, 3)?;
        config(v, 2, 3, false)?;
        account_payer(v, 4, 3)?;
        marker_dne(v, 0, 3, epoch)?;
        let ncn = v.key(3);
        seeds(
            v,
            1,
            jito_ncn_client::pdas::find_epoch_state(&NCN_PROGRAM_ID, &ncn, epoch),
        )?;
        create_account_cpi(v, 4, na::EpochState::LEN.min(10_240))
    })
    .allow_at(
        0,
        &[Kind::Owner],
        "the epoch marker must only be empty at its PDA",
    )
    .allow_at(2, &[Kind::Pda], STORED)
    .run();
    print_totals("ncn", &[summary]);
}

/// `EpochState::load_and_check_is_closing`: reads as an epoch state (`InvalidAccountData`), not
/// closing (`EpochIsClosingDown`), then [`ncn_account`].
fn open_epoch_state(v: &View, i: usize, ncn: usize, epoch: u64, writable: bool) -> Check {
    let state = &v.account(i).data;
    if state.len() != na::EpochState::LEN || state[0] != 0x50 {
        return Err(iad());
    }
    if state[na::EpochState::LEN - 1] != 0 {
        return Err(ncn_error(JitoNcnError::EpochIsClosingDown));
    }
    ncn_account(v, i, 0x50, na::EpochState::LEN, writable, ncn, Some(epoch))
}

/// `key(i)` is `pda` (`verify_canonical_pda`: `InvalidAccountData`).
fn at_pda(v: &View, i: usize, pda: (Pubkey, u8)) -> Check {
    if v.key(i) != pda.0 {
        return Err(iad());
    }
    Ok(())
}

/// An existing account at `i` the instruction grows: owned by the NCN program, else
/// `InvalidAccountOwner`.
fn ncn_owned(v: &View, i: usize) -> Check {
    if v.account(i).owner != NCN_PROGRAM_ID {
        return Err(Expected::Program(ProgramError::InvalidAccountOwner));
    }
    Ok(())
}

const REALLOC_ANY_SIZE: &str = "a realloc step grows the account from whatever size it has";

/// One realloc step of the account at `i` towards `full` bytes, paid by the payer at `payer`:
/// the system transfer of the rent shortfall fails `Custom(1)` when the payer lacks it.
fn realloc_paid(v: &View, i: usize, payer: usize, full: usize) -> Check {
    let account = v.account(i);
    let size = (account.data.len() + 10_240)
        .min(full)
        .max(account.data.len());
    let shortfall = mollusk_tests::rent_exempt(size).saturating_sub(account.lamports);
    if shortfall > v.account(payer).lamports {
        return Err(Expected::custom(1));
    }
    if !v.is_writable(i) {
        // The resize of a read-only account.
        return Err(Expected::Runtime(InstructionError::PrivilegeEscalation));
    }
    Ok(())
}

#[test]
fn initialize_config() {
    let w = NcnScenario::handshake(NcnSpec::uniform(3, 2));
    let ix = w.initialize_config_ix((3, 10, 1_000), 300);
    let mut stall_0 = ix.data.clone();
    stall_0[1..9].copy_from_slice(&0u64.to_le_bytes());
    let names = "config ncn ncn_fee_wallet ncn_admin tie_breaker_admin account_payer \
                 system_program";
    let c = case(&w, "InitializeConfig", ix, names).arg_case(
        "epochs_before_stall 0",
        stall_0,
        ncn_error(JitoNcnError::InvalidEpochsBeforeStall),
    );
    let summary = Matrix::new(c, |v| {
        load_system_account(v, 0, true)?;
        load_program(v, 6, &SYSTEM_PROGRAM_ID)?;
        load_signer(v, 3, false)?;
        restaking_ncn(v, 1)?;
        account_payer(v, 5, 1)?;
        if arg_u64(v, 1) == 0 {
            return Err(ncn_error(JitoNcnError::InvalidEpochsBeforeStall));
        }
        if ncn_of(v, 1).admin != v.key(3) {
            return Err(ncn_error(JitoNcnError::IncorrectNcnAdmin));
        }
        if v.key(2) == Pubkey::default() {
            return Err(ncn_error(JitoNcnError::DefaultNcnWallet));
        }
        seeds(
            v,
            0,
            jito_ncn_client::pdas::find_config(&NCN_PROGRAM_ID, &v.key(1)),
        )?;
        create_account_cpi(v, 5, na::Config::LEN)
    })
    .allow_at(2, ANY_ACCOUNT_MUTATION, "the fee wallet is only an address")
    .allow_at(3, ONLY_SIGNS, SIGNER_REASON)
    .allow_at(
        4,
        ANY_ACCOUNT_MUTATION,
        "the tie-breaker admin is only an address",
    )
    .run();
    print_totals("ncn", &[summary]);
}

#[test]
fn initialize_vault_registry() {
    let mut w = NcnScenario::handshake(NcnSpec::uniform(3, 2));
    let ix = w.initialize_config_ix((3, 10, 1_000), 300);
    w.exec("InitializeConfig", &ix);
    let ix = w.initialize_vault_registry_ix();
    let names = "config vault_registry ncn account_payer system_program";
    let c = case(&w, "InitializeVaultRegistry", ix, names);
    let summary = Matrix::new(c, |v| {
        load_system_account(v, 1, true)?;
        load_program(v, 4, &SYSTEM_PROGRAM_ID)?;
        restaking_ncn(v, 2)?;
        config(v, 0, 2, false)?;
        account_payer(v, 3, 2)?;
        let ncn = v.key(2);
        seeds(
            v,
            1,
            jito_ncn_client::pdas::find_vault_registry(&NCN_PROGRAM_ID, &ncn),
        )?;
        create_account_cpi(v, 3, 10_240)
    })
    .allow_at(0, &[Kind::Pda], STORED)
    .run();
    print_totals("ncn", &[summary]);
}

#[test]
fn realloc_vault_registry() {
    let mut w = NcnScenario::handshake(NcnSpec::uniform(3, 2));
    let ix = w.initialize_config_ix((3, 10, 1_000), 300);
    w.exec("InitializeConfig", &ix);
    let ix = w.initialize_vault_registry_ix();
    w.exec("InitializeVaultRegistry", &ix);
    let ix = w.realloc_vault_registry_ix();
    let names = "config vault_registry ncn account_payer system_program";
    let c = case(&w, "ReallocVaultRegistry", ix, names);
    let summary = Matrix::new(c, |v| {
        load_program(v, 4, &SYSTEM_PROGRAM_ID)?;
        restaking_ncn(v, 2)?;
        config(v, 0, 2, false)?;
        account_payer(v, 3, 2)?;
        let ncn = v.key(2);
        let pda = jito_ncn_client::pdas::find_vault_registry(&NCN_PROGRAM_ID, &ncn);
        seeds(v, 1, pda)?;
        ncn_owned(v, 1)?;
        realloc_paid(v, 1, 3, na::VaultRegistry::LEN)
    })
    .allow_at(0, &[Kind::Pda], STORED)
    .allow_at(1, &[Kind::Length, Kind::Discriminator], REALLOC_ANY_SIZE)
    .run();
    print_totals("ncn", &[summary]);
}

#[test]
fn register_vault() {
    let mut w = NcnScenario::handshake(NcnSpec::uniform(3, 2));
    let ix = w.initialize_config_ix((3, 10, 1_000), 300);
    w.exec("InitializeConfig", &ix);
    let ix = w.initialize_vault_registry_ix();
    w.exec("InitializeVaultRegistry", &ix);
    let len = na::VaultRegistry::LEN;
    w.grow(
        w.vault_registry,
        len,
        |k| k.realloc_vault_registry_ix(),
        "ReallocVaultRegistry",
    );
    for m in w.mints.clone() {
        let ix = w.admin_register_st_mint_ix(&m.mint, Some(m.weight));
        w.exec("AdminRegisterStMint", &ix);
    }
    let ix = w.register_vault_ix(&w.vaults[0].address);
    let names = "config vault_registry ncn vault ncn_vault_ticket";
    let c = case(&w, "RegisterVault", ix, names);
    let summary = Matrix::new(c, |v| {
        config(v, 0, 2, false)?;
        registry(v, 1, 2, true)?;
        restaking_ncn(v, 2)?;
        load_state(v, 3, &VAULT_PROGRAM_ID, 2, vc::Vault::LEN, false)?;
        load_state(
            v,
            4,
            &RESTAKING_PROGRAM_ID,
            6,
            rc::NcnVaultTicket::LEN,
            false,
        )?;
        if v.pubkey_at(4, 8) != v.key(2) || v.pubkey_at(4, 40) != v.key(3) {
            return Err(iad());
        }
        Ok(())
    })
    .allow_at(0, &[Kind::Pda], STORED)
    .allow_at(1, &[Kind::Pda], STORED)
    .run();
    print_totals("ncn", &[summary]);
}

#[test]
fn initialize_weight_table() {
    let mut w = prepared();
    let epoch = w.epoch();
    w.epoch_state(epoch);
    let ix = w.initialize_weight_table_ix(epoch);
    let names = "epoch_marker epoch_state vault_registry ncn weight_table account_payer \
                 system_program";
    let c = case(&w, "InitializeWeightTable", ix, names);
    let summary = Matrix::new(c, |v| {
        let epoch = arg_u64(v, 1);
        open_epoch_state(v, 1, 3, epoch, false)?;
        registry(v, 2, 3, false)?;
        restaking_ncn(v, 3)?;
        account_payer(v, 5, 3)?;
        marker_dne(v, 0, 3, epoch)?;
        load_system_account(v, 4, true)?;
        load_program(v, 6, &SYSTEM_PROGRAM_ID)?;
        let ncn = v.key(3);
        at_pda(
            v,
            4,
            jito_ncn_client::pdas::find_weight_table(&NCN_PROGRAM_ID, &ncn, epoch),
        )?;
        create_account_cpi(v, 5, 10_240)
    })
    .allow_at(
        0,
        &[Kind::Owner],
        "the epoch marker must only be empty at its PDA",
    )
    .allow_at(1, &[Kind::Pda], STORED)
    .allow_at(2, &[Kind::Pda], STORED)
    .run();
    print_totals("ncn", &[summary]);
}

#[test]
fn realloc_weight_table() {
    let mut w = prepared();
    let epoch = w.epoch();
    w.epoch_state(epoch);
    let ix = w.initialize_weight_table_ix(epoch);
    w.exec("InitializeWeightTable", &ix);
    let ix = w.realloc_weight_table_ix(epoch);
    let names = "epoch_state config weight_table ncn vault_registry account_payer system_program";
    let c = case(&w, "ReallocWeightTable", ix, names);
    let summary = Matrix::new(c, |v| {
        let epoch = arg_u64(v, 1);
        load_program(v, 6, &SYSTEM_PROGRAM_ID)?;
        restaking_ncn(v, 3)?;
        ncn_account(v, 0, 0x50, na::EpochState::LEN, true, 3, Some(epoch))?;
        config(v, 1, 3, false)?;
        registry(v, 4, 3, false)?;
        account_payer(v, 5, 3)?;
        let ncn = v.key(3);
        at_pda(
            v,
            2,
            jito_ncn_client::pdas::find_weight_table(&NCN_PROGRAM_ID, &ncn, epoch),
        )?;
        ncn_owned(v, 2)?;
        realloc_paid(v, 2, 5, na::WeightTable::LEN)
    })
    .allow_at(0, &[Kind::Pda], STORED)
    .allow_at(1, &[Kind::Pda], STORED)
    .allow_at(4, &[Kind::Pda], STORED)
    .allow_at(2, &[Kind::Length, Kind::Discriminator], REALLOC_ANY_SIZE)
    .run();
    print_totals("ncn", &[summary]);
}

#[test]
fn set_epoch_weights() {
    let mut w = prepared();
    let epoch = w.epoch();
    w.epoch_state(epoch);
    let ix = w.initialize_weight_table_ix(epoch);
    w.exec("InitializeWeightTable", &ix);
    let table = w.weight_table_address(epoch);
    let len = na::WeightTable::LEN;
    w.grow(
        table,
        len,
        |k| k.realloc_weight_table_ix(epoch),
        "ReallocWeightTable",
    );
    let ix = w.set_epoch_weights_ix(epoch);
    let names = "epoch_state ncn vault_registry weight_table";
    let c = case(&w, "SetEpochWeights", ix, names);
    let summary = Matrix::new(c, |v| {
        let epoch = arg_u64(v, 1);
        ncn_account(v, 0, 0x50, na::EpochState::LEN, true, 1, Some(epoch))?;
        restaking_ncn(v, 1)?;
        ncn_account(v, 3, 0x10, na::WeightTable::LEN, true, 1, Some(epoch))?;
        registry(v, 2, 1, false)
    })
    .allow_at(0, &[Kind::Pda], STORED)
    .allow_at(2, &[Kind::Pda], STORED)
    .allow_at(3, &[Kind::Pda], STORED)
    .run();
    print_totals("ncn", &[summary]);
}

#[test]
fn initialize_epoch_snapshot() {
    let mut w = prepared();
    let epoch = w.epoch();
    w.epoch_state(epoch);
    w.weight_table(epoch);
    let ix = w.initialize_epoch_snapshot_ix(epoch);
    let names = "epoch_marker epoch_state config ncn weight_table epoch_snapshot account_payer \
                 system_program";
    let c = case(&w, "InitializeEpochSnapshot", ix, names);
    let summary = Matrix::new(c, |v| {
        let epoch = arg_u64(v, 1);
        open_epoch_state(v, 1, 3, epoch, true)?;
        config(v, 2, 3, false)?;
        restaking_ncn(v, 3)?;
        account_payer(v, 6, 3)?;
        marker_dne(v, 0, 3, epoch)?;
        load_system_account(v, 5, true)?;
        load_program(v, 7, &SYSTEM_PROGRAM_ID)?;
        ncn_account(v, 4, 0x10, na::WeightTable::LEN, false, 3, Some(epoch))?;
        let ncn = v.key(3);
        at_pda(
            v,
            5,
            jito_ncn_client::pdas::find_epoch_snapshot(&NCN_PROGRAM_ID, &ncn, epoch),
        )?;
        create_account_cpi(v, 6, na::EpochSnapshot::LEN.min(10_240))
    })
    .allow_at(
        0,
        &[Kind::Owner],
        "the epoch marker must only be empty at its PDA",
    )
    .allow_at(1, &[Kind::Pda], STORED)
    .allow_at(2, &[Kind::Pda], STORED)
    .allow_at(4, &[Kind::Pda], STORED)
    .run();
    print_totals("ncn", &[summary]);
}

#[test]
fn initialize_operator_snapshot() {
    let mut w = prepared();
    let epoch = w.epoch();
    w.epoch_state(epoch);
    w.weight_table(epoch);
    w.epoch_snapshot(epoch);
    let ix = w.initialize_operator_snapshot_ix(&w.operators[0].address, epoch);
    let names = "epoch_marker epoch_state config restaking_config ncn operator \
                 ncn_operator_state epoch_snapshot operator_snapshot account_payer \
                 system_program";
    let c = case(&w, "InitializeOperatorSnapshot", ix, names);
    let summary = Matrix::new(c, |v| {
        let epoch = arg_u64(v, 1);
        open_epoch_state(v, 1, 4, epoch, true)?;
        config(v, 2, 4, false)?;
        restaking_ncn(v, 4)?;
        load_state(v, 5, &RESTAKING_PROGRAM_ID, 3, rc::Operator::LEN, false)?;
        load_state(
            v,
            6,
            &RESTAKING_PROGRAM_ID,
            4,
            rc::NcnOperatorState::LEN,
            false,
        )?;
        if v.pubkey_at(6, 8) != v.key(4) || v.pubkey_at(6, 40) != v.key(5) {
            return Err(iad());
        }
        ncn_account(v, 7, 0x11, na::EpochSnapshot::LEN, false, 4, Some(epoch))?;
        load_system_account(v, 8, true)?;
        load_program(v, 10, &SYSTEM_PROGRAM_ID)?;
        account_payer(v, 9, 4)?;
        marker_dne(v, 0, 4, epoch)?;
        let (op, ncn) = (v.key(5), v.key(4));
        let pda = jito_ncn_client::pdas::find_operator_snapshot(&NCN_PROGRAM_ID, &op, &ncn, epoch);
        at_pda(v, 8, pda)?;
        load_state(v, 3, &RESTAKING_PROGRAM_ID, 1, rc::Config::LEN, false)?;
        if v.key(3) != rc::Config::find_pda().0 {
            return Err(iad());
        }
        create_account_cpi(v, 9, na::OperatorSnapshot::LEN.min(10_240))
    })
    .allow_at(
        0,
        &[Kind::Owner],
        "the epoch marker must only be empty at its PDA",
    )
    .allow_at(1, &[Kind::Pda], STORED)
    .allow_at(2, &[Kind::Pda], STORED)
    .allow_at(7, &[Kind::Pda], STORED)
    .allow_at(
        7,
        &[Kind::Writable],
        "the epoch snapshot is written only for an operator that is not active",
    )
    .run();
    print_totals("ncn", &[summary]);
}

#[test]
fn realloc_ballot_box() {
    let mut w = prepared();
    let epoch = w.epoch();
    w.epoch_state(epoch);
    let ix = w.initialize_ballot_box_ix(epoch);
    w.exec("InitializeBallotBox", &ix);
    let ix = w.realloc_ballot_box_ix(epoch);
    let names = "epoch_state config ballot_box ncn account_payer system_program";
    let c = case(&w, "ReallocBallotBox", ix, names);
    let summary = Matrix::new(c, |v| {
        let epoch = arg_u64(v, 1);
        load_program(v, 5, &SYSTEM_PROGRAM_ID)?;
        restaking_ncn(v, 3)?;
        ncn_account(v, 0, 0x50, na::EpochState::LEN, false, 3, Some(epoch))?;
        config(v, 1, 3, false)?;
        account_payer(v, 4, 3)?;
        let ncn = v.key(3);
        at_pda(
            v,
            2,
            jito_ncn_client::pdas::find_ballot_box(&NCN_PROGRAM_ID, &ncn, epoch),
        )?;
        ncn_owned(v, 2)?;
        realloc_paid(v, 2, 4, na::BallotBox::LEN)
    })
    .allow_at(0, &[Kind::Pda], STORED)
    .allow_at(1, &[Kind::Pda], STORED)
    .allow_at(2, &[Kind::Length, Kind::Discriminator], REALLOC_ANY_SIZE)
    .allow_at(
        0,
        &[Kind::Writable],
        "the epoch state is written only by the step that initializes the box",
    )
    .run();
    print_totals("ncn", &[summary]);
}

// ---------------------------------------------------------------------------------------------
// Rewards and closing
// ---------------------------------------------------------------------------------------------

/// `Operator::load` of the restaking program.
fn operator(v: &View, i: usize, writable: bool) -> Check {
    load_state(v, i, &RESTAKING_PROGRAM_ID, 3, rc::Operator::LEN, writable)
}

/// An account of the operator at `op` (stored operator at 8, NCN at 40, epoch at 72).
#[allow(clippy::too_many_arguments)]
fn operator_account(
    v: &View,
    i: usize,
    disc: u8,
    len: usize,
    writable: bool,
    op: usize,
    ncn: usize,
    epoch: u64,
) -> Check {
    load_state(v, i, &NCN_PROGRAM_ID, disc, len, writable)?;
    if v.pubkey_at(i, 8) != v.key(op)
        || v.pubkey_at(i, 40) != v.key(ncn)
        || v.u64_at(i, 72) != epoch
    {
        return Err(iad());
    }
    Ok(())
}

fn operator_snapshot(v: &View, i: usize, op: usize, ncn: usize, epoch: u64, w: bool) -> Check {
    operator_account(v, i, 0x12, na::OperatorSnapshot::LEN, w, op, ncn, epoch)
}

fn operator_router(v: &View, i: usize, op: usize, ncn: usize, epoch: u64, w: bool) -> Check {
    operator_account(
        v,
        i,
        0x41,
        na::OperatorVaultRewardRouter::LEN,
        w,
        op,
        ncn,
        epoch,
    )
}

fn ncn_router(v: &View, i: usize, ncn: usize, epoch: u64, writable: bool) -> Check {
    ncn_account(
        v,
        i,
        0x40,
        na::NcnRewardRouter::LEN,
        writable,
        ncn,
        Some(epoch),
    )
}

/// A reward receiver (a system account at its PDA `pda`): `InvalidAccountOwner`, then
/// `InvalidAccountData` for the address or a missing writable flag.
fn receiver(v: &View, i: usize, pda: (Pubkey, u8), writable: bool) -> Check {
    if v.account(i).owner != SYSTEM_PROGRAM_ID {
        return Err(Expected::Program(ProgramError::InvalidAccountOwner));
    }
    if v.key(i) != pda.0 || (writable && !v.is_writable(i)) {
        return Err(iad());
    }
    Ok(())
}

fn ncn_receiver(v: &View, i: usize, ncn: usize, epoch: u64, writable: bool) -> Check {
    let pda = jito_ncn_client::pdas::find_ncn_reward_receiver(&NCN_PROGRAM_ID, &v.key(ncn), epoch);
    receiver(v, i, pda, writable)
}

fn operator_receiver(v: &View, i: usize, op: usize, ncn: usize, epoch: u64, w: bool) -> Check {
    let (op, ncn) = (v.key(op), v.key(ncn));
    let pda = jito_ncn_client::pdas::find_operator_vault_reward_receiver(
        &NCN_PROGRAM_ID,
        &op,
        &ncn,
        epoch,
    );
    receiver(v, i, pda, w)
}

/// The payout of a distribution: the system program at `sys` runs the transfer
/// (`IncorrectProgramId` for another account), into a writable `to` (`PrivilegeEscalation` in
/// the runtime), from a receiver at `from` holding the amount (`Custom(1)` from an empty one).
fn payout(v: &View, from: usize, to: Option<usize>, sys: usize) -> Check {
    load_program(v, sys, &SYSTEM_PROGRAM_ID)?;
    if to.is_some_and(|to| !v.is_writable(to)) {
        return Err(Expected::Runtime(InstructionError::PrivilegeEscalation));
    }
    if v.account(from).lamports == 0 {
        return Err(Expected::custom(1));
    }
    Ok(())
}

/// A route: the receiver at `i` holds at least its rent (`ArithmeticUnderflowError`).
fn route_balance(v: &View, i: usize) -> Check {
    if v.account(i).lamports < mollusk_tests::rent_exempt(0) {
        return Err(ncn_error(JitoNcnError::ArithmeticUnderflowError));
    }
    Ok(())
}

const ONLY_CREDITED: &str = "the account only receives lamports: any owner, empty or not";

/// A prepared epoch where every operator voted the same (consensus), with the NCN and operator
/// reward routers, voting over and 1 SOL of rewards in the NCN reward receiver.
fn rewards_epoch() -> (NcnScenario, u64) {
    let mut w = prepared();
    let epoch = w.epoch();
    w.prepare_epoch(epoch);
    for o in 0..w.operators.len() {
        w.cast_vote(o, 1, epoch);
    }
    w.ncn_reward_router(epoch);
    for o in 0..w.operators.len() {
        let ix = w.ix_initialize_operator_vault_reward_router(o, epoch);
        w.exec("InitializeOperatorVaultRewardRouter", &ix);
    }
    let over = w.slot() + w.spec.valid_slots_after_consensus + 1;
    w.warp(over);
    let receiver = w.ncn_reward_receiver_address(epoch);
    let mut funded = w.get(&receiver);
    funded.lamports += 1_000_000_000;
    w.set(receiver, funded);
    (w, epoch)
}

/// [`rewards_epoch`] with the NCN rewards routed and operator 0's share moved to its router
/// and routed.
fn operator_rewards_epoch() -> (NcnScenario, u64) {
    let (mut w, epoch) = rewards_epoch();
    let ix = w.route_ncn_rewards_ix(u16::MAX, epoch);
    w.exec("RouteNCNRewards", &ix);
    let ix = w.ix_distribute_operator_vault_reward_route(0, epoch);
    w.exec("DistributeOperatorVaultRewardRoute", &ix);
    let ix = w.ix_route_operator_vault_rewards(0, u16::MAX, epoch);
    w.exec("RouteOperatorVaultRewards", &ix);
    (w, epoch)
}

#[test]
fn initialize_ncn_reward_router() {
    let mut w = prepared();
    let epoch = w.epoch();
    w.prepare_epoch(epoch);
    let ix = w.initialize_ncn_reward_router_ix(epoch);
    let names = "epoch_marker epoch_state ncn ncn_reward_router ncn_reward_receiver \
                 account_payer system_program";
    let c = case(&w, "InitializeNCNRewardRouter", ix, names);
    let summary = Matrix::new(c, |v| {
        let epoch = arg_u64(v, 1);
        open_epoch_state(v, 1, 2, epoch, false)?;
        restaking_ncn(v, 2)?;
        ncn_receiver(v, 4, 2, epoch, true)?;
        account_payer(v, 5, 2)?;
        marker_dne(v, 0, 2, epoch)?;
        load_system_account(v, 3, true)?;
        load_program(v, 6, &SYSTEM_PROGRAM_ID)?;
        let ncn = v.key(2);
        let pda = jito_ncn_client::pdas::find_ncn_reward_router(&NCN_PROGRAM_ID, &ncn, epoch);
        at_pda(v, 3, pda)?;
        create_account_cpi(v, 5, na::NcnRewardRouter::LEN.min(10_240))
    })
    .allow_at(
        0,
        &[Kind::Owner],
        "the epoch marker must only be empty at its PDA",
    )
    .allow_at(1, &[Kind::Pda], STORED)
    .run();
    print_totals("ncn", &[summary]);
}

#[test]
fn realloc_ncn_reward_router() {
    let mut w = prepared();
    let epoch = w.epoch();
    w.prepare_epoch(epoch);
    let ix = w.initialize_ncn_reward_router_ix(epoch);
    w.exec("InitializeNCNRewardRouter", &ix);
    let ix = w.realloc_ncn_reward_router_ix(epoch);
    let names = "epoch_state config ncn_reward_router ncn account_payer system_program";
    let c = case(&w, "ReallocNCNRewardRouter", ix, names);
    let summary = Matrix::new(c, |v| {
        let epoch = arg_u64(v, 1);
        load_program(v, 5, &SYSTEM_PROGRAM_ID)?;
        restaking_ncn(v, 3)?;
        ncn_account(v, 0, 0x50, na::EpochState::LEN, true, 3, Some(epoch))?;
        config(v, 1, 3, false)?;
        account_payer(v, 4, 3)?;
        let ncn = v.key(3);
        let pda = jito_ncn_client::pdas::find_ncn_reward_router(&NCN_PROGRAM_ID, &ncn, epoch);
        at_pda(v, 2, pda)?;
        ncn_owned(v, 2)?;
        realloc_paid(v, 2, 4, na::NcnRewardRouter::LEN)
    })
    .allow_at(0, &[Kind::Pda], STORED)
    .allow_at(1, &[Kind::Pda], STORED)
    .allow_at(2, &[Kind::Length, Kind::Discriminator], REALLOC_ANY_SIZE)
    .run();
    print_totals("ncn", &[summary]);
}

#[test]
fn route_ncn_rewards() {
    let (w, epoch) = rewards_epoch();
    let ix = w.route_ncn_rewards_ix(u16::MAX, epoch);
    let names = "epoch_state config ncn epoch_snapshot ballot_box ncn_reward_router \
                 ncn_reward_receiver";
    let c = case(&w, "RouteNCNRewards", ix, names);
    let summary = Matrix::new(c, |v| {
        let epoch = arg_u64(v, 3);
        ncn_account(v, 0, 0x50, na::EpochState::LEN, true, 2, Some(epoch))?;
        config(v, 1, 2, false)?;
        restaking_ncn(v, 2)?;
        ncn_account(v, 3, 0x11, na::EpochSnapshot::LEN, false, 2, Some(epoch))?;
        ncn_router(v, 5, 2, epoch, true)?;
        ncn_account(v, 4, 0x20, na::BallotBox::LEN, false, 2, Some(epoch))?;
        ncn_receiver(v, 6, 2, epoch, true)?;
        route_balance(v, 6)
    })
    .allow_at(0, &[Kind::Pda], STORED)
    .allow_at(1, &[Kind::Pda], STORED)
    .allow_at(3, &[Kind::Pda], STORED)
    .allow_at(4, &[Kind::Pda], STORED)
    .allow_at(5, &[Kind::Pda], STORED)
    .run();
    print_totals("ncn", &[summary]);
}

/// `DistributeProtocolRewards` / `DistributeNCNRewards`: the fee wallet at position 5 must be
/// the config's protocol / NCN fee wallet.
fn distribute_fee(protocol: bool) {
    let (mut w, epoch) = rewards_epoch();
    let ix = w.route_ncn_rewards_ix(u16::MAX, epoch);
    w.exec("RouteNCNRewards", &ix);
    let (name, ix, names) = if protocol {
        let ix = w.distribute_protocol_rewards_ix(epoch);
        let names = "epoch_state config ncn ncn_reward_router ncn_reward_receiver \
                     protocol_fee_wallet system_program";
        ("DistributeProtocolRewards", ix, names)
    } else {
        let ix = w.distribute_ncn_rewards_ix(epoch);
        let names = "epoch_state config ncn ncn_reward_router ncn_reward_receiver ncn_fee_wallet \
                     system_program";
        ("DistributeNCNRewards", ix, names)
    };
    let c = case(&w, name, ix, names);
    let summary = Matrix::new(c, move |v| {
        let epoch = arg_u64(v, 1);
        ncn_account(v, 0, 0x50, na::EpochState::LEN, true, 2, Some(epoch))?;
        restaking_ncn(v, 2)?;
        config(v, 1, 2, false)?;
        ncn_router(v, 3, 2, epoch, true)?;
        ncn_receiver(v, 4, 2, epoch, true)?;
        let fees = na::Config::from_bytes(&v.account(1).data)
            .unwrap()
            .fee_config;
        let expected = if protocol {
            fees.protocol_fee_wallet
        } else {
            fees.ncn_fee_wallet
        };
        if v.key(5) != expected {
            return Err(iad());
        }
        payout(v, 4, Some(5), 6)
    })
    .allow_at(0, &[Kind::Pda], STORED)
    .allow_at(1, &[Kind::Pda], STORED)
    .allow_at(3, &[Kind::Pda], STORED)
    .allow_at(5, &[Kind::Owner], ONLY_CREDITED)
    .run();
    print_totals("ncn", &[summary]);
}

#[test]
fn distribute_protocol_rewards() {
    distribute_fee(true);
}

#[test]
fn distribute_ncn_rewards() {
    distribute_fee(false);
}

#[test]
fn initialize_operator_vault_reward_router() {
    let mut w = prepared();
    let epoch = w.epoch();
    w.prepare_epoch(epoch);
    let ix = w.ix_initialize_operator_vault_reward_router(0, epoch);
    let names = "epoch_marker epoch_state ncn operator operator_snapshot \
                 operator_vault_reward_router operator_vault_reward_receiver account_payer \
                 system_program";
    let c = case(&w, "InitializeOperatorVaultRewardRouter", ix, names);
    let summary = Matrix::new(c, |v| {
        let epoch = arg_u64(v, 1);
        open_epoch_state(v, 1, 2, epoch, true)?;
        restaking_ncn(v, 2)?;
        operator(v, 3, false)?;
        operator_snapshot(v, 4, 3, 2, epoch, false)?;
        operator_receiver(v, 6, 3, 2, epoch, true)?;
        load_system_account(v, 5, true)?;
        load_program(v, 8, &SYSTEM_PROGRAM_ID)?;
        account_payer(v, 7, 2)?;
        marker_dne(v, 0, 2, epoch)?;
        let (op, ncn) = (v.key(3), v.key(2));
        let pda = jito_ncn_client::pdas::find_operator_vault_reward_router(
            &NCN_PROGRAM_ID,
            &op,
            &ncn,
            epoch,
        );
        at_pda(v, 5, pda)?;
        create_account_cpi(v, 7, na::OperatorVaultRewardRouter::LEN)
    })
    .allow_at(
        0,
        &[Kind::Owner],
        "the epoch marker must only be empty at its PDA",
    )
    .allow_at(1, &[Kind::Pda], STORED)
    .allow_at(4, &[Kind::Pda], STORED)
    .run();
    print_totals("ncn", &[summary]);
}

#[test]
fn distribute_operator_vault_reward_route() {
    let (mut w, epoch) = rewards_epoch();
    let ix = w.route_ncn_rewards_ix(u16::MAX, epoch);
    w.exec("RouteNCNRewards", &ix);
    let ix = w.ix_distribute_operator_vault_reward_route(0, epoch);
    let names = "epoch_state config ncn operator ncn_reward_router ncn_reward_receiver \
                 operator_vault_reward_router operator_vault_reward_receiver system_program";
    let c = case(&w, "DistributeOperatorVaultRewardRoute", ix, names);
    let summary = Matrix::new(c, |v| {
        let epoch = arg_u64(v, 1);
        ncn_account(v, 0, 0x50, na::EpochState::LEN, true, 2, Some(epoch))?;
        restaking_ncn(v, 2)?;
        operator(v, 3, false)?;
        config(v, 1, 2, false)?;
        ncn_router(v, 4, 2, epoch, true)?;
        operator_router(v, 6, 3, 2, epoch, false)?;
        ncn_receiver(v, 5, 2, epoch, true)?;
        operator_receiver(v, 7, 3, 2, epoch, false)?;
        load_program(v, 8, &SYSTEM_PROGRAM_ID)?;
        if !v.is_writable(7) {
            return Err(iad());
        }
        payout(v, 5, Some(7), 8)
    })
    .allow_at(0, &[Kind::Pda], STORED)
    .allow_at(1, &[Kind::Pda], STORED)
    .allow_at(4, &[Kind::Pda], STORED)
    .allow_at(6, &[Kind::Pda], STORED)
    .allow_at(7, &[Kind::Uninitialised], ONLY_CREDITED)
    .run();
    print_totals("ncn", &[summary]);
}

#[test]
fn route_operator_vault_rewards() {
    let (mut w, epoch) = rewards_epoch();
    let ix = w.route_ncn_rewards_ix(u16::MAX, epoch);
    w.exec("RouteNCNRewards", &ix);
    let ix = w.ix_distribute_operator_vault_reward_route(0, epoch);
    w.exec("DistributeOperatorVaultRewardRoute", &ix);
    let ix = w.ix_route_operator_vault_rewards(0, u16::MAX, epoch);
    let names = "epoch_state ncn operator operator_snapshot operator_vault_reward_router \
                 operator_vault_reward_receiver";
    let c = case(&w, "RouteOperatorVaultRewards", ix, names);
    let summary = Matrix::new(c, |v| {
        let epoch = arg_u64(v, 3);
        ncn_account(v, 0, 0x50, na::EpochState::LEN, true, 1, Some(epoch))?;
        restaking_ncn(v, 1)?;
        operator(v, 2, false)?;
        operator_receiver(v, 5, 2, 1, epoch, true)?;
        operator_snapshot(v, 3, 2, 1, epoch, false)?;
        operator_router(v, 4, 2, 1, epoch, true)?;
        route_balance(v, 5)
    })
    .allow_at(0, &[Kind::Pda], STORED)
    .allow_at(3, &[Kind::Pda], STORED)
    .allow_at(4, &[Kind::Pda], STORED)
    .run();
    print_totals("ncn", &[summary]);
}

#[test]
fn distribute_operator_rewards() {
    let (w, epoch) = operator_rewards_epoch();
    let ix = w.ix_distribute_operator_rewards(0, epoch);
    let names = "epoch_state config ncn operator operator_snapshot operator_vault_reward_router \
                 operator_vault_reward_receiver system_program";
    let c = case(&w, "DistributeOperatorRewards", ix, names);
    let summary = Matrix::new(c, |v| {
        let epoch = arg_u64(v, 1);
        ncn_account(v, 0, 0x50, na::EpochState::LEN, true, 2, Some(epoch))?;
        restaking_ncn(v, 2)?;
        operator(v, 3, true)?;
        operator_snapshot(v, 4, 3, 2, epoch, true)?;
        config(v, 1, 2, false)?;
        operator_router(v, 5, 3, 2, epoch, true)?;
        operator_receiver(v, 6, 3, 2, epoch, true)?;
        payout(v, 6, None, 7)
    })
    .allow_at(0, &[Kind::Pda], STORED)
    .allow_at(1, &[Kind::Pda], STORED)
    .allow_at(4, &[Kind::Pda], STORED)
    .allow_at(5, &[Kind::Pda], STORED)
    .run();
    print_totals("ncn", &[summary]);
}

#[test]
fn distribute_vault_rewards() {
    let (w, epoch) = operator_rewards_epoch();
    let ix = w.ix_distribute_vault_rewards(0, 0, epoch);
    let names = "epoch_state config ncn operator vault operator_snapshot \
                 operator_vault_reward_router operator_vault_reward_receiver system_program";
    let c = case(&w, "DistributeVaultRewards", ix, names);
    let vault = w.vaults[0].address;
    let summary = Matrix::new(c, move |v| {
        let epoch = arg_u64(v, 1);
        ncn_account(v, 0, 0x50, na::EpochState::LEN, true, 2, Some(epoch))?;
        restaking_ncn(v, 2)?;
        operator(v, 3, false)?;
        load_state(v, 4, &VAULT_PROGRAM_ID, 2, vc::Vault::LEN, true)?;
        operator_snapshot(v, 5, 3, 2, epoch, true)?;
        config(v, 1, 2, false)?;
        operator_router(v, 6, 3, 2, epoch, true)?;
        operator_receiver(v, 7, 3, 2, epoch, true)?;
        if v.key(4) != vault {
            return Err(ncn_error(JitoNcnError::OperatorRewardNotFound));
        }
        payout(v, 7, None, 8)
    })
    .allow_at(0, &[Kind::Pda], STORED)
    .allow_at(1, &[Kind::Pda], STORED)
    .allow_at(5, &[Kind::Pda], STORED)
    .allow_at(6, &[Kind::Pda], STORED)
    .run();
    print_totals("ncn", &[summary]);
}

#[test]
fn close_epoch_account() {
    let mut w = prepared();
    let epoch = w.epoch();
    w.prepare_epoch(epoch);
    for o in 0..w.operators.len() {
        w.cast_vote(o, 1, epoch);
    }
    let close_after = w.spec.epochs_after_consensus_before_close;
    w.advance_to_epoch(epoch + close_after + 1);
    let ix = w.close_epoch_account_ix(&w.weight_table_address(epoch), None, epoch);
    assert_eq!(
        ix.accounts.len(),
        7,
        "no optional accounts for a weight table"
    );
    let names = "epoch_marker epoch_state config ncn account_to_close account_payer system_program";
    let c = case(&w, "CloseEpochAccount", ix, names);
    let summary = Matrix::new(c, |v| {
        let epoch = arg_u64(v, 1);
        load_program(v, 6, &SYSTEM_PROGRAM_ID)?;
        restaking_ncn(v, 3)?;
        ncn_account(v, 1, 0x50, na::EpochState::LEN, true, 3, Some(epoch))?;
        config(v, 2, 3, false)?;
        account_payer(v, 5, 3)?;
        marker_dne(v, 0, 3, epoch)?;
        if v.account(4).data.is_empty() {
            return Err(ncn_error(JitoNcnError::CannotCloseAccountAlreadyClosed));
        }
        if v.key(4) == v.key(1) {
            return Err(ncn_error(JitoNcnError::CannotCloseEpochStateAccount));
        }
        match v.account(4).data[0] {
            0x10 => ncn_account(v, 4, 0x10, na::WeightTable::LEN, true, 3, Some(epoch)),
            _ => Err(ncn_error(JitoNcnError::InvalidAccountToCloseDiscriminator)),
        }
    })
    .allow_at(1, &[Kind::Pda], STORED)
    .allow_at(2, &[Kind::Pda], STORED)
    .allow_at(4, &[Kind::Pda], STORED)
    .allow_at(
        0,
        &[Kind::Owner, Kind::Writable],
        "the epoch marker must only be empty at its PDA; it is written only when the epoch \
         state closes",
    )
    .allow_at(
        5,
        &[Kind::Uninitialised],
        "the payer only receives the rent back",
    )
    .expect(
        Mutation::ExtraAccount,
        Expected::Success,
        "the two optional accounts are read only for a reward router",
    )
    .allow(
        Mutation::ExtraAccount,
        "an optional account, unread for a weight table",
    )
    .run();
    print_totals("ncn", &[summary]);
}
