//! BatchCrankVaultUpdateStateTracker (34, an addition): k operators of the
//! epoch update in one instruction must be exactly k CrankVaultUpdateStateTracker
//! (28) in one transaction, every written byte and, for a bad input, the error.
//!
//! * Mollusk cases of every failure, each also checked against the single-crank
//!   path where the input is a list of delegations.
//! * A property test over random vaults (1 to 64 operators; random staked /
//!   enqueued / cooling-down amounts; operators last updated in the vault's last
//!   full update or in a later, unfinished one; random withdrawal needs; random
//!   starting points of a partial update; the current epoch one or two after
//!   the last update) and random splits of the remaining operators into batches:
//!   batches and single cranks leave byte-identical accounts. Half of the cases
//!   first send one batch with a wrong input (out-of-order, duplicate, another
//!   vault's or an already-cranked delegation, a tracker of another epoch): the
//!   batch fails with the error the single cranks fail with, changing nothing.
//!
//! The single-crank path runs the cranks one after another from the same
//! accounts and stops at the first failure, restoring every account: what one
//! transaction of k cranks does. 256 cases by default with a fixed seed
//! (`JITO_PROPTEST_CASES`, `JITO_PROPTEST_SEED` as in `vault_random`).

use mollusk_tests::{scenarios::vault_updated::*, *};
use proptest::{
    collection::vec,
    prelude::*,
    test_runner::{Config, RngSeed, TestCaseError, TestRunner},
};
use ProgramError as PE;

/// Slot of the epoch after the world's start, a little into it.
const NEXT_SLOT: u64 = START_SLOT + EPOCH_LENGTH + 5;
const NEXT_EPOCH: u64 = NEXT_SLOT / EPOCH_LENGTH;

fn tracker_key(w: &VaultScenario, epoch: u64) -> Pubkey {
    tracker_pda(&w.vault, epoch).0
}

fn init(w: &mut VaultScenario) {
    let ix = initialize_vault_update_state_tracker(
        &w.config,
        &w.vault,
        &tracker_key(w, w.epoch()),
        &w.payer,
        0,
    );
    w.exec(&ix);
}

/// The single crank of the delegation at `vod`, with the operator it names.
/// For an account that is no delegation the single crank gets some valid
/// operator, so that it fails on the delegation account as the batch (which
/// takes no operator accounts) does.
fn single_ix(w: &VaultScenario, vod: &Pubkey, tracker: &Pubkey) -> Instruction {
    let operator = w
        .accounts
        .get(vod)
        .filter(|a| a.data.len() == VaultOperatorDelegationState::LEN)
        .map(|a| get_key(&a.data, 40))
        .or_else(|| {
            w.accounts
                .iter()
                .find(|(_, a)| {
                    a.owner == RESTAKING_PROGRAM_ID && a.data.len() == 520 && a.data[0] == 3
                })
                .map(|(k, _)| *k)
        })
        .expect("an operator");
    crank_vault_update_state_tracker(&w.config, &w.vault, &operator, vod, tracker)
}

fn batch_ix(w: &VaultScenario, tracker: &Pubkey, delegations: &[Pubkey]) -> Instruction {
    batch_crank_vault_update_state_tracker(&w.config, &w.vault, tracker, delegations)
}

/// One transaction of single cranks: all applied, or none and the first error.
fn single_path(w: &mut VaultScenario, tracker: &Pubkey, delegations: &[Pubkey]) -> Result<(), PE> {
    let saved = w.accounts.clone();
    for vod in delegations {
        let ix = single_ix(w, vod, tracker);
        if let Err(e) = w.try_exec(&ix) {
            w.accounts = saved;
            return Err(e);
        }
    }
    Ok(())
}

/// Runs the batch and the single cranks from the same accounts; both must end
/// the same (outcome and every account). Leaves the world as they left it.
#[track_caller]
fn assert_same(w: &mut VaultScenario, tracker: &Pubkey, delegations: &[Pubkey]) -> Result<(), PE> {
    let start = w.accounts.clone();
    let single = single_path(w, tracker, delegations);
    let after_single = std::mem::replace(&mut w.accounts, start);
    let batch = w.try_exec(&batch_ix(w, tracker, delegations));
    assert_eq!(batch, single, "batch and single cranks: outcome");
    assert!(
        w.accounts == after_single,
        "batch and single cranks: accounts differ"
    );
    batch
}

/// Four delegated operators (one of them with nothing delegated), withdrawals
/// to cover, the next epoch's tracker open: the crank order is 3, 0, 1, 2.
fn world() -> (VaultScenario, Vec<RegisteredOperator>) {
    let mut w = VaultScenario::new();
    let ops = w.add_delegated_operators(
        1,
        [
            Delegation::new(40_000, 0, 0),
            Delegation::new(50_000, 5_000, 0),
            Delegation::new(0, 0, 7_000),
            Delegation::new(3_000, 1_000, 2_000),
        ],
        START_SLOT,
    );
    w.set_vault(|v| {
        v.vrt_enqueued_for_cooldown_amount = 60_000;
        v.tokens_deposited = v.delegation.total() + 1_000;
        v.vrt_supply = v.tokens_deposited;
    });
    w.set_slot(NEXT_SLOT);
    init(&mut w);
    (w, ops)
}

fn vods(ops: &[RegisteredOperator], order: &[usize]) -> Vec<Pubkey> {
    order
        .iter()
        .map(|&i| ops[i].vault_operator_delegation)
        .collect()
}

/// A delegation of another vault for `op`, at its own PDA, with `index`.
fn foreign_delegation(w: &mut VaultScenario, op: &RegisteredOperator, index: u64) -> Pubkey {
    let other_vault = vault_pda(&key(77)).0;
    let (k, bump) = vault_operator_delegation_pda(&other_vault, &op.operator);
    let state = VaultOperatorDelegationState {
        vault: other_vault,
        operator: op.operator,
        delegation: Delegation::new(10, 0, 0),
        last_update_slot: START_SLOT,
        index,
        bump,
    };
    w.put_owned(k, &VAULT_PROGRAM_ID, state.to_bytes());
    k
}

#[test]
fn batch_of_all_operators_equals_single_cranks() {
    let (mut w, ops) = world();
    let tracker = tracker_key(&w, NEXT_EPOCH);
    let before = w.accounts.clone();
    let r = w.run(&batch_ix(&w, &tracker, &vods(&ops, &[3, 0, 1, 2]))).0;
    print_cu("vault", "BatchCrankVaultUpdateStateTracker", &r);
    assert_same(&mut w, &tracker, &vods(&ops, &[3, 0, 1, 2])).unwrap();
    // Greedy: the first operators in crank order gave up their stake.
    let tracker_state = TrackerState::from_bytes(&w.get(&tracker).data);
    assert_eq!(tracker_state.last_updated_index, 2);
    assert_eq!(w.vault_state().additional_assets_need_unstaking, 0);
    assert_ne!(w.accounts, before);
    // Then the tracker closes as after single cranks.
    let close =
        close_vault_update_state_tracker(&w.config, &w.vault, &tracker, &w.payer, NEXT_EPOCH);
    w.exec(&close);
}

#[test]
fn batches_in_parts_equal_single_cranks() {
    let (mut w, ops) = world();
    let tracker = tracker_key(&w, NEXT_EPOCH);
    assert_same(&mut w, &tracker, &vods(&ops, &[3])).unwrap();
    assert_same(&mut w, &tracker, &vods(&ops, &[0, 1])).unwrap();
    assert_same(&mut w, &tracker, &vods(&ops, &[2])).unwrap();
    assert_eq!(
        TrackerState::from_bytes(&w.get(&tracker).data).last_updated_index,
        2
    );
}

/// Wrong lists of delegations: the batch fails as the single cranks do, at the
/// first crank that fails, and changes nothing.
#[test]
fn wrong_delegation_lists_fail_as_single_cranks() {
    let (mut w, ops) = world();
    let tracker = tracker_key(&w, NEXT_EPOCH);
    let foreign = foreign_delegation(&mut w, &ops[3], 3);
    let cases: Vec<(&str, Vec<Pubkey>, PE)> = vec![
        (
            "index order not started at epoch % count",
            vods(&ops, &[0, 1, 2, 3]),
            PE::Custom(err::VAULT_UPDATE_INCORRECT_INDEX),
        ),
        (
            "second out of order",
            vods(&ops, &[3, 1, 0, 2]),
            PE::Custom(err::VAULT_UPDATE_INCORRECT_INDEX),
        ),
        (
            "last out of order",
            vods(&ops, &[3, 0, 2, 1]),
            PE::Custom(err::VAULT_UPDATE_INCORRECT_INDEX),
        ),
        (
            "duplicate",
            vods(&ops, &[3, 3]),
            PE::Custom(err::VAULT_OPERATOR_DELEGATION_IS_UPDATED),
        ),
        (
            "duplicate later",
            vods(&ops, &[3, 0, 1, 0]),
            PE::Custom(err::VAULT_OPERATOR_DELEGATION_IS_UPDATED),
        ),
        (
            "another vault's delegation first",
            vec![foreign],
            PE::InvalidAccountData,
        ),
        (
            "another vault's delegation after good ones",
            [vods(&ops, &[3, 0]), vec![foreign]].concat(),
            PE::InvalidAccountData,
        ),
        // The crank error of an earlier delegation comes before the account
        // error of a later one.
        (
            "out of order before another vault's delegation",
            [vods(&ops, &[0]), vec![foreign]].concat(),
            PE::Custom(err::VAULT_UPDATE_INCORRECT_INDEX),
        ),
        (
            "the vault as a delegation",
            [vods(&ops, &[3]), vec![w.vault]].concat(),
            PE::InvalidAccountData,
        ),
        (
            "the tracker as a delegation",
            [vods(&ops, &[3]), vec![tracker]].concat(),
            PE::InvalidAccountData,
        ),
        (
            "a system account as a delegation",
            [vods(&ops, &[3, 0]), vec![key(99)]].concat(),
            PE::InvalidAccountOwner,
        ),
    ];
    for (name, list, expected) in cases {
        let got = assert_same(&mut w, &tracker, &list);
        assert_eq!(got, Err(expected), "{name}");
    }

    // Already cranked: 3 then 0 cranked, 0 again (or 3) refused.
    assert_same(&mut w, &tracker, &vods(&ops, &[3, 0])).unwrap();
    for list in [
        vods(&ops, &[0]),
        vods(&ops, &[3, 1]),
        vods(&ops, &[1, 2, 3]),
    ] {
        assert_eq!(
            assert_same(&mut w, &tracker, &list),
            Err(PE::Custom(err::VAULT_OPERATOR_DELEGATION_IS_UPDATED))
        );
    }
    assert_same(&mut w, &tracker, &vods(&ops, &[1, 2])).unwrap();
}

/// Every account and state check, each one failing with exactly the single
/// crank's error and changing nothing.
#[test]
fn batch_crank_failures() {
    let (mut w, ops) = world();
    let tracker = tracker_key(&w, NEXT_EPOCH);
    let list = vods(&ops, &[3, 0]);
    let tx = Tx::new(&w, batch_ix(&w, &tracker, &list));
    let t = || tx.clone();
    let old_tracker = w.put_tracker(&TrackerState::new(w.vault, NEXT_EPOCH - 1));
    let old_tracker_account = w.get(&old_tracker).clone();
    let other_vault = vault_pda(&key(77)).0;
    let foreign_tracker = tracker_pda(&other_vault, NEXT_EPOCH).0;
    let foreign_tracker_account = owned_account(
        &VAULT_PROGRAM_ID,
        TrackerState::new(other_vault, NEXT_EPOCH).to_bytes(),
    );
    let tracker_with = |f: &dyn Fn(&mut TrackerState)| {
        let mut s = TrackerState::from_bytes(&w.get(&tracker).data);
        f(&mut s);
        t().data(2, move |d| *d = s.to_bytes())
    };
    check_cases(
        &w,
        vec![
            case(
                "no delegations",
                Tx::new(&w, batch_ix(&w, &tracker, &[])),
                PE::NotEnoughAccountKeys,
            ),
            case(
                "no tracker",
                t().drop_last().drop_last().drop_last(),
                PE::NotEnoughAccountKeys,
            ),
            case("extra data", t().data_push(0), PE::InvalidInstructionData),
            case(
                "config owner",
                t().owner(0, &SYSTEM_PROGRAM_ID),
                PE::InvalidAccountOwner,
            ),
            case(
                "config discriminator",
                t().discriminator(0, 8),
                PE::InvalidAccountData,
            ),
            case(
                "config address",
                t().moved(0, key(90)),
                PE::InvalidAccountData,
            ),
            case(
                "vault owner",
                t().owner(1, &SYSTEM_PROGRAM_ID),
                PE::InvalidAccountOwner,
            ),
            case("vault read-only", t().readonly(1), PE::InvalidAccountData),
            case(
                "vault discriminator",
                t().discriminator(1, 8),
                PE::InvalidAccountData,
            ),
            case(
                "vault address",
                t().moved(1, key(91)),
                PE::InvalidAccountData,
            ),
            case(
                "tracker owner",
                t().owner(2, &RESTAKING_PROGRAM_ID),
                PE::InvalidAccountOwner,
            ),
            case("tracker read-only", t().readonly(2), PE::InvalidAccountData),
            case(
                "tracker discriminator",
                t().discriminator(2, 4),
                PE::InvalidAccountData,
            ),
            case(
                "tracker length",
                t().data(2, |d| d.push(0)),
                PE::InvalidAccountData,
            ),
            case(
                "tracker of the last epoch",
                t().rekey(2, old_tracker, old_tracker_account),
                PE::InvalidAccountData,
            ),
            case(
                "tracker of another vault",
                t().rekey(2, foreign_tracker, foreign_tracker_account),
                PE::InvalidAccountData,
            ),
            case(
                "first delegation owner",
                t().owner(3, &RESTAKING_PROGRAM_ID),
                PE::InvalidAccountOwner,
            ),
            case(
                "first delegation read-only",
                t().readonly(3),
                PE::InvalidAccountData,
            ),
            case(
                "second delegation read-only",
                t().readonly(4),
                PE::InvalidAccountData,
            ),
            case(
                "second delegation discriminator",
                t().discriminator(4, 8),
                PE::InvalidAccountData,
            ),
            case(
                "second delegation length",
                t().data(4, |d| d.push(0)),
                PE::InvalidAccountData,
            ),
            case(
                "second delegation's stored vault",
                t().data(4, |d| put_key(d, 8, &other_vault)),
                PE::InvalidAccountData,
            ),
            custom(
                "zero epoch length",
                t().epoch_length(0, 0),
                err::BAD_EPOCH_LENGTH,
            ),
            custom(
                "paused",
                t().vault(1, |v| v.is_paused = true),
                err::VAULT_IS_PAUSED,
            ),
            custom(
                "second operator already updated",
                t().data(4, |d| put_u64(d, 352, NEXT_SLOT - 5)),
                err::VAULT_OPERATOR_DELEGATION_IS_UPDATED,
            ),
            custom(
                "no operators",
                t().vault(1, |v| v.operator_count = 0),
                err::DIVISION_BY_ZERO,
            ),
            case(
                "unknown allocation method",
                tracker_with(&|s| s.withdrawal_allocation_method = 1),
                PE::InvalidArgument,
            ),
            custom(
                "tracker total overflow at the second operator",
                tracker_with(&|s| s.delegation.cooling = u64::MAX - 20_000),
                err::VAULT_SECURITY_OVERFLOW,
            ),
        ],
    );
    // The same account mutations on the single crank of the first delegation
    // give the same errors (its accounts: config, vault, operator, delegation,
    // tracker).
    let single = Tx::new(&w, single_ix(&w, &list[0], &tracker));
    let s = || single.clone();
    check_cases(
        &w,
        vec![
            case(
                "single: tracker of the last epoch",
                s().rekey(4, old_tracker, w.get(&old_tracker).clone()),
                PE::InvalidAccountData,
            ),
            case(
                "single: delegation read-only",
                s().readonly(3),
                PE::InvalidAccountData,
            ),
            custom(
                "single: paused",
                s().vault(1, |v| v.is_paused = true),
                err::VAULT_IS_PAUSED,
            ),
        ],
    );
}

/// CU of one batch over 1, 8, 32 and 64 operators (printed; the compute
/// benchmark records them).
#[test]
fn batch_crank_cu_by_size() {
    for n in [1usize, 8, 32, 64] {
        let mut w = VaultScenario::new();
        let ops = w.add_delegated_operators(
            0,
            (0..n).map(|i| {
                Delegation::new(1_000 + i as u64, (i % 3) as u64 * 10, (i % 2) as u64 * 5)
            }),
            START_SLOT,
        );
        w.set_vault(|v| {
            v.vrt_enqueued_for_cooldown_amount = 1_200;
            v.tokens_deposited = v.delegation.total() + 500;
            v.vrt_supply = v.tokens_deposited;
        });
        w.set_slot(NEXT_SLOT);
        init(&mut w);
        let tracker = tracker_key(&w, NEXT_EPOCH);
        let order: Vec<usize> = (0..n).map(|i| (NEXT_EPOCH as usize + i) % n).collect();
        let list = vods(&ops, &order);
        let (r, _) = w.run(&batch_ix(&w, &tracker, &list));
        print_cu(
            "vault",
            &format!("BatchCrankVaultUpdateStateTracker/{n}"),
            &r,
        );
        assert_same(&mut w, &tracker, &list).unwrap();
    }
}

// ---------------------------------------------------------------------------
// Property test
// ---------------------------------------------------------------------------

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[derive(Clone, Copy, Debug)]
struct OperatorCase {
    staked: u64,
    enqueued: u64,
    cooling: u64,
    /// Rolled forward in an unfinished update after the vault's last full one.
    partially_updated: bool,
}

#[derive(Clone, Copy, Debug)]
enum Fault {
    /// Two delegations of the batch swapped (or the first replaced by the next one).
    OutOfOrder,
    /// A delegation of the batch repeated right after itself.
    Duplicate,
    /// A delegation replaced by another vault's delegation of the same operator.
    OtherVault,
    /// The tracker of the previous epoch.
    WrongTrackerEpoch,
    /// An operator cranked earlier (or earlier in the batch) added.
    AlreadyCranked,
}

#[derive(Clone, Debug)]
struct VaultCase {
    operators: Vec<OperatorCase>,
    /// The vault's last full update one epoch before the world's start (so
    /// operators may have been rolled forward since).
    vault_lags: bool,
    /// The update runs one or two epochs after the world's start.
    epochs_ahead: u64,
    /// Withdrawal need set on the vault after the tracker opens: `None` keeps
    /// what InitializeVaultUpdateStateTracker computed from the queued VRT.
    need: Option<u64>,
    /// Permille of the VRT queued for withdrawal.
    queued_permille: u16,
    /// Permille of the operators cranked one by one before the batches.
    cranked_permille: u16,
    /// Batch sizes, used in turn (cycling).
    batch_sizes: Vec<usize>,
    fault: Option<(Fault, u16)>,
}

fn amount() -> impl Strategy<Value = u64> {
    prop_oneof![Just(0u64), 1u64..1_000, 1_000u64..10_000_000_000]
}

fn operator_case() -> impl Strategy<Value = OperatorCase> {
    (amount(), amount(), amount(), any::<bool>()).prop_map(
        |(staked, enqueued, cooling, partially_updated)| OperatorCase {
            staked,
            enqueued,
            cooling,
            partially_updated,
        },
    )
}

fn fault() -> impl Strategy<Value = Fault> {
    prop_oneof![
        Just(Fault::OutOfOrder),
        Just(Fault::Duplicate),
        Just(Fault::OtherVault),
        Just(Fault::WrongTrackerEpoch),
        Just(Fault::AlreadyCranked),
    ]
}

fn vault_case() -> impl Strategy<Value = VaultCase> {
    (
        vec(operator_case(), 1..=64),
        any::<bool>(),
        1u64..=2,
        prop_oneof![
            Just(None),
            Just(Some(0u64)),
            (1u64..5_000_000_000).prop_map(Some),
            Just(Some(u64::MAX / 4))
        ],
        0u16..=1_000,
        prop_oneof![Just(0u16), Just(1_000u16), 0u16..=1_000],
        vec(1usize..=64, 1..8),
        prop_oneof![Just(None), (fault(), 0u16..1_000).prop_map(Some)],
    )
        .prop_map(
            |(
                operators,
                vault_lags,
                epochs_ahead,
                need,
                queued_permille,
                cranked_permille,
                batch_sizes,
                fault,
            )| VaultCase {
                operators,
                vault_lags,
                epochs_ahead,
                need,
                queued_permille,
                cranked_permille,
                batch_sizes,
                fault,
            },
        )
}

/// The world of every case: 64 delegated operators registered once (their
/// keys and restaking accounts); each case rewrites the delegations it uses.
struct Fixture {
    world: VaultScenario,
    ops: Vec<RegisteredOperator>,
    base: std::collections::BTreeMap<Pubkey, Account>,
    foreign: Vec<Pubkey>,
}

impl Fixture {
    fn new() -> Self {
        let mut world = VaultScenario::new();
        let ops = world.add_delegated_operators(0, vec![Delegation::default(); 64], START_SLOT);
        let foreign = ops
            .iter()
            .enumerate()
            .map(|(i, op)| foreign_delegation(&mut world, op, i as u64))
            .collect();
        let base = world.accounts.clone();
        Self {
            world,
            ops,
            base,
            foreign,
        }
    }

    fn run(&mut self, c: &VaultCase) -> Result<(), TestCaseError> {
        let w = &mut self.world;
        w.accounts = self.base.clone();
        w.set_slot(START_SLOT);
        let n = c.operators.len();
        let last_full = if c.vault_lags {
            START_SLOT - EPOCH_LENGTH
        } else {
            START_SLOT
        };
        let mut total = Delegation::default();
        for (i, (op, oc)) in self.ops.iter().zip(&c.operators).enumerate() {
            let d = Delegation::new(oc.staked, oc.enqueued, oc.cooling);
            total.add(&d);
            let last_update_slot = if c.vault_lags && !oc.partially_updated {
                last_full + i as u64 % 7
            } else {
                START_SLOT + 3
            };
            w.set_vod(op, |s| {
                s.delegation = d;
                s.last_update_slot = last_update_slot;
                s.index = i as u64;
            });
        }
        w.set_vault(|v| {
            v.operator_count = n as u64;
            v.delegation = total;
            v.tokens_deposited = total.total() + 1_000;
            v.vrt_supply = v.tokens_deposited;
            v.vrt_enqueued_for_cooldown_amount =
                (v.vrt_supply as u128 * c.queued_permille as u128 / 1_000) as u64;
            v.last_full_state_update_slot = last_full;
            v.last_start_state_update_slot = last_full;
        });
        let slot = START_SLOT + c.epochs_ahead * EPOCH_LENGTH + 7;
        w.set_slot(slot);
        let epoch = slot / EPOCH_LENGTH;
        init(w);
        if let Some(need) = c.need {
            w.set_vault(|v| v.additional_assets_need_unstaking = need);
        }
        let tracker = tracker_key(w, epoch);
        let order: Vec<Pubkey> = (0..n)
            .map(|i| self.ops[(epoch as usize + i) % n].vault_operator_delegation)
            .collect();

        // A partial update: the first operators cranked one by one.
        let done = n * c.cranked_permille as usize / 1_000;
        for vod in &order[..done] {
            let ix = single_ix(w, vod, &tracker);
            w.exec(&ix);
        }
        let remaining = &order[done..];

        // A wrong first batch: fails as the single cranks do, changes nothing.
        if let Some((fault, at)) = c.fault {
            let size = c.batch_sizes[0].min(remaining.len()).max(1);
            let mut batch: Vec<Pubkey> = remaining.iter().take(size).copied().collect();
            let pos = |len: usize| at as usize * len / 1_000;
            let mut batch_tracker = tracker;
            match fault {
                Fault::OutOfOrder => {
                    if batch.len() >= 2 {
                        let i = pos(batch.len() - 1);
                        batch.swap(i, i + 1);
                    } else if n >= 2 {
                        // The next operator in place of this one.
                        let next = order[(done + 1) % n];
                        if batch.is_empty() {
                            batch.push(next);
                        } else {
                            batch[0] = next;
                        }
                    } else {
                        batch = vec![order[0], order[0]];
                    }
                }
                Fault::Duplicate => {
                    if batch.is_empty() {
                        batch = vec![order[0], order[0]];
                    } else {
                        let i = pos(batch.len());
                        batch.insert(i + 1, batch[i]);
                    }
                }
                Fault::OtherVault => {
                    if batch.is_empty() {
                        batch.push(self.foreign[0]);
                    } else {
                        let i = pos(batch.len());
                        let index = (epoch as usize + done + i) % n;
                        batch[i] = self.foreign[index];
                    }
                }
                Fault::WrongTrackerEpoch => {
                    batch_tracker = w.put_tracker(&TrackerState::new(w.vault, epoch - 1));
                    if batch.is_empty() {
                        batch.push(order[0]);
                    }
                }
                Fault::AlreadyCranked => {
                    if done > 0 {
                        let old = order[at as usize * done / 1_000];
                        let i = pos(batch.len() + 1);
                        batch.insert(i, old);
                    } else if let Some(&first) = batch.first() {
                        let i = pos(batch.len()) + 1;
                        batch.insert(i, first);
                    } else {
                        batch = vec![order[0], order[0]];
                    }
                }
            }
            let before = w.accounts.clone();
            let result = assert_same(w, &batch_tracker, &batch);
            prop_assert!(
                result.is_err(),
                "{fault:?}: the wrong batch {batch:?} succeeded"
            );
            prop_assert!(w.accounts == before, "a failed batch changed accounts");
        }

        // The rest in batches of the given sizes: batches and single cranks agree.
        let mut i = 0;
        let mut sizes = c.batch_sizes.iter().cycle();
        while i < remaining.len() {
            let k = (*sizes.next().unwrap()).min(remaining.len() - i);
            let result = assert_same(w, &tracker, &remaining[i..i + k]);
            prop_assert!(result.is_ok(), "batch of {k} failed: {result:?}");
            i += k;
        }
        let t = TrackerState::from_bytes(&w.get(&tracker).data);
        let final_index = (epoch as usize + n - 1) % n;
        prop_assert_eq!(t.last_updated_index, final_index as u64);
        Ok(())
    }
}

#[test]
fn batches_equal_single_cranks_on_random_vaults() {
    let cases = env_u64("JITO_PROPTEST_CASES", 256) as u32;
    let seed = match std::env::var("JITO_PROPTEST_SEED").as_deref() {
        Ok("random") => None,
        Ok(s) => s.parse().ok(),
        Err(_) => Some(0x15_ba7c),
    };
    let mut config = Config::with_cases(cases);
    config.failure_persistence = None;
    config.max_shrink_time = 60_000;
    if let Some(seed) = seed {
        config.rng_seed = RngSeed::Fixed(seed);
    }
    let mut runner = TestRunner::new(config);
    let fixture = std::cell::RefCell::new(Fixture::new());
    let started = std::time::Instant::now();
    let result = runner.run(&vault_case(), |c| fixture.borrow_mut().run(&c));
    println!(
        "{cases} random vaults in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    if let Err(e) = result {
        panic!("{e}");
    }
}

// ---------------------------------------------------------------------------
// The Rust client's planner, run
// ---------------------------------------------------------------------------

/// The update planned by `jito_vault_client::planner` (legacy and v0 with a
/// table, from scratch and resumed) run instruction by instruction leaves the
/// same accounts as the original three-step path with single cranks.
#[test]
fn planned_update_equals_the_three_step_path() {
    use jito_vault_client::planner::{
        plan_vault_update, LookupTable, TrackerStatus, VaultUpdateInput,
    };

    for (n, cranked_before, alt, transactions) in [
        (32usize, 0usize, false, 2usize),
        (32, 0, true, 1),
        (64, 0, true, 2),
        (40, 11, false, 2),
    ] {
        let mut w = VaultScenario::new();
        let ops = w.add_delegated_operators(
            0,
            (0..n).map(|i| {
                Delegation::new(5_000 + i as u64, (i % 3) as u64 * 10, (i % 2) as u64 * 5)
            }),
            START_SLOT,
        );
        w.set_vault(|v| {
            v.vrt_enqueued_for_cooldown_amount = 40_000;
            v.tokens_deposited = v.delegation.total() + 500;
            v.vrt_supply = v.tokens_deposited;
        });
        w.set_slot(NEXT_SLOT);
        let tracker = tracker_key(&w, NEXT_EPOCH);
        let order: Vec<Pubkey> = (0..n)
            .map(|i| ops[(NEXT_EPOCH as usize + i) % n].vault_operator_delegation)
            .collect();
        let mut tracker_status = TrackerStatus::Absent;
        if cranked_before > 0 {
            init(&mut w);
            for vod in &order[..cranked_before] {
                let ix = single_ix(&w, vod, &tracker);
                w.exec(&ix);
            }
            tracker_status = TrackerStatus::Open {
                last_updated_index: TrackerState::from_bytes(&w.get(&tracker).data)
                    .last_updated_index,
            };
        }
        let start = w.accounts.clone();

        // The three-step path.
        if cranked_before == 0 {
            init(&mut w);
        }
        for vod in &order[cranked_before..] {
            let ix = single_ix(&w, vod, &tracker);
            w.exec(&ix);
        }
        let close =
            close_vault_update_state_tracker(&w.config, &w.vault, &tracker, &w.payer, NEXT_EPOCH);
        w.exec(&close);
        let three_step = std::mem::replace(&mut w.accounts, start);

        // The planned transactions.
        let delegations: Vec<Pubkey> = ops.iter().map(|o| o.vault_operator_delegation).collect();
        let mut table = vec![w.config, w.vault];
        table.extend(&delegations);
        let input = VaultUpdateInput {
            vault_program_id: VAULT_PROGRAM_ID,
            config: w.config,
            vault: w.vault,
            payer: w.payer,
            ncn_epoch: NEXT_EPOCH,
            operator_count: n as u64,
            tracker: tracker_status,
            delegations: &delegations,
            lookup_table: alt.then_some(LookupTable {
                address: key(98),
                addresses: &table,
            }),
            compute_unit_price: None,
        };
        let plan = plan_vault_update(&input).unwrap();
        assert_eq!(plan.len(), transactions, "{n} operators, table {alt}");
        for tx in &plan {
            for ix in &tx.instructions {
                let (result, _) = w.run(ix);
                assert_success(&result);
                assert!(result.compute_units_consumed <= tx.compute_units);
                w.commit(&result);
            }
        }
        assert!(
            w.accounts == three_step,
            "{n} operators: planned update and the three-step path differ"
        );
        assert!(!w.accounts.contains_key(&tracker) || w.get(&tracker).lamports == 0);
    }
}

/// The planner in each numbering on the build of that numbering: a legacy-numbered plan
/// (InitializeVaultUpdateStateTracker 26, CloseVaultUpdateStateTracker 28) on the legacy build
/// leaves exactly the accounts the master plan (27, 29) leaves on the master build, from
/// scratch and resumed. The plans come from `plan_vault_update_checked`, which asks each build
/// GetNumbering first and refuses to plan for the build of the other numbering.
#[test]
fn planned_update_in_each_numbering_on_its_build() {
    use jito_vault_client::{
        numbering::{NumberingCache, NumberingMismatch},
        planner::{
            plan_vault_update_checked, CheckedPlanError, LookupTable, TrackerStatus,
            VaultUpdateInput,
        },
    };

    for (n, cranked_before, alt) in [(32usize, 0usize, false), (40, 11, true)] {
        let mut results = Vec::new();
        for numbering in [VaultNumbering::Master, VaultNumbering::Legacy] {
            let mut w = VaultScenario::new();
            let ops = w.add_delegated_operators(
                0,
                (0..n).map(|i| {
                    Delegation::new(5_000 + i as u64, (i % 3) as u64 * 10, (i % 2) as u64 * 5)
                }),
                START_SLOT,
            );
            w.set_vault(|v| {
                v.vrt_enqueued_for_cooldown_amount = 40_000;
                v.tokens_deposited = v.delegation.total() + 500;
                v.vrt_supply = v.tokens_deposited;
            });
            w.set_slot(NEXT_SLOT);
            let tracker = tracker_key(&w, NEXT_EPOCH);
            let mut tracker_status = TrackerStatus::Absent;
            if cranked_before > 0 {
                // Through the harness (the build and numbering under test).
                init(&mut w);
                for i in 0..cranked_before {
                    let vod = ops[(NEXT_EPOCH as usize + i) % n].vault_operator_delegation;
                    let ix = single_ix(&w, &vod, &tracker);
                    w.exec(&ix);
                }
                tracker_status = TrackerStatus::Open {
                    last_updated_index: TrackerState::from_bytes(&w.get(&tracker).data)
                        .last_updated_index,
                };
            }
            // From here on the build of `numbering`, sent to directly.
            load_vault_build(&mut w.mollusk, numbering);
            let start = w.accounts.clone();

            let delegations: Vec<Pubkey> =
                ops.iter().map(|o| o.vault_operator_delegation).collect();
            let mut table = vec![w.config, w.vault];
            table.extend(&delegations);
            let input = VaultUpdateInput {
                vault_program_id: VAULT_PROGRAM_ID,
                config: w.config,
                vault: w.vault,
                payer: w.payer,
                ncn_epoch: NEXT_EPOCH,
                operator_count: n as u64,
                tracker: tracker_status,
                delegations: &delegations,
                lookup_table: alt.then_some(LookupTable {
                    address: key(98),
                    addresses: &table,
                }),
                compute_unit_price: None,
            };
            let mut cache = NumberingCache::new();
            let sim = |ix: &Instruction| {
                Ok::<_, std::convert::Infallible>(simulate_return_data(&w.mollusk, ix))
            };
            // The other numbering is refused before anything is planned.
            let other = match numbering {
                VaultNumbering::Master => VaultNumbering::Legacy,
                VaultNumbering::Legacy => VaultNumbering::Master,
            };
            assert_eq!(
                plan_vault_update_checked(&input, other, &mut cache, sim),
                Err(CheckedPlanError::Mismatch(NumberingMismatch {
                    client: other,
                    program: numbering
                }))
            );
            let plan = plan_vault_update_checked(&input, numbering, &mut cache, sim).unwrap();
            let (init_tag, close_tag) = match numbering {
                VaultNumbering::Master => (27, 29),
                VaultNumbering::Legacy => (26, 28),
            };
            let first = &plan[0].instructions[0].data[0];
            let last = &plan.last().unwrap().instructions.last().unwrap().data[0];
            if cranked_before == 0 {
                assert_eq!(*first, init_tag);
            } else {
                assert_eq!(*first, 34);
            }
            assert_eq!(*last, close_tag);
            for tx in &plan {
                for ix in &tx.instructions {
                    let result = w.mollusk.process_instruction(ix, &w.accounts_for(ix));
                    assert_success(&result);
                    w.commit(&result);
                }
            }
            assert!(
                w.accounts != start,
                "{numbering:?}: the plan changed nothing"
            );
            assert!(!w.accounts.contains_key(&tracker) || w.get(&tracker).lamports == 0);
            results.push(w.world.accounts);
        }
        assert!(
            results[0] == results[1],
            "{n} operators: the legacy plan on the legacy build and the master plan on the \
             master build leave different accounts"
        );
    }
}
