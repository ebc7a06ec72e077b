//! The generated NCN client against the interface crate the program is built from: every
//! builder's data decodes with the program's own decoder to the same instruction, account
//! metas follow the program's order and flags, PDAs match the interface seeds, and errors
//! convert from their codes.

use jito_ncn_client::{
    errors::JitoNcnError,
    instructions::{
        AdminSetNewAdminBuilder, AdminSetParametersBuilder, AdminSetWeightBuilder, CastVoteBuilder,
        CloseEpochAccountBuilder, InitializeConfigBuilder, RouteNcnRewardsBuilder,
    },
    pdas,
    types::ConfigAdminRole,
    Address, BuildError, ProgramIds, ID,
};
use jito_ncn_interface::{
    error::NcnProgramError,
    instruction::NcnInstruction,
    state::{BallotBox, ConfigAdminRole as InterfaceRole, EpochMarker},
};

fn key(b: u8) -> Address {
    Address::new_from_array([b; 32])
}

#[test]
fn builders_encode_what_the_program_decodes() {
    let ix = InitializeConfigBuilder::new()
        .config(key(1))
        .ncn(key(2))
        .ncn_fee_wallet(key(3))
        .ncn_admin(key(4))
        .tie_breaker_admin(key(5))
        .account_payer(key(6))
        .epochs_before_stall(3)
        .epochs_after_consensus_before_close(10)
        .valid_slots_after_consensus(1_000)
        .ncn_fee_bps(400)
        .instruction();
    assert_eq!(ix.program_id, ID);
    assert_eq!(
        NcnInstruction::unpack(&ix.data).unwrap(),
        NcnInstruction::InitializeConfig {
            epochs_before_stall: 3,
            epochs_after_consensus_before_close: 10,
            valid_slots_after_consensus: 1_000,
            ncn_fee_bps: 400,
        }
    );
    let flags: Vec<(Address, bool, bool)> = ix
        .accounts
        .iter()
        .map(|m| (m.pubkey, m.is_writable, m.is_signer))
        .collect();
    assert_eq!(
        flags,
        vec![
            (key(1), true, false),
            (key(2), false, false),
            (key(3), false, false),
            (key(4), false, true),
            (key(5), false, false),
            (key(6), true, false),
            (Address::default(), false, false),
        ]
    );

    let ix = CastVoteBuilder::new()
        .epoch_state(key(1))
        .config(key(2))
        .ballot_box(key(3))
        .ncn(key(4))
        .epoch_snapshot(key(5))
        .operator_snapshot(key(6))
        .operator(key(7))
        .operator_voter(key(8))
        .consensus_result(key(9))
        .weather_status(2)
        .epoch(77)
        .instruction();
    assert_eq!(ix.data, [13, 2, 77, 0, 0, 0, 0, 0, 0, 0]);
    assert_eq!(
        NcnInstruction::unpack(&ix.data).unwrap(),
        NcnInstruction::CastVote {
            weather_status: 2,
            epoch: 77
        }
    );
    let writable: Vec<bool> = ix.accounts.iter().map(|m| m.is_writable).collect();
    assert_eq!(
        writable,
        [true, false, true, false, false, false, false, false, true]
    );
    assert!(ix.accounts[7].is_signer);

    let ix = RouteNcnRewardsBuilder::new()
        .epoch_state(key(1))
        .config(key(2))
        .ncn(key(3))
        .epoch_snapshot(key(4))
        .ballot_box(key(5))
        .ncn_reward_router(key(6))
        .ncn_reward_receiver(key(7))
        .max_iterations(64)
        .epoch(9)
        .instruction();
    assert_eq!(
        NcnInstruction::unpack(&ix.data).unwrap(),
        NcnInstruction::RouteNcnRewards {
            max_iterations: 64,
            epoch: 9
        }
    );

    let ix = AdminSetParametersBuilder::new()
        .config(key(1))
        .ncn(key(2))
        .ncn_admin(key(3))
        .epochs_before_stall(5)
        .valid_slots_after_consensus(7)
        .instruction();
    assert_eq!(
        NcnInstruction::unpack(&ix.data).unwrap(),
        NcnInstruction::AdminSetParameters {
            starting_valid_epoch: None,
            epochs_before_stall: Some(5),
            epochs_after_consensus_before_close: None,
            valid_slots_after_consensus: Some(7),
        }
    );

    let ix = AdminSetNewAdminBuilder::new()
        .config(key(1))
        .ncn(key(2))
        .ncn_admin(key(3))
        .new_admin(key(4))
        .role(ConfigAdminRole::TieBreakerAdmin)
        .instruction();
    assert_eq!(
        NcnInstruction::unpack(&ix.data).unwrap(),
        NcnInstruction::AdminSetNewAdmin {
            role: InterfaceRole::TieBreakerAdmin
        }
    );

    let ix = AdminSetWeightBuilder::new()
        .epoch_state(key(1))
        .ncn(key(2))
        .weight_table(key(3))
        .weight_table_admin(key(4))
        .st_mint(key(5))
        .weight(u128::MAX - 1)
        .epoch(u64::MAX)
        .instruction();
    assert_eq!(
        NcnInstruction::unpack(&ix.data).unwrap(),
        NcnInstruction::AdminSetWeight {
            st_mint: key(5),
            weight: u128::MAX - 1,
            epoch: u64::MAX
        }
    );
}

#[test]
fn close_epoch_account_takes_the_receiver_accounts_only_when_given() {
    let mut builder = CloseEpochAccountBuilder::new();
    builder
        .epoch_marker(key(1))
        .epoch_state(key(2))
        .config(key(3))
        .ncn(key(4))
        .account_to_close(key(5))
        .account_payer(key(6))
        .epoch(3);
    assert_eq!(builder.instruction().accounts.len(), 7);
    builder
        .ncn_fee_wallet(Some(key(7)))
        .receiver_to_close(Some(key(8)));
    let ix = builder.instruction();
    assert_eq!(ix.accounts.len(), 9);
    assert!(ix.accounts[7].is_writable && ix.accounts[8].is_writable);
}

#[test]
fn any_program_id_and_missing_accounts_named() {
    let ids = ProgramIds {
        ncn: key(200),
        ..ProgramIds::default()
    };
    let mut builder = CastVoteBuilder::new();
    builder.epoch_state(key(1)).weather_status(1).epoch(1);
    assert_eq!(
        builder.try_instruction().unwrap_err(),
        BuildError::MissingAccount {
            instruction: "CastVote",
            name: "config"
        }
    );
    builder
        .config(key(2))
        .ballot_box(key(3))
        .ncn(key(4))
        .epoch_snapshot(key(5))
        .operator_snapshot(key(6))
        .operator(key(7))
        .operator_voter(key(8))
        .consensus_result(key(9));
    assert_eq!(
        builder
            .try_instruction_with_program_ids(&ids)
            .unwrap()
            .program_id,
        key(200)
    );
}

#[test]
fn pdas_are_the_programs() {
    let program = key(200);
    let ncn = key(9);
    let epoch = 12u64;
    let e = epoch.to_le_bytes();
    assert_eq!(
        pdas::find_ballot_box(&program, &ncn, epoch),
        Address::find_program_address(&BallotBox::seeds(&ncn, &e), &program)
    );
    assert_eq!(
        pdas::find_epoch_marker(&program, &ncn, epoch, &ncn),
        Address::find_program_address(&EpochMarker::seeds(&ncn, &e), &program)
    );
    assert_eq!(
        pdas::find_account_payer(&program, &ncn, &ncn),
        Address::find_program_address(
            &jito_ncn_interface::pda::account_payer_seeds(&ncn),
            &program
        )
    );
}

#[test]
fn errors_from_their_codes() {
    for (code, expected) in [
        (0u32, NcnProgramError::NoValidBallots),
        (0x2100, NcnProgramError::DenominatorIsZero),
        (0x2200, NcnProgramError::IncorrectWeightTableAdmin),
    ] {
        let error = JitoNcnError::from_code(code).unwrap();
        assert_eq!(error.code(), code);
        assert_eq!(error.to_string(), expected.to_string());
    }
    assert!(JitoNcnError::from_code(0x1fff).is_none());
}
