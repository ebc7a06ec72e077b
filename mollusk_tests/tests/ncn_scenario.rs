//! The NCN lifecycle over several epochs (issue 16), on the built restaking, vault and NCN
//! programs with the real SPL Token and ATA programs. Every instruction is built by the
//! generated clients (`mollusk_tests::scenarios::ncn`); every account the NCN program writes is
//! decoded by `jito-ncn-client` and compared with values computed here from the set-up alone.
//!
//! One NCN, four operators, two vaults over two stake mints weighted 2,000 and 5,000:
//!
//! * epoch E1: weight table, epoch snapshot, operator and delegation snapshots, ballot box;
//!   three votes reach 2/3 of the stake weight, a fourth comes in on the last slot of
//!   `valid_slots_after_consensus` and counts; rewards routed (protocol and NCN fees, each
//!   operator's share by stake weight, each vault's share of it) and distributed to the last
//!   lamport;
//! * epoch E2: the votes split, no consensus; the tie-breaker admin cannot settle it before
//!   `epochs_before_stall` epochs, then settles it; its rewards go to the tie-breaker ballot's
//!   voters only;
//! * epoch E3: consensus, then a vote one slot after `valid_slots_after_consensus` is refused;
//! * E1's accounts are closed once `epochs_after_consensus_before_close` (10) epochs have
//!   passed (not one epoch before), the rent back to the account payer, the epoch marker
//!   created, and the epoch cannot be opened again.
//!
//! `-- --nocapture` prints the CU of each NCN instruction (`CU ncn <name> <units>`, first run).

use jito_ncn_client::{accounts as na, errors::JitoNcnError};
use mollusk_tests::{
    rent_exempt,
    scenarios::ncn::{NcnScenario, NcnSpec, PROTOCOL_FEE_WALLET, START_EPOCH},
    AccountMeta, Instruction, InstructionResult, ProgramError, Pubkey, SYSTEM_PROGRAM_ID,
};

const SUNNY: u8 = 0;
const CLOUDY: u8 = 1;
const RAINY: u8 = 2;
const NO_CONSENSUS: u64 = u64::MAX;
const PROTOCOL_FEE_BPS: u64 = 400;

fn spec() -> NcnSpec {
    NcnSpec {
        operators: 4,
        mint_weights: vec![2_000, 5_000],
        vault_mints: vec![0, 1],
        delegations: vec![
            vec![100_000, 200_000, 300_000, 20_000],
            vec![50_000, 40_000, 10_000, 30_000],
        ],
        operator_fee_bps: vec![100, 250, 0, 500],
        ncn_fee_bps: 300,
        epochs_before_stall: 3,
        epochs_after_consensus_before_close: 10,
        valid_slots_after_consensus: 1_000,
    }
}

/// Stake weight of operator `o`'s delegation from vault `v`: staked amount × mint weight.
fn delegation_weight(s: &NcnSpec, o: usize, v: usize) -> u128 {
    s.delegations[v][o] as u128 * s.mint_weights[s.vault_mints[v]]
}

fn operator_weight(s: &NcnSpec, o: usize) -> u128 {
    (0..s.vault_mints.len())
        .map(|v| delegation_weight(s, o, v))
        .sum()
}

fn total_weight(s: &NcnSpec) -> u128 {
    (0..s.operators).map(|o| operator_weight(s, o)).sum()
}

/// 2/3 of the stake weight (the numbers below stay clear of the boundary).
fn two_thirds(weight: u128, total: u128) -> bool {
    weight * 3 >= total * 2
}

fn decode<T>(w: &NcnScenario, key: &Pubkey, f: fn(&[u8]) -> Result<T, std::io::Error>) -> T {
    f(&w.get(key).data).unwrap_or_else(|e| panic!("decoding {key}: {e}"))
}

#[track_caller]
fn assert_ncn_error(result: &InstructionResult, error: JitoNcnError) {
    let name = format!("{error:?}");
    assert_eq!(
        result.program_result,
        mollusk_svm::result::ProgramResult::Failure(ProgramError::Custom(error as u32)),
        "expected {name}"
    );
}

/// A system transfer (the rewards sent to the NCN reward receiver).
fn transfer(from: &Pubkey, to: &Pubkey, lamports: u64) -> Instruction {
    let mut data = vec![2, 0, 0, 0];
    data.extend_from_slice(&lamports.to_le_bytes());
    Instruction {
        program_id: SYSTEM_PROGRAM_ID,
        accounts: vec![AccountMeta::new(*from, true), AccountMeta::new(*to, false)],
        data,
    }
}

/// Checks everything the epoch's preparation wrote: weight table, epoch snapshot, operator
/// snapshots, ballot box, epoch state.
fn check_prepared(w: &NcnScenario, epoch: u64) {
    let s = &w.spec;
    let slot = w.slot();
    let table = decode(
        w,
        &w.weight_table_address(epoch),
        na::WeightTable::from_bytes,
    );
    assert_eq!(
        (table.ncn, table.epoch, table.vault_count),
        (w.ncn, epoch, 2)
    );
    for (m, mint) in w.mints.iter().enumerate() {
        let entry = &table.table[m];
        assert_eq!(entry.st_mint_entry.st_mint, mint.mint);
        assert_eq!(entry.st_mint_entry.weight, s.mint_weights[m]);
        assert_eq!((entry.weight, entry.slot_set), (s.mint_weights[m], slot));
    }
    assert_eq!(table.table[2].st_mint_entry.st_mint, Pubkey::default());
    for (v, vault) in w.vaults.iter().enumerate() {
        let entry = &table.vault_registry[v];
        assert_eq!(
            (entry.vault, entry.st_mint, entry.vault_index),
            (vault.address, w.mints[vault.mint].mint, vault.index)
        );
    }

    let snapshot = decode(
        w,
        &w.epoch_snapshot_address(epoch),
        na::EpochSnapshot::from_bytes,
    );
    assert_eq!((snapshot.ncn, snapshot.epoch), (w.ncn, epoch));
    assert_eq!((snapshot.operator_count, snapshot.vault_count), (4, 2));
    assert_eq!(snapshot.operators_registered, 4);
    assert_eq!(snapshot.valid_operator_vault_delegations, 8);
    assert_eq!(snapshot.slot_finalized, slot);
    assert_eq!(snapshot.stake_weights.stake_weight, total_weight(s));
    assert_eq!(
        (
            snapshot.fees.activation_epoch,
            snapshot.fees.protocol_fee_bps as u64,
            snapshot.fees.ncn_fee_bps
        ),
        (START_EPOCH + 2, PROTOCOL_FEE_BPS, s.ncn_fee_bps),
        "the fees set when the config was created"
    );

    for (o, op) in w.operators.iter().enumerate() {
        let os = decode(
            w,
            &w.operator_snapshot_address(o, epoch),
            na::OperatorSnapshot::from_bytes,
        );
        assert_eq!(
            (os.operator, os.ncn, os.ncn_epoch),
            (op.address, w.ncn, epoch)
        );
        assert!(os.is_active);
        assert_eq!(
            (os.ncn_operator_index, os.operator_index),
            (o as u64, o as u64)
        );
        assert_eq!(os.operator_fee_bps, s.operator_fee_bps[o]);
        assert_eq!(os.vault_operator_delegation_count, 2);
        assert_eq!(os.vault_operator_delegations_registered, 2);
        assert_eq!(os.valid_operator_vault_delegations, 2);
        assert_eq!(os.slot_finalized, slot);
        assert_eq!(os.stake_weights.stake_weight, operator_weight(s, o));
        for (v, vault) in w.vaults.iter().enumerate() {
            let entry = &os.vault_operator_stake_weight[v];
            assert_eq!(
                (entry.vault, entry.vault_index),
                (vault.address, vault.index)
            );
            assert_eq!(entry.stake_weight.stake_weight, delegation_weight(s, o, v));
        }
        assert_eq!(os.vault_operator_stake_weight[2].vault, Pubkey::default());
    }

    let ballot_box = decode(w, &w.ballot_box_address(epoch), na::BallotBox::from_bytes);
    assert_eq!(
        (ballot_box.ncn, ballot_box.epoch, ballot_box.slot_created),
        (w.ncn, epoch, slot)
    );
    assert_eq!(ballot_box.slot_consensus_reached, NO_CONSENSUS);
    assert_eq!(
        (ballot_box.operators_voted, ballot_box.unique_ballots),
        (0, 0)
    );
    assert!(!ballot_box.winning_ballot.is_valid);

    let state = decode(w, &w.epoch_state_address(epoch), na::EpochState::from_bytes);
    assert_eq!((state.ncn, state.epoch), (w.ncn, epoch));
    assert_eq!((state.operator_count, state.vault_count), (4, 2));
    let status = &state.account_status;
    assert_eq!(
        (
            status.epoch_state,
            status.weight_table,
            status.epoch_snapshot,
            status.ballot_box
        ),
        (1, 1, 1, 1),
        "Created"
    );
    assert_eq!(status.operator_snapshot[..5], [1, 1, 1, 1, 0]);
    assert_eq!(
        (
            state.set_weight_progress.tally,
            state.set_weight_progress.total
        ),
        (2, 2)
    );
    assert_eq!(
        (
            state.epoch_snapshot_progress.tally,
            state.epoch_snapshot_progress.total
        ),
        (4, 4)
    );
    for p in &state.operator_snapshot_progress[..4] {
        assert_eq!((p.tally, p.total), (2, 2));
    }
    assert_eq!(
        (state.voting_progress.tally, state.voting_progress.total),
        (0, 4)
    );
    assert_eq!(state.slot_consensus_reached, NO_CONSENSUS);
}

/// Casts `votes[from..]` (`(operator, weather)`; `votes[..from]` were cast before) and checks
/// the ballot box and the epoch state after each against all the votes so far.
fn vote_and_check(w: &mut NcnScenario, epoch: u64, votes: &[(usize, u8)], from: usize) {
    let total = total_weight(&w.spec);
    for (n, &(o, weather)) in votes.iter().enumerate().skip(from) {
        let before = decode(w, &w.ballot_box_address(epoch), na::BallotBox::from_bytes);
        w.cast_vote(o, weather, epoch);
        let after = decode(w, &w.ballot_box_address(epoch), na::BallotBox::from_bytes);
        let vote = &after.operator_votes[n];
        assert_eq!(
            (vote.operator, vote.slot_voted),
            (w.operators[o].address, w.slot())
        );
        assert_eq!(vote.stake_weights.stake_weight, operator_weight(&w.spec, o));
        assert_eq!(after.operators_voted, n as u64 + 1);
        let tally_of = |weather: u8| -> (u128, u64) {
            votes[..=n]
                .iter()
                .filter(|(_, b)| *b == weather)
                .fold((0, 0), |(weight, count), (o, _)| {
                    (weight + operator_weight(&w.spec, *o), count + 1)
                })
        };
        // Tallies appear in first-vote order of their ballot.
        let mut order: Vec<u8> = Vec::new();
        for (_, b) in &votes[..=n] {
            if !order.contains(b) {
                order.push(*b);
            }
        }
        assert_eq!(after.unique_ballots, order.len() as u64);
        for (i, b) in order.iter().enumerate() {
            let tally = &after.ballot_tallies[i];
            assert_eq!((tally.index, tally.ballot.weather_status), (i as u16, *b));
            assert_eq!(
                (tally.stake_weights.stake_weight, tally.tally),
                tally_of(*b)
            );
        }
        assert_eq!(
            vote.ballot_index as usize,
            order.iter().position(|b| *b == weather).unwrap()
        );
        // Consensus when a tally first holds 2/3.
        let reached_now = order.iter().any(|b| two_thirds(tally_of(*b).0, total));
        if before.slot_consensus_reached == NO_CONSENSUS {
            let expected = if reached_now { w.slot() } else { NO_CONSENSUS };
            assert_eq!(after.slot_consensus_reached, expected, "vote {n}");
        } else {
            assert_eq!(after.slot_consensus_reached, before.slot_consensus_reached);
        }
        let state = decode(w, &w.epoch_state_address(epoch), na::EpochState::from_bytes);
        assert_eq!(state.slot_consensus_reached, after.slot_consensus_reached);
        assert_eq!(state.voting_progress.tally, n as u64 + 1);
    }
}

/// Sends `rewards` lamports to the NCN reward receiver of `epoch` (its router created), routes and distributes them
/// all, checking every amount: the protocol and NCN fees, each winning voter's share
/// (`winners`: operator indices in vote order, `winning_weight` their tally), each operator's
/// fee and each vault's share, to the lamport.
fn route_and_distribute(
    w: &mut NcnScenario,
    epoch: u64,
    rewards: u64,
    winners: &[usize],
    winning_weight: u128,
) {
    let s = w.spec.clone();
    let receiver_rent = rent_exempt(0);
    let receiver = w.ncn_reward_receiver_address(epoch);
    assert_eq!(w.lamports(&receiver), receiver_rent, "funded with its rent");
    let payer = w.payer;
    w.exec("system Transfer", &transfer(&payer, &receiver, rewards));
    let ix = w.route_ncn_rewards_ix(256, epoch);
    w.exec("RouteNCNRewards", &ix);

    let protocol = rewards * PROTOCOL_FEE_BPS / 10_000;
    let ncn_fee = rewards * s.ncn_fee_bps as u64 / 10_000;
    let operator_vault = rewards - protocol - ncn_fee;
    let shares: Vec<u64> = winners
        .iter()
        .map(|&o| (operator_vault as u128 * operator_weight(&s, o) / winning_weight) as u64)
        .collect();
    let leftover = operator_vault - shares.iter().sum::<u64>();
    let router = decode(
        w,
        &w.ncn_reward_router_address(epoch),
        na::NcnRewardRouter::from_bytes,
    );
    assert_eq!(
        (
            router.total_rewards,
            router.reward_pool,
            router.rewards_processed
        ),
        (rewards, 0, rewards)
    );
    assert_eq!(router.protocol_rewards, protocol);
    assert_eq!(
        router.ncn_rewards,
        ncn_fee + leftover,
        "rounding leftovers go to the NCN"
    );
    assert_eq!(router.operator_vault_rewards, 0);
    for (i, &o) in winners.iter().enumerate() {
        let route = &router.operator_vault_reward_routes[i];
        assert_eq!(
            (route.operator, route.rewards),
            (w.operators[o].address, shares[i])
        );
    }
    assert_eq!(
        router.operator_vault_reward_routes[winners.len()].operator,
        Pubkey::default()
    );

    let protocol_before = w.lamports(&PROTOCOL_FEE_WALLET);
    let ncn_wallet_before = w.lamports(&w.ncn_fee_wallet);
    let ix = w.distribute_protocol_rewards_ix(epoch);
    w.exec("DistributeProtocolRewards", &ix);
    let ix = w.distribute_ncn_rewards_ix(epoch);
    w.exec("DistributeNCNRewards", &ix);
    assert_eq!(w.lamports(&PROTOCOL_FEE_WALLET), protocol_before + protocol);
    assert_eq!(
        w.lamports(&w.ncn_fee_wallet),
        ncn_wallet_before + ncn_fee + leftover
    );

    for o in 0..s.operators {
        let ix = w.ix_initialize_operator_vault_reward_router(o, epoch);
        w.exec("InitializeOperatorVaultRewardRouter", &ix);
    }
    for (i, &o) in winners.iter().enumerate() {
        let share = shares[i];
        let op_receiver = w.operator_vault_reward_receiver_address(o, epoch);
        let ix = w.ix_distribute_operator_vault_reward_route(o, epoch);
        w.exec("DistributeOperatorVaultRewardRoute", &ix);
        assert_eq!(w.lamports(&op_receiver), receiver_rent + share);
        let ix = w.ix_route_operator_vault_rewards(o, u16::MAX, epoch);
        w.exec("RouteOperatorVaultRewards", &ix);

        let fee = share * s.operator_fee_bps[o] as u64 / 10_000;
        let pool = share - fee;
        let vault_shares: Vec<u64> = (0..2)
            .map(|v| (pool as u128 * delegation_weight(&s, o, v) / operator_weight(&s, o)) as u64)
            .collect();
        let operator_total = fee + pool - vault_shares.iter().sum::<u64>();
        let router = decode(
            w,
            &w.operator_vault_reward_router_address(o, epoch),
            na::OperatorVaultRewardRouter::from_bytes,
        );
        assert_eq!(
            (router.operator, router.ncn, router.epoch),
            (w.operators[o].address, w.ncn, epoch)
        );
        assert_eq!(
            (
                router.total_rewards,
                router.reward_pool,
                router.rewards_processed
            ),
            (share, 0, share)
        );
        assert_eq!(router.operator_rewards, operator_total);
        for v in 0..2 {
            let route = &router.vault_reward_routes[v];
            assert_eq!(
                (route.vault, route.rewards),
                (w.vaults[v].address, vault_shares[v])
            );
        }

        let operator_before = w.lamports(&w.operators[o].address);
        let ix = w.ix_distribute_operator_rewards(o, epoch);
        w.exec("DistributeOperatorRewards", &ix);
        assert_eq!(
            w.lamports(&w.operators[o].address),
            operator_before + operator_total
        );
        for (v, &vault_share) in vault_shares.iter().enumerate() {
            let vault = w.vaults[v].address;
            let before = w.lamports(&vault);
            let ix = w.ix_distribute_vault_rewards(o, v, epoch);
            w.exec("DistributeVaultRewards", &ix);
            assert_eq!(w.lamports(&vault), before + vault_share);
        }
        assert_eq!(
            w.lamports(&op_receiver),
            receiver_rent,
            "everything paid out"
        );
    }
    assert_eq!(w.lamports(&receiver), receiver_rent, "everything paid out");
    let router = decode(
        w,
        &w.ncn_reward_router_address(epoch),
        na::NcnRewardRouter::from_bytes,
    );
    assert_eq!(
        (
            router.rewards_processed,
            router.protocol_rewards,
            router.ncn_rewards
        ),
        (0, 0, 0)
    );
}

#[test]
fn multi_epoch_lifecycle() {
    let mut w = NcnScenario::new(spec());
    let s = w.spec.clone();
    let total = total_weight(&s);
    // The numbers: 450M, 600M, 650M and 190M of 1,890M.
    assert_eq!(
        (0..4).map(|o| operator_weight(&s, o)).collect::<Vec<_>>(),
        vec![450_000_000, 600_000_000, 650_000_000, 190_000_000]
    );

    // ---------------------------------------------------------------- E1: consensus
    let e1 = w.epoch();
    assert_eq!(e1, START_EPOCH + 4);
    w.prepare_epoch(e1);
    check_prepared(&w, e1);
    // 650M, 1,250M (below 2/3 = 1,260M), then 1,700M: consensus at the third vote.
    vote_and_check(&mut w, e1, &[(2, SUNNY), (1, SUNNY)], 0);
    assert!(!two_thirds(
        operator_weight(&s, 1) + operator_weight(&s, 2),
        total
    ));
    w.warp(w.slot() + 10);
    vote_and_check(&mut w, e1, &[(2, SUNNY), (1, SUNNY), (0, SUNNY)], 2);
    let consensus_slot = w.slot();
    let result = decode(
        &w,
        &w.consensus_result_address(e1),
        na::ConsensusResult::from_bytes,
    );
    assert_eq!(
        (result.ncn, result.epoch, result.weather_status),
        (w.ncn, e1, SUNNY)
    );
    assert_eq!(result.vote_weight as u128, total - operator_weight(&s, 3));
    assert_eq!(
        (result.total_vote_weight as u128, result.consensus_slot),
        (total, consensus_slot)
    );
    // A vote twice is refused.
    let again = w.try_exec(&w.ix_cast_vote(1, SUNNY, e1));
    assert_ncn_error(&again, JitoNcnError::OperatorAlreadyVoted);
    // The late vote on the last valid slot counts.
    w.warp(consensus_slot + s.valid_slots_after_consensus);
    vote_and_check(
        &mut w,
        e1,
        &[(2, SUNNY), (1, SUNNY), (0, SUNNY), (3, SUNNY)],
        3,
    );
    let result = decode(
        &w,
        &w.consensus_result_address(e1),
        na::ConsensusResult::from_bytes,
    );
    assert_eq!(
        (result.vote_weight as u128, result.consensus_slot),
        (total, consensus_slot)
    );
    let ballot_box = decode(&w, &w.ballot_box_address(e1), na::BallotBox::from_bytes);
    assert_eq!(
        (
            ballot_box.winning_ballot.weather_status,
            ballot_box.winning_ballot.is_valid
        ),
        (SUNNY, true)
    );
    // Rewards are routed once voting is over: not on the window's last slot, the slot after.
    w.ncn_reward_router(e1);
    let early = w.try_exec(&w.route_ncn_rewards_ix(256, e1));
    assert_ncn_error(&early, JitoNcnError::VotingIsNotOver);
    w.warp(w.slot() + 1);
    route_and_distribute(&mut w, e1, 1_000_000_000, &[2, 1, 0, 3], total);

    // ---------------------------------------------------------------- E2: a stall
    w.advance_to_epoch(e1 + 1);
    let e2 = w.epoch();
    // E1 cannot be closed yet: one epoch after its consensus.
    let close = w.try_exec(&w.close_epoch_account_ix(&w.weight_table_address(e1), None, e1));
    assert_ncn_error(&close, JitoNcnError::CannotCloseAccountNotEnoughEpochs);
    w.prepare_epoch(e2);
    check_prepared(&w, e2);
    // Sunny 640M, Cloudy 600M, Rainy 650M: no ballot reaches 2/3.
    vote_and_check(
        &mut w,
        e2,
        &[(0, SUNNY), (1, CLOUDY), (2, RAINY), (3, SUNNY)],
        0,
    );
    let early = w.try_exec(&w.admin_set_tie_breaker_ix(SUNNY, e2));
    assert_ncn_error(&early, JitoNcnError::VotingNotFinalized);

    // ---------------------------------------------------------------- E3: a vote too late
    w.advance_to_epoch(e1 + 2);
    let e3 = w.epoch();
    w.prepare_epoch(e3);
    check_prepared(&w, e3);
    vote_and_check(&mut w, e3, &[(2, RAINY), (0, RAINY), (1, RAINY)], 0);
    let consensus_slot = w.slot();
    w.warp(consensus_slot + s.valid_slots_after_consensus + 1);
    let late = w.try_exec(&w.ix_cast_vote(3, RAINY, e3));
    assert_ncn_error(&late, JitoNcnError::VotingNotValid);
    let ballot_box = decode(&w, &w.ballot_box_address(e3), na::BallotBox::from_bytes);
    assert_eq!(
        (
            ballot_box.operators_voted,
            ballot_box.ballot_tallies[0].tally
        ),
        (3, 3)
    );
    assert_eq!(ballot_box.winning_ballot.weather_status, RAINY);

    // ---------------------------------------------------------------- E2: the tie-breaker
    w.advance_to_epoch(e2 + s.epochs_before_stall);
    let not_voted = w.try_exec(&w.admin_set_tie_breaker_ix(CLOUDY + 10, e2));
    assert_ncn_error(&not_voted, JitoNcnError::BadBallot);
    let ix = w.admin_set_tie_breaker_ix(SUNNY, e2);
    w.exec("AdminSetTieBreaker", &ix);
    let ballot_box = decode(&w, &w.ballot_box_address(e2), na::BallotBox::from_bytes);
    assert_eq!(
        (
            ballot_box.winning_ballot.weather_status,
            ballot_box.winning_ballot.is_valid
        ),
        (SUNNY, true)
    );
    assert_eq!(
        ballot_box.slot_consensus_reached, NO_CONSENSUS,
        "no vote reached consensus"
    );
    let state = decode(&w, &w.epoch_state_address(e2), na::EpochState::from_bytes);
    assert!(state.was_tie_breaker_set);
    assert_eq!(state.slot_consensus_reached, w.slot());
    let sunny = operator_weight(&s, 0) + operator_weight(&s, 3);
    w.ncn_reward_router(e2);
    route_and_distribute(&mut w, e2, 500_000_007, &[0, 3], sunny);

    // ---------------------------------------------------------------- close E1
    // Not one epoch before `epochs_after_consensus_before_close` epochs after E1's consensus.
    w.advance_to_epoch(e1 + s.epochs_after_consensus_before_close - 1);
    let close = w.try_exec(&w.close_epoch_account_ix(&w.weight_table_address(e1), None, e1));
    assert_ncn_error(&close, JitoNcnError::CannotCloseAccountNotEnoughEpochs);
    w.advance_to_epoch(e1 + s.epochs_after_consensus_before_close);
    // The epoch state goes last: not while others are open.
    let state = w.epoch_state_address(e1);
    let early = w.try_exec(&w.close_epoch_account_ix(&state, None, e1));
    assert_ncn_error(&early, JitoNcnError::CannotCloseEpochStateAccount);
    let payer_before = w.lamports(&w.account_payer);
    let wallet_before = w.lamports(&w.ncn_fee_wallet);
    let mut to_close: Vec<(Pubkey, Option<Pubkey>)> = vec![
        (w.weight_table_address(e1), None),
        (w.epoch_snapshot_address(e1), None),
        (w.ballot_box_address(e1), None),
        (
            w.ncn_reward_router_address(e1),
            Some(w.ncn_reward_receiver_address(e1)),
        ),
    ];
    for o in 0..4 {
        to_close.push((w.operator_snapshot_address(o, e1), None));
        to_close.push((
            w.operator_vault_reward_router_address(o, e1),
            Some(w.operator_vault_reward_receiver_address(o, e1)),
        ));
    }
    to_close.push((state, None));
    let mut reclaimed = 0;
    for (account, receiver) in &to_close {
        reclaimed += w.lamports(account) + receiver.map_or(0, |r| w.lamports(&r));
        let ix = w.close_epoch_account_ix(account, *receiver, e1);
        w.exec("CloseEpochAccount", &ix);
        assert_eq!(w.lamports(account), 0, "{account} closed");
        if let Some(r) = receiver {
            assert_eq!(w.lamports(r), 0, "receiver emptied");
        }
    }
    let marker = decode(&w, &w.epoch_marker_address(e1), na::EpochMarker::from_bytes);
    assert_eq!(
        (marker.ncn, marker.epoch, marker.slot_closed),
        (w.ncn, e1, w.slot())
    );
    let marker_rent = rent_exempt(na::EpochMarker::LEN);
    assert_eq!(w.lamports(&w.epoch_marker_address(e1)), marker_rent);
    assert_eq!(
        w.lamports(&w.account_payer),
        payer_before + reclaimed - marker_rent,
        "every closed account's rent back to the payer, less the marker's"
    );
    assert_eq!(
        w.lamports(&w.ncn_fee_wallet),
        wallet_before,
        "the receivers held only their rent"
    );
    assert!(
        w.exists(&w.consensus_result_address(e1)),
        "the consensus result stays"
    );
    let reopen = w.try_exec(&w.initialize_epoch_state_ix(e1));
    assert_ncn_error(&reopen, JitoNcnError::MarkerExists);

    // CU of each NCN instruction (first run), with -- --nocapture.
    let mut seen = std::collections::BTreeSet::new();
    for (name, cu) in &w.cu {
        if !name.contains(' ') && seen.insert(*name) {
            println!("CU ncn {name} {cu}");
        }
    }
    assert!(w.cu.iter().any(|(name, _)| *name == "CastVote"));
}
