//! The generated account decoders against the interface crate the program is built from: an
//! account written by the program's own state code (the interface's `initialize`, `cast_vote`,
//! `tally_votes`, ...) decodes field for field, and `from_bytes` rejects another type or a
//! truncated account. (The Mollusk scenario, `mollusk_tests/tests/ncn_scenario.rs`, decodes the
//! accounts the built program writes with these same decoders.)

use jito_ncn_client::{
    accounts::{BallotBox, Config, EpochState},
    Address, ID,
};
use jito_ncn_interface::{
    constants::{PROTOCOL_FEE_BPS, PROTOCOL_FEE_WALLET},
    state::{
        AccountType, Ballot, BallotBox as BallotBoxView, Config as ConfigView,
        EpochState as EpochStateView, FeeConfig, StakeWeights,
    },
};

fn key(b: u8) -> Address {
    Address::new_from_array([b; 32])
}

/// A zeroed account of `T`'s size (its view's `init` writes the header).
fn account<T: AccountType>() -> Vec<u8> {
    vec![0u8; T::LEN]
}

#[test]
fn config_written_by_the_interface_decodes() {
    let mut data = account::<ConfigView>();
    let fees = FeeConfig::new(&key(3), 250, 4).unwrap();
    ConfigView::init(&mut data)
        .unwrap()
        .initialize(&key(1), &key(2), 4, 1_000, 3, 10, &fees, 251);

    let config = Config::from_bytes(&data).unwrap();
    assert_eq!(Config::LEN, ConfigView::LEN);
    assert_eq!(config.discriminator, 1);
    assert_eq!(config.ncn, key(1));
    assert_eq!(config.tie_breaker_admin, key(2));
    assert_eq!(config.valid_slots_after_consensus, 1_000);
    assert_eq!(config.epochs_before_stall, 3);
    assert_eq!(config.epochs_after_consensus_before_close, 10);
    assert_eq!(config.starting_valid_epoch, 4);
    assert_eq!(config.fee_config.protocol_fee_wallet, PROTOCOL_FEE_WALLET);
    assert_eq!(config.fee_config.ncn_fee_wallet, key(3));
    for fees in [&config.fee_config.fee1, &config.fee_config.fee2] {
        assert_eq!(fees.activation_epoch, 4);
        assert_eq!(fees.protocol_fee_bps, PROTOCOL_FEE_BPS);
        assert_eq!(fees.ncn_fee_bps, 250);
    }
    assert_eq!(config.bump, 251);
    assert_eq!(
        Config::find_pda(&key(1)).0,
        Address::find_program_address(&[b"config", key(1).as_ref()], &ID).0
    );
}

#[test]
fn ballot_box_with_votes_decodes() {
    let mut data = account::<BallotBoxView>();
    let view = BallotBoxView::init(&mut data).unwrap();
    view.initialize(&key(1), 9, 250, 100);
    // Three votes: 300 + 400 on sunny (0), 200 on rainy (2); 700 of 900 reaches 2/3.
    view.cast_vote(&key(10), &Ballot::new(0), &StakeWeights::new(300), 101, 50)
        .unwrap();
    view.cast_vote(&key(11), &Ballot::new(2), &StakeWeights::new(200), 102, 50)
        .unwrap();
    view.cast_vote(&key(12), &Ballot::new(0), &StakeWeights::new(400), 103, 50)
        .unwrap();
    view.tally_votes(900, 103).unwrap();

    let ballot_box = BallotBox::from_bytes(&data).unwrap();
    assert_eq!(ballot_box.discriminator, 0x20);
    assert_eq!(ballot_box.ncn, key(1));
    assert_eq!(ballot_box.epoch, 9);
    assert_eq!(ballot_box.bump, 250);
    assert_eq!(ballot_box.slot_created, 100);
    assert_eq!(ballot_box.slot_consensus_reached, 103);
    assert_eq!(ballot_box.operators_voted, 3);
    assert_eq!(ballot_box.unique_ballots, 2);
    assert_eq!(ballot_box.winning_ballot.weather_status, 0);
    assert!(ballot_box.winning_ballot.is_valid);
    let votes: Vec<_> = ballot_box.operator_votes[..4]
        .iter()
        .map(|v| {
            (
                v.operator,
                v.slot_voted,
                v.stake_weights.stake_weight,
                v.ballot_index,
            )
        })
        .collect();
    assert_eq!(
        votes,
        vec![
            (key(10), 101, 300, 0),
            (key(11), 102, 200, 1),
            (key(12), 103, 400, 0),
            (Address::default(), 0, 0, u16::MAX),
        ]
    );
    let tallies: Vec<_> = ballot_box.ballot_tallies[..3]
        .iter()
        .map(|t| {
            (
                t.index,
                t.ballot.weather_status,
                t.ballot.is_valid,
                t.stake_weights.stake_weight,
                t.tally,
            )
        })
        .collect();
    // An unused vote or tally is the template's default: index u16::MAX, an invalid ballot.
    assert_eq!(
        tallies,
        vec![
            (0, 0, true, 700, 2),
            (1, 2, true, 200, 1),
            (u16::MAX, 0, false, 0, 0),
        ]
    );
}

#[test]
fn epoch_state_flags_decode_as_booleans() {
    let mut data = account::<EpochStateView>();
    let view = EpochStateView::init(&mut data).unwrap();
    view.initialize(&key(1), 12, 249, 5_000);
    view.update_initialize_epoch_snapshot(3);
    view.set_is_closing();
    let (operator_count, snapshot_status, snapshot_total) = (
        view.operator_count(),
        view.account_status.epoch_snapshot,
        view.epoch_snapshot_progress.total(),
    );

    let state = EpochState::from_bytes(&data).unwrap();
    assert_eq!(state.discriminator, 0x50);
    assert_eq!(state.ncn, key(1));
    assert_eq!(state.epoch, 12);
    assert_eq!(state.bump, 249);
    assert_eq!(state.slot_created, 5_000);
    assert!(!state.was_tie_breaker_set);
    assert_eq!(state.slot_consensus_reached, u64::MAX);
    assert_eq!(state.operator_count, 3);
    assert_eq!(operator_count, 3);
    assert_eq!(state.account_status.epoch_state, 1);
    assert_eq!(state.account_status.epoch_snapshot, snapshot_status);
    assert_eq!(state.epoch_snapshot_progress.total, snapshot_total);
    assert_eq!(snapshot_total, 3);
    assert!(state.is_closing);
}

#[test]
fn from_bytes_rejects_another_type_or_a_short_account() {
    let mut data = account::<ConfigView>();
    ConfigView::init(&mut data).unwrap();
    let err = BallotBox::from_bytes(&data).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidData);
    assert_eq!(
        err.to_string(),
        "not a BallotBox account: discriminator 1, a BallotBox has 32"
    );
    let err = Config::from_bytes(&data[..100]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "not a Config account: 100 bytes, a Config has 193"
    );
}
