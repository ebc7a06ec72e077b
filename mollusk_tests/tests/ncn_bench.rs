//! The NCN program's compute benchmark (the `ncn` rows of `compute_reports/`): all 31
//! instructions run successfully, in order, through a whole epoch of one NCN — config, vault
//! registry, stake mints and vaults, epoch state, weight table, epoch and operator snapshots,
//! every vault → operator delegation, ballot box, votes to consensus, a stalled epoch settled
//! by the tie-breaker, reward routing and distribution, and every epoch account closed —,
//! each recorded with [`record_cu`] (`scripts/compute-report.sh` runs this target with
//! `compute_bench`).
//!
//! Reproducible to the unit: every key comes from a fixed label (`scenarios::ncn::bench_key`),
//! every slot is fixed, and each test builds its own World (`scenarios::ncn::NcnBench`). The NCN program's instructions run for real
//! (built by the generated client) and carry their state forward; the restaking and vault
//! accounts they read (restaking config, NCN, operators, NCN ↔ operator states, tickets,
//! vaults, delegations) are written from their interface crates' types, active since an
//! earlier epoch, as the restaking and vault programs leave them.
//!
//! * [`epoch_16_operators_2_vaults`]: the instruction rows, and the epoch's total
//!   (`Epoch/16-operators-2-vaults`: epoch state, weight table, epoch snapshot, every operator
//!   and delegation snapshot, ballot box, every vote; the target is 150,000 CU). Every
//!   vote must stay within 2,000 CU (asserted at 1, 16 and 64 operators).
//! * [`epoch_1_operator`], [`epoch_64_operators`]: the snapshot and vote rows at 1 and 64
//!   operators (2 vaults), and their epoch totals.

use std::collections::BTreeMap;

use jito_ncn_client::types::ConfigAdminRole;
use mollusk_tests::{
    cpi_compute_units, record_cu,
    scenarios::ncn::{
        BenchOperator, NcnBench, BENCH_EPOCH as EPOCH, BENCH_SLOT as SLOT, EPOCH_LENGTH,
        PROTOCOL_FEE_WALLET,
    },
    world::{ncn::NcnKeys, World},
    Account, Instruction, InstructionResult, Pubkey,
};

/// `InitializeConfig` arguments.
const EPOCHS_BEFORE_STALL: u64 = 3;
const EPOCHS_AFTER_CONSENSUS_BEFORE_CLOSE: u64 = 10;
const VALID_SLOTS_AFTER_CONSENSUS: u64 = 10_000;
const NCN_FEE_BPS: u16 = 300;
/// Weights of the stake mints (vault `j` holds mint `j % 2`).
const WEIGHTS: [u128; 2] = [1_000_000_000_000, 400_000_000_000];
/// Lamports that arrive in the NCN reward receiver to route.
const REWARDS: u64 = 10_000_000_000;
/// Realloc targets: the full sizes of the growing accounts.
const REGISTRY_LEN: usize = 10_281;
const WEIGHT_TABLE_LEN: usize = 12_353;
const BALLOT_BOX_LEN: usize = 22_099;
const NCN_ROUTER_LEN: usize = 10_483;

/// The records of one run: `(name, result)` in order.
struct Run {
    records: Vec<(String, InstructionResult)>,
}

impl Run {
    #[track_caller]
    fn exec(&mut self, world: &mut World, name: &str, ix: &Instruction) {
        let result = world.exec(ix);
        self.records.push((name.to_string(), result));
    }

    fn of<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a InstructionResult> + 'a {
        self.records
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, r)| r)
    }
}

/// Reallocs `account` with `ix` until it has `len` bytes.
fn realloc_until(
    run: &mut Run,
    world: &mut World,
    name: &str,
    ix: &Instruction,
    account: &Pubkey,
    len: usize,
) {
    for _ in 0..4 {
        run.exec(world, name, ix);
        if world.data(account).len() == len {
            return;
        }
    }
    panic!("{name} did not reach {len} bytes");
}

/// The instructions of the epoch benchmark's total.
const EPOCH_TOTAL: [&str; 10] = [
    "InitializeEpochState",
    "InitializeWeightTable",
    "ReallocWeightTable",
    "SetEpochWeights",
    "InitializeEpochSnapshot",
    "InitializeOperatorSnapshot",
    "SnapshotVaultOperatorDelegation",
    "InitializeBallotBox",
    "ReallocBallotBox",
    "CastVote",
];

/// Sets up the NCN program for `b` and runs the epoch up to the end of voting. Returns the
/// run and the world (and its accounts before the votes, for the tie-breaker: `fork`).
fn epoch(b: &NcnBench) -> (Run, World, BTreeMap<Pubkey, Account>) {
    let mut world = b.world();
    let mut run = Run {
        records: Vec::new(),
    };
    let k = &b.keys;
    // The NCN admin holds the tie-breaker role too until `AdminSetNewAdmin` hands it over.
    let at_creation = NcnKeys {
        tie_breaker_admin: k.ncn_admin,
        ..*k
    };
    let params = (
        EPOCHS_BEFORE_STALL,
        EPOCHS_AFTER_CONSENSUS_BEFORE_CLOSE,
        VALID_SLOTS_AFTER_CONSENSUS,
    );
    let w = &mut world;

    // Config and vault registry.
    let ix = at_creation.initialize_config_ix(params, NCN_FEE_BPS);
    run.exec(w, "InitializeConfig", &ix);
    let ix = k.admin_set_new_admin_ix(ConfigAdminRole::TieBreakerAdmin, &k.tie_breaker_admin);
    run.exec(w, "AdminSetNewAdmin", &ix);
    let ix =
        k.admin_set_parameters_ix((Some(EPOCH), Some(params.0), Some(params.1), Some(params.2)));
    run.exec(w, "AdminSetParameters", &ix);
    run.exec(
        w,
        "InitializeVaultRegistry",
        &k.initialize_vault_registry_ix(),
    );
    let ix = k.realloc_vault_registry_ix();
    realloc_until(
        &mut run,
        w,
        "ReallocVaultRegistry",
        &ix,
        &k.vault_registry,
        REGISTRY_LEN,
    );
    for (mint, weight) in b.mints.iter().zip(WEIGHTS) {
        let ix = k.admin_register_st_mint_ix(mint, Some(weight / 2));
        run.exec(w, "AdminRegisterStMint", &ix);
        run.exec(
            w,
            "AdminSetStMint",
            &k.admin_set_st_mint_ix(mint, Some(weight)),
        );
    }
    for v in &b.vaults {
        run.exec(w, "RegisterVault", &k.register_vault_ix(&v.address));
    }

    // Epoch state and weight table.
    run.exec(
        w,
        "InitializeEpochState",
        &k.initialize_epoch_state_ix(EPOCH),
    );
    run.exec(
        w,
        "InitializeWeightTable",
        &k.initialize_weight_table_ix(EPOCH),
    );
    let (ix, table) = (
        k.realloc_weight_table_ix(EPOCH),
        k.weight_table_address(EPOCH),
    );
    realloc_until(
        &mut run,
        w,
        "ReallocWeightTable",
        &ix,
        &table,
        WEIGHT_TABLE_LEN,
    );
    // One weight set by hand first (the weight table admin), the other copied.
    let ix = k.admin_set_weight_ix(&b.mints[0], WEIGHTS[0], EPOCH);
    run.exec(w, "AdminSetWeight", &ix);
    run.exec(w, "SetEpochWeights", &k.set_epoch_weights_ix(EPOCH));

    // Snapshots.
    run.exec(
        w,
        "InitializeEpochSnapshot",
        &k.initialize_epoch_snapshot_ix(EPOCH),
    );
    for o in &b.operators {
        let ix = k.initialize_operator_snapshot_ix(&o.address, EPOCH);
        run.exec(w, "InitializeOperatorSnapshot", &ix);
        for v in &b.vaults {
            let ix = k.snapshot_vault_operator_delegation_ix(&o.address, &v.address, EPOCH);
            run.exec(w, "SnapshotVaultOperatorDelegation", &ix);
        }
    }

    // Ballot box.
    run.exec(w, "InitializeBallotBox", &k.initialize_ballot_box_ix(EPOCH));
    let (ix, bb) = (k.realloc_ballot_box_ix(EPOCH), k.ballot_box_address(EPOCH));
    realloc_until(&mut run, w, "ReallocBallotBox", &ix, &bb, BALLOT_BOX_LEN);
    let before_votes = w.accounts.clone();

    // Every operator votes the same weather (consensus at 2/3 of the stake weight; the
    // later votes count inside `valid_slots_after_consensus`).
    for o in &b.operators {
        run.exec(w, "CastVote", &cast_vote(b, o, 1));
    }
    (run, world, before_votes)
}

fn cast_vote(b: &NcnBench, o: &BenchOperator, weather: u8) -> Instruction {
    b.keys.cast_vote_ix(&o.address, &o.admin, weather, EPOCH)
}

/// Consensus slot of the ballot box (offset 57 of the template's layout).
fn consensus_slot(world: &World, b: &NcnBench) -> u64 {
    let ballot_box = world.data(&b.keys.ballot_box_address(EPOCH));
    u64::from_le_bytes(ballot_box[57..65].try_into().unwrap())
}

/// Routes and distributes the rewards of a finished vote, then closes every epoch account.
fn rewards_and_close(run: &mut Run, w: &mut World, b: &NcnBench) {
    let k = &b.keys;
    let (router, receiver) = (
        k.ncn_reward_router_address(EPOCH),
        k.ncn_reward_receiver_address(EPOCH),
    );
    run.exec(
        w,
        "InitializeNCNRewardRouter",
        &k.initialize_ncn_reward_router_ix(EPOCH),
    );
    let ix = k.realloc_ncn_reward_router_ix(EPOCH);
    realloc_until(
        run,
        w,
        "ReallocNCNRewardRouter",
        &ix,
        &router,
        NCN_ROUTER_LEN,
    );
    for o in &b.operators {
        let ix = k.initialize_operator_vault_reward_router_ix(&o.address, EPOCH);
        run.exec(w, "InitializeOperatorVaultRewardRouter", &ix);
    }
    // Voting is over after `valid_slots_after_consensus`; the rewards arrive.
    let over = consensus_slot(w, b) + VALID_SLOTS_AFTER_CONSENSUS + 1;
    w.warp(over);
    let mut funded = w.account(&receiver);
    funded.lamports += REWARDS;
    w.set(receiver, funded);
    run.exec(
        w,
        "RouteNCNRewards",
        &k.route_ncn_rewards_ix(u16::MAX, EPOCH),
    );
    let ix = k.distribute_protocol_rewards_ix(EPOCH);
    run.exec(w, "DistributeProtocolRewards", &ix);
    run.exec(
        w,
        "DistributeNCNRewards",
        &k.distribute_ncn_rewards_ix(EPOCH),
    );
    for o in &b.operators {
        let op = &o.address;
        let ix = k.distribute_operator_vault_reward_route_ix(op, EPOCH);
        run.exec(w, "DistributeOperatorVaultRewardRoute", &ix);
        let ix = k.route_operator_vault_rewards_ix(op, u16::MAX, EPOCH);
        run.exec(w, "RouteOperatorVaultRewards", &ix);
        let ix = k.distribute_operator_rewards_ix(op, EPOCH);
        run.exec(w, "DistributeOperatorRewards", &ix);
        for v in &b.vaults {
            let ix = k.distribute_vault_rewards_ix(op, &v.address, EPOCH);
            run.exec(w, "DistributeVaultRewards", &ix);
        }
    }
    let paid: u64 = [PROTOCOL_FEE_WALLET, k.ncn_fee_wallet]
        .iter()
        .map(|key| w.get(key).lamports)
        .sum();
    assert!(paid > 0, "the fee wallets were paid");

    // Close every epoch account, the epoch state last.
    w.warp((EPOCH + EPOCHS_AFTER_CONSENSUS_BEFORE_CLOSE + 1) * EPOCH_LENGTH + 3);
    let close = |account: Pubkey, receiver: Option<Pubkey>| {
        k.close_epoch_account_ix(&account, receiver, EPOCH)
    };
    let mut to_close = vec![
        close(k.weight_table_address(EPOCH), None),
        close(k.epoch_snapshot_address(EPOCH), None),
        close(k.ballot_box_address(EPOCH), None),
        close(router, Some(receiver)),
    ];
    for o in &b.operators {
        to_close.push(close(k.operator_snapshot_of(&o.address, EPOCH), None));
        to_close.push(close(
            k.operator_router_of(&o.address, EPOCH),
            Some(k.operator_receiver_of(&o.address, EPOCH)),
        ));
    }
    to_close.push(close(k.epoch_state_address(EPOCH), None));
    for ix in &to_close {
        run.exec(w, "CloseEpochAccount", ix);
        let closed = w.get(&ix.accounts[4].pubkey);
        assert_eq!((closed.lamports, closed.data.len()), (0, 0), "closed");
    }
    assert_eq!(
        w.data(&k.epoch_marker_address(EPOCH))[0],
        0x51,
        "the epoch marker stays"
    );
}

/// Records the snapshot and vote rows of a run at `n` operators and the epoch's total; returns
/// the total.
fn record_scaling(run: &Run, n: usize, vaults: usize) -> u64 {
    let tag = format!("{n}-operator{}", if n == 1 { "" } else { "s" });
    for name in [
        "InitializeOperatorSnapshot",
        "SnapshotVaultOperatorDelegation",
        "CastVote",
    ] {
        for result in run.of(name) {
            record_cu("ncn", &format!("{name}/{tag}"), result);
        }
    }
    for result in run.of("CastVote") {
        assert!(
            result.compute_units_consumed <= 2_000,
            "a vote at {n} operators costs {} CU (target 2,000)",
            result.compute_units_consumed
        );
    }
    let (mut total, mut cpi) = (0, 0);
    for (name, result) in &run.records {
        if EPOCH_TOTAL.contains(&name.as_str()) {
            total += result.compute_units_consumed;
            cpi += cpi_compute_units(result);
        }
    }
    record_total(&format!("Epoch/{tag}-{vaults}-vaults"), total, cpi);
    total
}

/// A total over several instructions, recorded as [`record_cu`] records one.
fn record_total(name: &str, total: u64, cpi: u64) {
    let line = format!("CU ncn {name} {total} {cpi}");
    println!("{line}");
    if let Some(path) = std::env::var_os("JITO_CU_OUT") {
        use std::io::Write;
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .expect("open JITO_CU_OUT");
        file.write_all(format!("{line}\n").as_bytes())
            .expect("write JITO_CU_OUT");
    }
}

#[test]
fn epoch_16_operators_2_vaults() {
    let b = NcnBench::new(16, 2);
    let (mut run, mut world, before_votes) = epoch(&b);
    let consensus = consensus_slot(&world, &b);
    assert_eq!(consensus, SLOT, "consensus reached in the voting slot");
    // A stalled epoch (one vote, no consensus) settled by the tie-breaker admin.
    {
        let mut stalled = b.world();
        stalled.accounts = before_votes;
        stalled.exec(&cast_vote(&b, &b.operators[0], 2));
        stalled.warp((EPOCH + EPOCHS_BEFORE_STALL) * EPOCH_LENGTH + 9);
        let ix = b.keys.admin_set_tie_breaker_ix(2, EPOCH);
        run.exec(&mut stalled, "AdminSetTieBreaker", &ix);
        let ballot_box = stalled.data(&b.keys.ballot_box_address(EPOCH));
        assert_eq!(ballot_box[81], 2, "tie-breaker ballot");
    }
    rewards_and_close(&mut run, &mut world, &b);

    let mut names: Vec<&str> = run.records.iter().map(|(n, _)| n.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), 31, "every instruction ran: {names:?}");
    for (name, result) in &run.records {
        record_cu("ncn", name, result);
    }
    // The target for this total is 150,000 CU; the CI gate holds it to its budget
    // (`compute_reports/budgets.json`), and `programs/ncn/README.md` says where it stands.
    let total = record_scaling(&run, 16, 2);
    println!("epoch of 16 operators x 2 vaults: {total} CU (target 150,000)");
}

#[test]
fn epoch_1_operator() {
    let (run, _, _) = epoch(&NcnBench::new(1, 2));
    record_scaling(&run, 1, 2);
}

#[test]
fn epoch_64_operators() {
    let (run, _, _) = epoch(&NcnBench::new(64, 2));
    record_scaling(&run, 64, 2);
}
