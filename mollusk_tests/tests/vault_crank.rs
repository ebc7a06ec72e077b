//! The vault's epoch update: `InitializeVaultUpdateStateTracker` (27),
//! `CrankVaultUpdateStateTracker` (28), `CloseVaultUpdateStateTracker` (29);
//! a scenario over several epochs and a crank benchmark.

use jito_vault_client::accounts::{Vault, VaultUpdateStateTracker};
use mollusk_tests::{scenarios::vault_updated::*, *};
use ProgramError as PE;

/// Slot of the epoch after the world's start, a little into it.
const NEXT_SLOT: u64 = START_SLOT + EPOCH_LENGTH + 5;
const NEXT_EPOCH: u64 = NEXT_SLOT / EPOCH_LENGTH;

// ---------------------------------------------------------------------------
// Host-side model of the original's arithmetic (independent of the programs)
// ---------------------------------------------------------------------------

fn fee_ceil(amount: u64, bps: u16) -> u64 {
    (amount as u128 * bps as u128).div_ceil(10_000) as u64
}

/// Supported tokens reserved for all queued, cooling and claimable VRT.
fn requested_for_withdrawal(v: &VaultState) -> u64 {
    if v.vrt_supply == 0 {
        return 0;
    }
    let vrt = v.vrt_enqueued_for_cooldown_amount
        + v.vrt_cooling_down_amount
        + v.vrt_ready_to_claim_amount;
    let program_fee = fee_ceil(vrt, v.program_fee_bps);
    let mut vault_fee = fee_ceil(vrt, v.withdrawal_fee_bps);
    if program_fee + vault_fee > vrt {
        vault_fee = vrt - program_fee;
    }
    ((vrt - program_fee - vault_fee) as u128 * v.tokens_deposited as u128 / v.vrt_supply as u128)
        as u64
}

/// The original's InitializeVaultUpdateStateTracker effect on the vault.
fn model_begin_update(v: &mut VaultState, slot: u64, config_program_fee_bps: u16) {
    let epoch = |s: u64| s / EPOCH_LENGTH;
    let completed = epoch(v.last_start_state_update_slot) == epoch(v.last_full_state_update_slot);
    if completed {
        v.withdrawal_fee_bps = v.next_withdrawal_fee_bps;
        v.program_fee_bps = config_program_fee_bps;
        let requested = requested_for_withdrawal(v);
        let mut d = v.delegation;
        for _ in 0..(epoch(slot) - epoch(v.last_full_state_update_slot)).min(2) {
            d.update();
        }
        let available = (v.tokens_deposited - d.total()) + d.enqueued + d.cooling;
        v.additional_assets_need_unstaking = requested.saturating_sub(available);
    }
    v.last_start_state_update_slot = slot;
}

/// The original's crank of one operator delegation: greedy cool-down, roll forward, add up.
fn model_crank(
    v: &mut VaultState,
    vod: &mut VaultOperatorDelegationState,
    tracker: &mut TrackerState,
    slot: u64,
) {
    let epoch = |s: u64| s / EPOCH_LENGTH;
    let partially_updated = epoch(v.last_full_state_update_slot) < epoch(vod.last_update_slot);
    if !partially_updated && v.additional_assets_need_unstaking > 0 && vod.delegation.staked > 0 {
        let amount = vod
            .delegation
            .staked
            .min(v.additional_assets_need_unstaking);
        vod.delegation.staked -= amount;
        vod.delegation.enqueued += amount;
        v.additional_assets_need_unstaking -= amount;
    }
    for _ in 0..(epoch(slot) - epoch(vod.last_update_slot)).min(2) {
        vod.delegation.update();
    }
    vod.last_update_slot = slot;
    tracker.last_updated_index = vod.index;
    tracker.delegation.add(&vod.delegation);
}

/// The original's close of the current epoch's tracker.
fn model_finish_update(v: &mut VaultState, tracker: &TrackerState, slot: u64) {
    let epoch = |s: u64| s / EPOCH_LENGTH;
    let diff = epoch(slot) - epoch(v.last_full_state_update_slot);
    v.delegation = tracker.delegation;
    v.last_full_state_update_slot = slot;
    for _ in 0..diff.min(2) {
        v.vrt_ready_to_claim_amount += v.vrt_cooling_down_amount;
        v.vrt_cooling_down_amount = v.vrt_enqueued_for_cooldown_amount;
        v.vrt_enqueued_for_cooldown_amount = 0;
    }
}

const CONFIG_PROGRAM_FEE_BPS: u16 = 7;

// ---------------------------------------------------------------------------
// Worlds and transactions
// ---------------------------------------------------------------------------

/// Two delegated operators, 30_000 VRT queued for withdrawal, clock in the next epoch.
fn update_world() -> (VaultScenario, Vec<RegisteredOperator>) {
    let mut w = VaultScenario::new();
    let ops = w.add_delegated_operators(
        1,
        [
            Delegation::new(40_000, 0, 0),
            Delegation::new(50_000, 5_000, 0),
        ],
        START_SLOT,
    );
    w.set_vault(|v| v.vrt_enqueued_for_cooldown_amount = 30_000);
    w.set_slot(NEXT_SLOT);
    (w, ops)
}

fn init_tx(w: &VaultScenario, epoch: u64) -> Tx {
    let tracker = tracker_pda(&w.vault, epoch).0;
    Tx::new(
        w,
        initialize_vault_update_state_tracker(&w.config, &w.vault, &tracker, &w.payer, 0),
    )
}

fn crank_tx(w: &VaultScenario, op: &RegisteredOperator, epoch: u64) -> Tx {
    let tracker = tracker_pda(&w.vault, epoch).0;
    Tx::new(
        w,
        crank_vault_update_state_tracker(
            &w.config,
            &w.vault,
            &op.operator,
            &op.vault_operator_delegation,
            &tracker,
        ),
    )
}

fn close_tx(w: &VaultScenario, epoch: u64) -> Tx {
    let tracker = tracker_pda(&w.vault, epoch).0;
    Tx::new(
        w,
        close_vault_update_state_tracker(&w.config, &w.vault, &tracker, &w.payer, epoch),
    )
}

fn tracker_state(w: &VaultScenario, epoch: u64) -> TrackerState {
    TrackerState::from_bytes(&w.get(&tracker_pda(&w.vault, epoch).0).data)
}

// ---------------------------------------------------------------------------
// InitializeVaultUpdateStateTracker
// ---------------------------------------------------------------------------

#[test]
fn initialize_vault_update_state_tracker_ok() {
    let (w, _) = update_world();
    let tx = init_tx(&w, NEXT_EPOCH);
    let result = tx.run(&w);
    print_cu("vault", "InitializeVaultUpdateStateTracker", &result);

    let mut vault = w.vault_state();
    model_begin_update(&mut vault, NEXT_SLOT, CONFIG_PROGRAM_FEE_BPS);
    // 30_000 VRT at the new fees (7 + 20 bps) are 29_919 tokens; after the
    // update 5_000 are undelegated and 5_000 cooling down: 19_919 to unstake.
    assert_eq!(vault.additional_assets_need_unstaking, 19_919);
    assert_eq!((vault.withdrawal_fee_bps, vault.program_fee_bps), (20, 7));
    let len = TrackerState::LEN;
    assert_changes(
        &result,
        &tx.accounts,
        &[
            (
                tx.key(2),
                vault_account(TrackerState::new(w.vault, NEXT_EPOCH).to_bytes(), rent(len)),
            ),
            (w.vault, with_data(w.get(&w.vault), vault.to_bytes())),
            (
                w.payer,
                with_lamports(w.get(&w.payer), PAYER_LAMPORTS - rent(len)),
            ),
        ],
    );
    // The generated client's decoders read the written accounts.
    let decoded = VaultUpdateStateTracker::from_bytes(&account(&result, &tx.key(2)).data).unwrap();
    assert_eq!((decoded.vault, decoded.ncn_epoch), (w.vault, NEXT_EPOCH));
    assert_eq!(decoded.last_updated_index, u64::MAX);
    assert_eq!(decoded.withdrawal_allocation_method, 0);
    let decoded_vault = Vault::from_bytes(&account(&result, &w.vault).data).unwrap();
    assert_eq!(decoded_vault.additional_assets_need_unstaking, 19_919);
    assert_eq!(
        (
            decoded_vault.withdrawal_fee_bps,
            decoded_vault.program_fee_bps
        ),
        (20, 7)
    );
    assert_eq!(decoded_vault.last_start_state_update_slot, NEXT_SLOT);
}

/// An update started in an earlier epoch and never finished: the assets to
/// unstake and the fees stay as they were; only the start slot moves.
#[test]
fn initialize_vault_update_state_tracker_recovers_unfinished_update() {
    let (mut w, _) = update_world();
    w.set_vault(|v| {
        v.last_full_state_update_slot = START_SLOT - EPOCH_LENGTH;
        v.last_start_state_update_slot = START_SLOT + 3;
        v.additional_assets_need_unstaking = 1_234;
    });
    let tx = init_tx(&w, NEXT_EPOCH);
    let result = tx.run(&w);
    print_cu("vault", "InitializeVaultUpdateStateTracker", &result);
    let mut vault = w.vault_state();
    vault.last_start_state_update_slot = NEXT_SLOT;
    assert_eq!(vault.withdrawal_fee_bps, 10);
    let len = TrackerState::LEN;
    assert_changes(
        &result,
        &tx.accounts,
        &[
            (
                tx.key(2),
                vault_account(TrackerState::new(w.vault, NEXT_EPOCH).to_bytes(), rent(len)),
            ),
            (w.vault, with_data(w.get(&w.vault), vault.to_bytes())),
            (
                w.payer,
                with_lamports(w.get(&w.payer), PAYER_LAMPORTS - rent(len)),
            ),
        ],
    );
}

#[test]
fn initialize_vault_update_state_tracker_failures() {
    let (w, _) = update_world();
    let tx = init_tx(&w, NEXT_EPOCH);
    let t = || tx.clone();
    let this_epoch_tracker = tracker_pda(&w.vault, START_SLOT / EPOCH_LENGTH).0;
    check_cases(
        &w,
        vec![
            case(
                "no method",
                t().data_truncate(1),
                PE::InvalidInstructionData,
            ),
            case(
                "unknown method",
                t().data_byte(1, 1),
                PE::InvalidInstructionData,
            ),
            case("extra data", t().data_push(0), PE::InvalidInstructionData),
            case("missing account", t().drop_last(), PE::NotEnoughAccountKeys),
            case(
                "config owner",
                t().owner(0, &SYSTEM_PROGRAM_ID),
                PE::InvalidAccountOwner,
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
                "tracker owned",
                t().account(2, vault_account(vec![], 1)),
                PE::InvalidAccountOwner,
            ),
            case(
                "tracker has data",
                t().account(2, Account::new(1, 1, &SYSTEM_PROGRAM_ID)),
                PE::AccountAlreadyInitialized,
            ),
            case("tracker read-only", t().readonly(2), PE::InvalidAccountData),
            case(
                "payer not signer",
                t().unsigned(3),
                PE::MissingRequiredSignature,
            ),
            case("payer read-only", t().readonly(3), PE::InvalidAccountData),
            case(
                "system program",
                {
                    let (k, a) = program_account(&TOKEN_PROGRAM_ID);
                    t().rekey(4, k, a)
                },
                PE::IncorrectProgramId,
            ),
            custom(
                "zero epoch length",
                t().epoch_length(0, 0),
                err::BAD_EPOCH_LENGTH,
            ),
            case(
                "tracker of another epoch",
                t().rekey(2, this_epoch_tracker, system_account(0)),
                PE::InvalidAccountData,
            ),
            custom(
                "vault already updated",
                t().vault(1, |v| v.last_full_state_update_slot = NEXT_SLOT - 1),
                err::VAULT_IS_UPDATED,
            ),
            custom(
                "paused",
                t().vault(1, |v| v.is_paused = true),
                err::VAULT_IS_PAUSED,
            ),
            // Fewer tokens than delegated: the unstaking computation underflows.
            custom(
                "deposits below delegation",
                t().vault(1, |v| v.tokens_deposited = 94_999),
                err::VAULT_UNDERFLOW,
            ),
        ],
    );
}

// ---------------------------------------------------------------------------
// CrankVaultUpdateStateTracker
// ---------------------------------------------------------------------------

/// `update_world` with the next epoch's tracker created.
fn crank_world() -> (VaultScenario, Vec<RegisteredOperator>) {
    let (mut w, ops) = update_world();
    w.exec(&init_tx(&w, NEXT_EPOCH).ix);
    (w, ops)
}

#[test]
fn crank_vault_update_state_tracker_ok() {
    let (w, ops) = crank_world();
    // Epoch 11 with two operators starts at index 1.
    let op = &ops[1];
    let tx = crank_tx(&w, op, NEXT_EPOCH);
    let result = tx.run(&w);
    print_cu("vault", "CrankVaultUpdateStateTracker", &result);

    let mut vault = w.vault_state();
    let mut vod = w.vod_state(op);
    let mut tracker = tracker_state(&w, NEXT_EPOCH);
    model_crank(&mut vault, &mut vod, &mut tracker, NEXT_SLOT);
    // Greedy: all 19_919 still to unstake come from this operator's 50_000.
    assert_eq!(vod.delegation, Delegation::new(30_081, 0, 24_919));
    assert_eq!(vault.additional_assets_need_unstaking, 0);
    assert_eq!(tracker.last_updated_index, 1);
    assert_changes(
        &result,
        &tx.accounts,
        &[
            (w.vault, with_data(w.get(&w.vault), vault.to_bytes())),
            (
                op.vault_operator_delegation,
                with_data(w.get(&op.vault_operator_delegation), vod.to_bytes()),
            ),
            (tx.key(4), with_data(tx.get(4), tracker.to_bytes())),
        ],
    );
}

/// An operator already updated in an earlier, unfinished update keeps its stake.
#[test]
fn crank_skips_greedy_for_partially_updated_operator() {
    let (mut w, ops) = crank_world();
    let op = &ops[1];
    // Last full update in epoch 9, this operator rolled forward in epoch 10.
    w.set_vault(|v| v.last_full_state_update_slot = START_SLOT - EPOCH_LENGTH);
    let tx = crank_tx(&w, op, NEXT_EPOCH);
    let result = tx.run(&w);
    print_cu("vault", "CrankVaultUpdateStateTracker", &result);
    let mut vault = w.vault_state();
    let mut vod = w.vod_state(op);
    let mut tracker = tracker_state(&w, NEXT_EPOCH);
    model_crank(&mut vault, &mut vod, &mut tracker, NEXT_SLOT);
    assert_eq!(vod.delegation, Delegation::new(50_000, 0, 5_000));
    assert_eq!(vault.additional_assets_need_unstaking, 19_919);
    assert_changes(
        &result,
        &tx.accounts,
        &[
            (
                op.vault_operator_delegation,
                with_data(w.get(&op.vault_operator_delegation), vod.to_bytes()),
            ),
            (tx.key(4), with_data(tx.get(4), tracker.to_bytes())),
        ],
    );
}

/// Two epochs or more since the operator's last update: both stages roll.
#[test]
fn crank_rolls_two_stages_after_two_epochs() {
    let (mut w, ops) = crank_world();
    let op = &ops[1];
    w.set_vault(|v| v.additional_assets_need_unstaking = 0);
    w.set_vod(op, |d| {
        d.delegation = Delegation::new(10, 20, 30);
        d.last_update_slot = START_SLOT - 3 * EPOCH_LENGTH;
    });
    let tx = crank_tx(&w, op, NEXT_EPOCH);
    let result = tx.run(&w);
    let mut vod = w.vod_state(op);
    vod.delegation = Delegation::new(10, 0, 0);
    vod.last_update_slot = NEXT_SLOT;
    let mut tracker = tracker_state(&w, NEXT_EPOCH);
    tracker.last_updated_index = 1;
    tracker.delegation = Delegation::new(10, 0, 0);
    assert_changes(
        &result,
        &tx.accounts,
        &[
            (
                op.vault_operator_delegation,
                with_data(w.get(&op.vault_operator_delegation), vod.to_bytes()),
            ),
            (tx.key(4), with_data(tx.get(4), tracker.to_bytes())),
        ],
    );
}

#[test]
fn crank_vault_update_state_tracker_failures() {
    let (mut w, ops) = crank_world();
    let tx = crank_tx(&w, &ops[1], NEXT_EPOCH);
    let t = || tx.clone();
    // Another operator's delegation: its stored operator is that operator (`jito_core::account`).
    let mut vod_account = tx.get(3).clone();
    vod_account.data[40..72].copy_from_slice(ops[0].operator.as_ref());
    let other_vod = vault_operator_delegation_pda(&w.vault, &ops[0].operator).0;
    // Trackers that exist but are not this vault's for this epoch.
    let old_tracker = w.put_tracker(&TrackerState::new(w.vault, NEXT_EPOCH - 1));
    let old_tracker_account = w.get(&old_tracker).clone();
    let other_vault = vault_pda(&key(77)).0;
    let (foreign_tracker, _) = tracker_pda(&other_vault, NEXT_EPOCH);
    let foreign_tracker_account = owned_account(
        &VAULT_PROGRAM_ID,
        TrackerState::new(other_vault, NEXT_EPOCH).to_bytes(),
    );
    let tracker_with = |f: &dyn Fn(&mut TrackerState)| {
        let mut s = tracker_state(&w, NEXT_EPOCH);
        f(&mut s);
        t().data(4, move |d| *d = s.to_bytes())
    };
    let wrong_method = tracker_with(&|s| s.withdrawal_allocation_method = 1);
    let overflow = tracker_with(&|s| s.delegation.staked = u64::MAX);
    let no_operators_mid_update =
        tracker_with(&|s| s.last_updated_index = 0).vault(1, |v| v.operator_count = 0);
    check_cases(
        &w,
        vec![
            case("extra data", t().data_push(0), PE::InvalidInstructionData),
            case("missing account", t().drop_last(), PE::NotEnoughAccountKeys),
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
                "operator owner",
                t().owner(2, &VAULT_PROGRAM_ID),
                PE::InvalidAccountOwner,
            ),
            case(
                "operator discriminator",
                t().discriminator(2, 2),
                PE::InvalidAccountData,
            ),
            case(
                "operator address",
                t().moved(2, key(92)),
                PE::InvalidAccountData,
            ),
            case(
                "delegation owner",
                t().owner(3, &RESTAKING_PROGRAM_ID),
                PE::InvalidAccountOwner,
            ),
            case(
                "delegation read-only",
                t().readonly(3),
                PE::InvalidAccountData,
            ),
            case(
                "delegation discriminator",
                t().discriminator(3, 8),
                PE::InvalidAccountData,
            ),
            case(
                "delegation of another operator",
                t().rekey(3, other_vod, vod_account),
                PE::InvalidAccountData,
            ),
            case(
                "tracker owner",
                t().owner(4, &RESTAKING_PROGRAM_ID),
                PE::InvalidAccountOwner,
            ),
            case("tracker read-only", t().readonly(4), PE::InvalidAccountData),
            case(
                "tracker discriminator",
                t().discriminator(4, 4),
                PE::InvalidAccountData,
            ),
            case(
                "tracker length",
                t().data(4, |d| d.push(0)),
                PE::InvalidAccountData,
            ),
            case(
                "tracker of the last epoch",
                t().rekey(4, old_tracker, old_tracker_account),
                PE::InvalidAccountData,
            ),
            case(
                "tracker of another vault",
                t().rekey(4, foreign_tracker, foreign_tracker_account),
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
                "operator already updated",
                t().data(3, |d| put_u64(d, 352, NEXT_SLOT - 5)),
                err::VAULT_OPERATOR_DELEGATION_IS_UPDATED,
            ),
            // Epoch 11 with two operators starts at index 1, not 0.
            custom(
                "wrong start index",
                crank_tx(&w, &ops[0], NEXT_EPOCH),
                err::VAULT_UPDATE_INCORRECT_INDEX,
            ),
            custom(
                "no operators",
                t().vault(1, |v| v.operator_count = 0),
                err::DIVISION_BY_ZERO,
            ),
            custom(
                "no operators mid-update",
                no_operators_mid_update,
                err::ARITHMETIC_OVERFLOW,
            ),
            case(
                "unknown allocation method",
                wrong_method,
                PE::InvalidArgument,
            ),
            custom(
                "tracker total overflow",
                overflow,
                err::VAULT_SECURITY_OVERFLOW,
            ),
        ],
    );

    // After index 1 comes 0; 1 again is refused as already updated.
    w.exec(&crank_tx(&w, &ops[1], NEXT_EPOCH).ix);
    w.set_slot(NEXT_SLOT + 1);
    crank_tx(&w, &ops[1], NEXT_EPOCH).fails_custom(&w, err::VAULT_OPERATOR_DELEGATION_IS_UPDATED);
    let r = w.exec(&crank_tx(&w, &ops[0], NEXT_EPOCH).ix);
    print_cu("vault", "CrankVaultUpdateStateTracker", &r);
}

/// Three operators: after the start index the next one must follow.
#[test]
fn crank_skipping_an_index_fails() {
    let mut w = VaultScenario::new();
    let ops = w.add_delegated_operators(1, [Delegation::new(1_000, 0, 0); 3], START_SLOT);
    w.set_slot(NEXT_SLOT);
    w.exec(&init_tx(&w, NEXT_EPOCH).ix);
    // Epoch 11 with three operators starts at index 2, then 0, then 1.
    crank_tx(&w, &ops[0], NEXT_EPOCH).fails_custom(&w, err::VAULT_UPDATE_INCORRECT_INDEX);
    w.exec(&crank_tx(&w, &ops[2], NEXT_EPOCH).ix);
    crank_tx(&w, &ops[1], NEXT_EPOCH).fails_custom(&w, err::VAULT_UPDATE_INCORRECT_INDEX);
    w.exec(&crank_tx(&w, &ops[0], NEXT_EPOCH).ix);
    w.exec(&crank_tx(&w, &ops[1], NEXT_EPOCH).ix);
    assert_eq!(tracker_state(&w, NEXT_EPOCH).last_updated_index, 1);
    assert_eq!(
        tracker_state(&w, NEXT_EPOCH).delegation,
        Delegation::new(3_000, 0, 0)
    );
}

// ---------------------------------------------------------------------------
// CloseVaultUpdateStateTracker
// ---------------------------------------------------------------------------

/// `crank_world` with both operators cranked.
fn cranked_world() -> (VaultScenario, Vec<RegisteredOperator>) {
    let (mut w, ops) = crank_world();
    w.exec(&crank_tx(&w, &ops[1], NEXT_EPOCH).ix);
    w.exec(&crank_tx(&w, &ops[0], NEXT_EPOCH).ix);
    (w, ops)
}

#[test]
fn close_vault_update_state_tracker_ok() {
    let (mut w, _) = cranked_world();
    w.set_vault(|v| {
        v.vrt_cooling_down_amount = 4_000;
        v.vrt_ready_to_claim_amount = 100;
    });
    let tx = close_tx(&w, NEXT_EPOCH);
    let result = tx.run(&w);
    print_cu("vault", "CloseVaultUpdateStateTracker", &result);
    let tracker = tracker_state(&w, NEXT_EPOCH);
    let mut vault = w.vault_state();
    model_finish_update(&mut vault, &tracker, NEXT_SLOT);
    assert_eq!(vault.delegation, Delegation::new(70_081, 0, 24_919));
    assert_eq!(
        (
            vault.vrt_enqueued_for_cooldown_amount,
            vault.vrt_cooling_down_amount,
            vault.vrt_ready_to_claim_amount
        ),
        (0, 30_000, 4_100)
    );
    let tracker_lamports = tx.get(2).lamports;
    assert_changes(
        &result,
        &tx.accounts,
        &[
            (w.vault, with_data(w.get(&w.vault), vault.to_bytes())),
            (tx.key(2), Account::new(0, 0, &SYSTEM_PROGRAM_ID)),
            (
                w.payer,
                with_lamports(w.get(&w.payer), w.get(&w.payer).lamports + tracker_lamports),
            ),
        ],
    );
}

/// Two epochs since the last full update: the VRT buckets move twice.
#[test]
fn close_after_two_epochs_shifts_twice() {
    let mut w = VaultScenario::new();
    w.set_vault(|v| {
        v.vrt_enqueued_for_cooldown_amount = 300;
        v.vrt_cooling_down_amount = 20;
        v.vrt_ready_to_claim_amount = 1;
        v.last_full_state_update_slot = START_SLOT - 2 * EPOCH_LENGTH;
        v.last_start_state_update_slot = START_SLOT - 2 * EPOCH_LENGTH;
    });
    w.exec(&init_tx(&w, START_SLOT / EPOCH_LENGTH).ix);
    let tx = close_tx(&w, START_SLOT / EPOCH_LENGTH);
    let result = tx.run(&w);
    print_cu("vault", "CloseVaultUpdateStateTracker", &result);
    assert_success(&result);
    let v = VaultState::from_bytes(&account(&result, &w.vault).data);
    assert_eq!(
        (
            v.vrt_enqueued_for_cooldown_amount,
            v.vrt_cooling_down_amount,
            v.vrt_ready_to_claim_amount
        ),
        (0, 0, 321)
    );
    assert_eq!(v.last_full_state_update_slot, START_SLOT);
}

/// No operators: nothing to crank, the tracker closes at once.
#[test]
fn close_without_operators_ok() {
    let mut w = VaultScenario::new();
    w.set_slot(NEXT_SLOT);
    w.exec(&init_tx(&w, NEXT_EPOCH).ix);
    let tx = close_tx(&w, NEXT_EPOCH);
    let result = tx.run(&w);
    print_cu("vault", "CloseVaultUpdateStateTracker", &result);
    let mut vault = w.vault_state();
    let tracker = tracker_state(&w, NEXT_EPOCH);
    model_finish_update(&mut vault, &tracker, NEXT_SLOT);
    let tracker_lamports = tx.get(2).lamports;
    assert_changes(
        &result,
        &tx.accounts,
        &[
            (w.vault, with_data(w.get(&w.vault), vault.to_bytes())),
            (tx.key(2), Account::new(0, 0, &SYSTEM_PROGRAM_ID)),
            (
                w.payer,
                with_lamports(w.get(&w.payer), w.get(&w.payer).lamports + tracker_lamports),
            ),
        ],
    );
}

/// A tracker of an earlier epoch is closed for its rent; the vault is untouched.
#[test]
fn close_old_tracker_only_refunds() {
    let (mut w, _) = crank_world();
    w.set_slot(NEXT_SLOT + EPOCH_LENGTH);
    let tx = close_tx(&w, NEXT_EPOCH);
    let result = tx.run(&w);
    print_cu("vault", "CloseVaultUpdateStateTracker", &result);
    let tracker_lamports = tx.get(2).lamports;
    assert_changes(
        &result,
        &tx.accounts,
        &[
            (tx.key(2), Account::new(0, 0, &SYSTEM_PROGRAM_ID)),
            (
                w.payer,
                with_lamports(w.get(&w.payer), w.get(&w.payer).lamports + tracker_lamports),
            ),
        ],
    );
}

#[test]
fn close_vault_update_state_tracker_failures() {
    let (mut w, ops) = cranked_world();
    let tx = close_tx(&w, NEXT_EPOCH);
    let t = || tx.clone();
    let other_vault = vault_pda(&key(77)).0;
    let (foreign_tracker, _) = tracker_pda(&other_vault, NEXT_EPOCH);
    let foreign_tracker_account = owned_account(
        &VAULT_PROGRAM_ID,
        TrackerState::new(other_vault, NEXT_EPOCH).to_bytes(),
    );
    // The same accounts with another epoch argument, built by the client.
    let arg = |epoch: u64| {
        let [config, vault, tracker, payer] = [0, 1, 2, 3].map(|i| tx.key(i));
        t().ix_data(close_vault_update_state_tracker(&config, &vault, &tracker, &payer, epoch).data)
    };
    let wrong_epoch_arg = arg(NEXT_EPOCH + 1);
    check_cases(
        &w,
        vec![
            case(
                "short data",
                arg(0).data_truncate(8),
                PE::InvalidInstructionData,
            ),
            case("missing account", t().drop_last(), PE::NotEnoughAccountKeys),
            case(
                "config owner",
                t().owner(0, &SYSTEM_PROGRAM_ID),
                PE::InvalidAccountOwner,
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
                "vault address",
                t().moved(1, key(91)),
                PE::InvalidAccountData,
            ),
            case(
                "tracker owner",
                t().owner(2, &SYSTEM_PROGRAM_ID),
                PE::InvalidAccountOwner,
            ),
            case("tracker read-only", t().readonly(2), PE::InvalidAccountData),
            case(
                "tracker discriminator",
                t().discriminator(2, 2),
                PE::InvalidAccountData,
            ),
            case(
                "epoch argument differs",
                wrong_epoch_arg,
                PE::InvalidAccountData,
            ),
            case(
                "tracker of another vault",
                t().rekey(2, foreign_tracker, foreign_tracker_account),
                PE::InvalidAccountData,
            ),
            case(
                "payer not signer",
                t().unsigned(3),
                PE::MissingRequiredSignature,
            ),
            case("payer read-only", t().readonly(3), PE::InvalidAccountData),
            custom(
                "paused",
                t().vault(1, |v| v.is_paused = true),
                err::VAULT_IS_PAUSED,
            ),
            custom(
                "zero epoch length",
                t().epoch_length(0, 0),
                err::BAD_EPOCH_LENGTH,
            ),
            custom(
                "assets still to unstake",
                t().vault(1, |v| v.additional_assets_need_unstaking = 1),
                err::NON_ZERO_ADDITIONAL_ASSETS_NEEDED,
            ),
        ],
    );

    // Only one of the two operators cranked: not finished.
    let (mut w2, ops2) = crank_world();
    w2.exec(&crank_tx(&w2, &ops2[1], NEXT_EPOCH).ix);
    close_tx(&w2, NEXT_EPOCH).fails_custom(&w2, err::VAULT_UPDATE_STATE_NOT_FINISHED_UPDATING);
    // None cranked.
    let (w3, _) = crank_world();
    close_tx(&w3, NEXT_EPOCH).fails_custom(&w3, err::VAULT_UPDATE_STATE_NOT_FINISHED_UPDATING);

    // The finished tracker closes; afterwards the vault is up to date.
    let r = w.exec(&close_tx(&w, NEXT_EPOCH).ix);
    print_cu("vault", "CloseVaultUpdateStateTracker", &r);
    init_tx(&w, NEXT_EPOCH).fails_custom(&w, err::VAULT_IS_UPDATED);
    let _ = ops;
}

// ---------------------------------------------------------------------------
// Scenario over several epochs
// ---------------------------------------------------------------------------

/// Runs the full update of the current epoch (init, crank every operator from
/// `epoch % n` on, close), checking each step against the model.
fn full_update(w: &mut VaultScenario, ops: &[RegisteredOperator]) {
    let slot = w.slot();
    let epoch = w.epoch();
    let mut vault = w.vault_state();
    let r = w.exec(&init_tx(w, epoch).ix);
    print_cu("vault", "InitializeVaultUpdateStateTracker", &r);
    model_begin_update(&mut vault, slot, CONFIG_PROGRAM_FEE_BPS);
    assert_eq!(w.vault_state(), vault);
    let mut tracker = TrackerState::new(w.vault, epoch);
    crank_from(
        w,
        ops,
        (epoch % ops.len() as u64) as usize,
        ops.len(),
        &mut vault,
        &mut tracker,
    );
    let r = w.exec(&close_tx(w, epoch).ix);
    print_cu("vault", "CloseVaultUpdateStateTracker", &r);
    model_finish_update(&mut vault, &tracker, slot);
    assert_eq!(w.vault_state(), vault);
    assert!(!w
        .accounts
        .get(&tracker_pda(&w.vault, epoch).0)
        .is_some_and(|a| a.lamports > 0));
    check_totals(w, ops);
}

/// Cranks `count` operators in index order starting at `start`, checking each against the model.
fn crank_from(
    w: &mut VaultScenario,
    ops: &[RegisteredOperator],
    start: usize,
    count: usize,
    vault: &mut VaultState,
    tracker: &mut TrackerState,
) {
    let slot = w.slot();
    for i in 0..count {
        let op = &ops[(start + i) % ops.len()];
        let mut vod = w.vod_state(op);
        let r = w.exec(&crank_tx(w, op, tracker.ncn_epoch).ix);
        print_cu("vault", "CrankVaultUpdateStateTracker", &r);
        model_crank(vault, &mut vod, tracker, slot);
        assert_eq!(w.vod_state(op), vod);
        assert_eq!(w.vault_state(), *vault);
        assert_eq!(&tracker_state(w, tracker.ncn_epoch), tracker);
    }
}

/// After a full update the vault's delegation state is the sum of its operators'.
fn check_totals(w: &VaultScenario, ops: &[RegisteredOperator]) {
    let mut total = Delegation::default();
    for op in ops {
        total.add(&w.vod_state(op).delegation);
    }
    let v = w.vault_state();
    assert_eq!(v.delegation, total);
    assert_eq!(v.additional_assets_need_unstaking, 0);
    assert!(v.delegation.total() <= v.tokens_deposited);
}

#[test]
fn scenario_over_several_epochs() {
    let mut w = VaultScenario::new();
    w.set_vault(|v| v.operator_count = 0);
    // Epoch 10: four operators registered and delegated with the real instructions.
    let ops: Vec<RegisteredOperator> = (1..=4u8).map(|n| w.add_operator(n, n as u64)).collect();
    for op in &ops {
        w.exec(&initialize_vault_operator_delegation(
            &w.config,
            &w.vault,
            &op.operator,
            &op.operator_vault_ticket,
            &op.vault_operator_delegation,
            &w.operator_admin,
            &w.payer,
        ));
    }
    for (op, amount) in ops.iter().zip([20_000u64, 25_000, 15_000, 30_000]) {
        w.exec(&delegation_change(
            tag::ADD_DELEGATION,
            &w.config,
            &w.vault,
            &op.operator,
            &op.vault_operator_delegation,
            &w.delegation_admin,
            amount,
        ));
    }
    // Part of operator 2's stake is cooled down by the admin.
    w.exec(&delegation_change(
        tag::COOLDOWN_DELEGATION,
        &w.config,
        &w.vault,
        &ops[1].operator,
        &ops[1].vault_operator_delegation,
        &w.delegation_admin,
        5_000,
    ));
    assert_eq!(
        w.vault_state().delegation,
        Delegation::new(85_000, 5_000, 0)
    );
    // Stakers queue 25_000 VRT for withdrawal (as EnqueueWithdrawal would book it).
    w.set_vault(|v| v.vrt_enqueued_for_cooldown_amount = 25_000);

    // Any delegation change needs an updated vault once the epoch turns.
    w.set_slot(START_SLOT + EPOCH_LENGTH);
    Tx::new(
        &w,
        delegation_change(
            tag::ADD_DELEGATION,
            &w.config,
            &w.vault,
            &ops[0].operator,
            &ops[0].vault_operator_delegation,
            &w.delegation_admin,
            1,
        ),
    )
    .fails_custom(&w, err::VAULT_UPDATE_NEEDED);

    // Epoch 11: start index 3. The operators cranked first give up stake for the withdrawals.
    full_update(&mut w, &ops);
    let v = w.vault_state();
    assert_eq!(v.vrt_cooling_down_amount, 25_000);
    assert!(
        v.delegation.cooling > 5_000,
        "greedy unstaking happened: {:?}",
        v.delegation
    );
    // Delegation changes work again after the update (not kept: the scenario
    // goes on with the state the update left). No new stake fits: the free
    // tokens are reserved for the queued withdrawals.
    let r = Tx::new(
        &w,
        delegation_change(
            tag::COOLDOWN_DELEGATION,
            &w.config,
            &w.vault,
            &ops[0].operator,
            &ops[0].vault_operator_delegation,
            &w.delegation_admin,
            1,
        ),
    )
    .run(&w);
    assert_success(&r);
    Tx::new(
        &w,
        delegation_change(
            tag::ADD_DELEGATION,
            &w.config,
            &w.vault,
            &ops[0].operator,
            &ops[0].vault_operator_delegation,
            &w.delegation_admin,
            1,
        ),
    )
    .fails_custom(&w, err::VAULT_UNDERFLOW);

    // Epoch 12: the cooled-down stake is released; the VRT become claimable.
    w.set_slot(START_SLOT + 2 * EPOCH_LENGTH + 7);
    full_update(&mut w, &ops);
    let v = w.vault_state();
    assert_eq!(v.delegation.cooling, 0);
    assert_eq!(v.delegation.enqueued, 0);
    assert_eq!(
        (v.vrt_cooling_down_amount, v.vrt_ready_to_claim_amount),
        (0, 25_000)
    );

    // Epoch 13: more withdrawals; the update starts but only two operators are
    // cranked before the epoch ends.
    w.set_vault(|v| v.vrt_enqueued_for_cooldown_amount = 40_000);
    w.set_slot(START_SLOT + 3 * EPOCH_LENGTH + 1);
    let epoch13 = w.epoch();
    let mut vault = w.vault_state();
    w.exec(&init_tx(&w, epoch13).ix);
    model_begin_update(&mut vault, w.slot(), CONFIG_PROGRAM_FEE_BPS);
    let needed13 = vault.additional_assets_need_unstaking;
    let mut tracker13 = TrackerState::new(w.vault, epoch13);
    crank_from(
        &mut w,
        &ops,
        (epoch13 % 4) as usize,
        2,
        &mut vault,
        &mut tracker13,
    );
    // The two cranked operators gave all their stake, and more is still needed.
    let left13 = w.vault_state().additional_assets_need_unstaking;
    assert!(left13 > 0 && left13 < needed13, "{needed13} {left13}");
    close_tx(&w, epoch13).fails_custom(&w, err::VAULT_UPDATE_STATE_NOT_FINISHED_UPDATING);

    // Epoch 14 arrives mid-update: the old tracker is useless for cranking...
    w.set_slot(START_SLOT + 4 * EPOCH_LENGTH + 2);
    crank_tx(&w, &ops[((epoch13 + 2) % 4) as usize], epoch13).fails(&w, PE::InvalidAccountData);
    // ...and the new update carries on where the old one stopped: the assets to
    // unstake stay, and the two operators already rolled forward are not asked again.
    let epoch14 = w.epoch();
    let r = w.exec(&init_tx(&w, epoch14).ix);
    print_cu("vault", "InitializeVaultUpdateStateTracker", &r);
    model_begin_update(&mut vault, w.slot(), CONFIG_PROGRAM_FEE_BPS);
    assert_eq!(w.vault_state(), vault);
    let mut tracker14 = TrackerState::new(w.vault, epoch14);
    assert_eq!(vault.additional_assets_need_unstaking, left13);
    crank_from(
        &mut w,
        &ops,
        (epoch14 % 4) as usize,
        4,
        &mut vault,
        &mut tracker14,
    );
    // Only the two operators not cranked in epoch 13 were cooled down now.
    for (i, op) in ops.iter().enumerate() {
        let cranked_in_13 = i == (epoch13 % 4) as usize || i == ((epoch13 + 1) % 4) as usize;
        assert_eq!(
            w.vod_state(op).delegation.staked == 0,
            cranked_in_13,
            "operator {i}"
        );
    }
    w.exec(&close_tx(&w, epoch14).ix);
    model_finish_update(&mut vault, &tracker14, w.slot());
    assert_eq!(w.vault_state(), vault);
    check_totals(&w, &ops);
    // The epoch-13 tracker is closed for its rent only.
    let before = w.vault_state();
    let payer_before = w.get(&w.payer).lamports;
    let r = w.exec(&close_tx(&w, epoch13).ix);
    print_cu("vault", "CloseVaultUpdateStateTracker", &r);
    assert_eq!(w.vault_state(), before);
    assert_eq!(
        w.get(&w.payer).lamports,
        payer_before + rent(TrackerState::LEN)
    );
    // Two epochs since the last full update: both VRT stages moved.
    let v = w.vault_state();
    assert_eq!(
        (
            v.vrt_enqueued_for_cooldown_amount,
            v.vrt_cooling_down_amount,
            v.vrt_ready_to_claim_amount
        ),
        (0, 0, 65_000)
    );
}

// ---------------------------------------------------------------------------
// Benchmark: CU per crank over 1, 8 and 64 operators
// ---------------------------------------------------------------------------

fn bench(n: usize) {
    let mut w = VaultScenario::new();
    let ops = w.add_delegated_operators(
        0,
        (0..n).map(|i| Delegation::new(1_000 + i as u64, (i % 3) as u64 * 10, (i % 2) as u64 * 5)),
        START_SLOT,
    );
    // Some withdrawals and little undelegated: the first operators cranked are
    // cooled down greedily.
    w.set_vault(|v| {
        v.vrt_enqueued_for_cooldown_amount = 1_200;
        v.tokens_deposited = v.delegation.total() + 500;
        v.vrt_supply = v.tokens_deposited;
    });
    w.set_slot(NEXT_SLOT);
    w.exec(&init_tx(&w, NEXT_EPOCH).ix);
    let start = (NEXT_EPOCH % n as u64) as usize;
    let mut cus = Vec::with_capacity(n);
    for i in 0..n {
        let op = &ops[(start + i) % n];
        let r = w.exec(&crank_tx(&w, op, NEXT_EPOCH).ix);
        print_cu("vault", "CrankVaultUpdateStateTracker", &r);
        cus.push(r.compute_units_consumed);
    }
    let r = w.exec(&close_tx(&w, NEXT_EPOCH).ix);
    print_cu("vault", "CloseVaultUpdateStateTracker", &r);
    check_totals(&w, &ops);
    let total: u64 = cus.iter().sum();
    println!(
        "BENCH vault CrankVaultUpdateStateTracker operators={n} min={} max={} mean={} total={total}",
        cus.iter().min().unwrap(),
        cus.iter().max().unwrap(),
        total / n as u64,
    );
}

#[test]
fn crank_benchmark_1_operator() {
    bench(1);
}

#[test]
fn crank_benchmark_8_operators() {
    bench(8);
}

#[test]
fn crank_benchmark_64_operators() {
    bench(64);
}
