//! Vault operator delegations: `InitializeVaultOperatorDelegation` (3),
//! `AddDelegation` (24) and `CooldownDelegation` (25).

use jito_vault_client::accounts::VaultOperatorDelegation;
use mollusk_tests::{scenarios::vault_updated::*, *};
use ProgramError as PE;

// ---------------------------------------------------------------------------
// InitializeVaultOperatorDelegation
// ---------------------------------------------------------------------------

fn init_delegation_world() -> (VaultScenario, RegisteredOperator, Tx) {
    let mut w = VaultScenario::new();
    w.set_vault(|v| v.operator_count = 2);
    let op = w.add_operator(1, 0);
    let ix = initialize_vault_operator_delegation(
        &w.config,
        &w.vault,
        &op.operator,
        &op.operator_vault_ticket,
        &op.vault_operator_delegation,
        &w.operator_admin,
        &w.payer,
    );
    let tx = Tx::new(&w, ix);
    (w, op, tx)
}

#[test]
fn initialize_vault_operator_delegation_ok() {
    let (w, op, tx) = init_delegation_world();
    let result = tx.run(&w);
    print_cu("vault", "InitializeVaultOperatorDelegation", &result);
    let (_, bump) = vault_operator_delegation_pda(&w.vault, &op.operator);
    let delegation = VaultOperatorDelegationState {
        vault: w.vault,
        operator: op.operator,
        delegation: Delegation::default(),
        last_update_slot: START_SLOT,
        index: 2,
        bump,
    };
    let mut vault = w.vault_state();
    vault.operator_count = 3;
    let len = VaultOperatorDelegationState::LEN;
    assert_changes(
        &result,
        &tx.accounts,
        &[
            (
                op.vault_operator_delegation,
                vault_account(delegation.to_bytes(), rent(len)),
            ),
            (w.vault, with_data(w.get(&w.vault), vault.to_bytes())),
            (
                w.payer,
                with_lamports(w.get(&w.payer), PAYER_LAMPORTS - rent(len)),
            ),
        ],
    );
    // The generated client's decoder reads the written delegation.
    let decoded =
        VaultOperatorDelegation::from_bytes(&account(&result, &op.vault_operator_delegation).data)
            .unwrap();
    assert_eq!((decoded.vault, decoded.operator), (w.vault, op.operator));
    assert_eq!(
        (decoded.last_update_slot, decoded.index, decoded.bump),
        (START_SLOT, 2, bump)
    );
    assert_eq!(decoded.delegation_state.staked_amount, 0);
    assert_eq!(
        VaultState::from_bytes(&account(&result, &w.vault).data).operator_count,
        3
    );
}

#[test]
fn initialize_vault_operator_delegation_failures() {
    let (w, op, tx) = init_delegation_world();
    let t = || tx.clone();
    // The ticket of another operator for this vault.
    let other_operator = operator_pda(&key2(2, 3)).0;
    let (other_ticket, other_bump) = operator_vault_ticket_pda(&other_operator, &w.vault);
    let other_ticket_account = owned_account(
        &RESTAKING_PROGRAM_ID,
        restaking_pair_ticket_bytes(
            5,
            &other_operator,
            &w.vault,
            active_at(START_SLOT),
            other_bump,
        ),
    );
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
                t().discriminator(0, 4),
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
                "ticket owner",
                t().owner(3, &VAULT_PROGRAM_ID),
                PE::InvalidAccountOwner,
            ),
            case(
                "ticket discriminator",
                t().discriminator(3, 6),
                PE::InvalidAccountData,
            ),
            case(
                "ticket of another operator",
                t().rekey(3, other_ticket, other_ticket_account),
                PE::InvalidAccountData,
            ),
            case(
                "delegation owned",
                t().account(4, vault_account(vec![], 1)),
                PE::InvalidAccountOwner,
            ),
            case(
                "delegation has data",
                t().account(4, Account::new(1, 4, &SYSTEM_PROGRAM_ID)),
                PE::AccountAlreadyInitialized,
            ),
            case(
                "delegation read-only",
                t().readonly(4),
                PE::InvalidAccountData,
            ),
            case(
                "admin not signer",
                t().unsigned(5),
                PE::MissingRequiredSignature,
            ),
            case(
                "payer not signer",
                t().unsigned(6),
                PE::MissingRequiredSignature,
            ),
            case("payer read-only", t().readonly(6), PE::InvalidAccountData),
            case(
                "system program",
                {
                    let (k, a) = program_account(&TOKEN_PROGRAM_ID);
                    t().rekey(7, k, a)
                },
                PE::IncorrectProgramId,
            ),
            case(
                "delegation not at the PDA",
                t().rekey(4, key(93), system_account(0)),
                PE::InvalidAccountData,
            ),
            custom(
                "wrong admin",
                t().rekey(5, w.delegation_admin, system_account(0)),
                err::VAULT_OPERATOR_ADMIN_INVALID,
            ),
            custom(
                "vault needs update",
                t().vault(1, |v| {
                    v.last_full_state_update_slot = START_SLOT - EPOCH_LENGTH
                }),
                err::VAULT_UPDATE_NEEDED,
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
                "operator count overflow",
                t().vault(1, |v| v.operator_count = u64::MAX),
                err::OPERATOR_OVERFLOW,
            ),
        ],
    );
    let _ = op;
}

// ---------------------------------------------------------------------------
// AddDelegation / CooldownDelegation
// ---------------------------------------------------------------------------

/// What the original reserves for VRT withdrawals: the burn output of every
/// queued, cooling-down and claimable VRT after program and withdrawal fees
/// (each rounded up, the program fee first).
fn reserve_for_withdrawals(v: &VaultState) -> u64 {
    if v.vrt_supply == 0 {
        return 0;
    }
    let vrt = v.vrt_enqueued_for_cooldown_amount
        + v.vrt_cooling_down_amount
        + v.vrt_ready_to_claim_amount;
    let fee = |bps: u16| ((vrt as u128 * bps as u128).div_ceil(10_000)) as u64;
    let program_fee = fee(v.program_fee_bps);
    let mut vault_fee = fee(v.withdrawal_fee_bps);
    if program_fee + vault_fee > vrt {
        vault_fee = vrt - program_fee;
    }
    let burn = vrt - program_fee - vault_fee;
    (burn as u128 * v.tokens_deposited as u128 / v.vrt_supply as u128) as u64
}

/// A vault with `delegated` already staked with operator 1 (and in the vault's totals).
fn delegated_world(delegated: Delegation) -> (VaultScenario, RegisteredOperator) {
    let mut w = VaultScenario::new();
    let op = w.add_delegated_operator(1, delegated, START_SLOT);
    (w, op)
}

fn add_tx(w: &VaultScenario, op: &RegisteredOperator, amount: u64) -> Tx {
    Tx::new(
        w,
        delegation_change(
            tag::ADD_DELEGATION,
            &w.config,
            &w.vault,
            &op.operator,
            &op.vault_operator_delegation,
            &w.delegation_admin,
            amount,
        ),
    )
}

fn cooldown_tx(w: &VaultScenario, op: &RegisteredOperator, amount: u64) -> Tx {
    Tx::new(
        w,
        delegation_change(
            tag::COOLDOWN_DELEGATION,
            &w.config,
            &w.vault,
            &op.operator,
            &op.vault_operator_delegation,
            &w.delegation_admin,
            amount,
        ),
    )
}

/// Expected vault and operator-delegation accounts after both delegation
/// states changed by `f`.
fn expect_both(
    w: &VaultScenario,
    op: &RegisteredOperator,
    f: impl Fn(&mut Delegation),
) -> [(Pubkey, Account); 2] {
    let mut vault = w.vault_state();
    f(&mut vault.delegation);
    let mut vod = w.vod_state(op);
    f(&mut vod.delegation);
    [
        (w.vault, with_data(w.get(&w.vault), vault.to_bytes())),
        (
            op.vault_operator_delegation,
            with_data(w.get(&op.vault_operator_delegation), vod.to_bytes()),
        ),
    ]
}

#[test]
fn add_delegation_ok() {
    let (w, op) = delegated_world(Delegation::new(10_000, 2_000, 1_000));
    let tx = add_tx(&w, &op, 30_000);
    let result = tx.run(&w);
    print_cu("vault", "AddDelegation", &result);
    assert_changes(
        &result,
        &tx.accounts,
        &expect_both(&w, &op, |d| d.staked += 30_000),
    );
}

/// The whole free balance can be delegated, one token more cannot: free =
/// deposits − delegated (all stages) − the reserve for VRT withdrawals.
#[test]
fn add_delegation_limit() {
    let (mut w, op) = delegated_world(Delegation::new(10_000, 2_000, 1_000));
    w.set_vault(|v| {
        v.vrt_enqueued_for_cooldown_amount = 7_000;
        v.vrt_cooling_down_amount = 3_001;
        v.vrt_ready_to_claim_amount = 999;
        v.tokens_deposited = 123_457;
        v.vrt_supply = 100_000;
    });
    let v = w.vault_state();
    let reserve = reserve_for_withdrawals(&v);
    assert!(reserve > 11_000 && reserve < 13_700, "reserve {reserve}");
    let free = v.tokens_deposited - v.delegation.total() - reserve;
    add_tx(&w, &op, free + 1).fails_custom(&w, err::VAULT_INSUFFICIENT_FUNDS);
    let tx = add_tx(&w, &op, free);
    let result = tx.run(&w);
    assert_changes(
        &result,
        &tx.accounts,
        &expect_both(&w, &op, |d| d.staked += free),
    );
}

#[test]
fn add_delegation_failures() {
    let (w, op) = delegated_world(Delegation::new(10_000, 0, 0));
    let tx = add_tx(&w, &op, 1_000);
    let t = || tx.clone();
    // Another operator's delegation: its stored operator is that operator (`jito_core::account`).
    let other_operator = operator_pda(&key2(2, 3)).0;
    let mut delegation_account = tx.get(3).clone();
    delegation_account.data[40..72].copy_from_slice(other_operator.as_ref());
    let other_vod = vault_operator_delegation_pda(&w.vault, &other_operator).0;
    let mut cases = delegation_account_cases(&w, &tx, other_vod, delegation_account);
    cases.extend([
        case(
            "short data",
            add_tx(&w, &op, 1).data_truncate(8),
            PE::InvalidInstructionData,
        ),
        case(
            "long data",
            add_tx(&w, &op, 1).data_push(0),
            PE::InvalidInstructionData,
        ),
        custom(
            "zero amount",
            add_tx(&w, &op, 0),
            err::VAULT_DELEGATION_ZERO,
        ),
        custom(
            "nothing deposited",
            t().vault(1, |v| v.tokens_deposited = 0),
            err::VAULT_UNDERFLOW,
        ),
        custom(
            "no vrt",
            t().vault(1, |v| v.vrt_supply = 0),
            err::VAULT_UNDERFLOW,
        ),
        custom(
            "more than free",
            add_tx(&w, &op, 90_001),
            err::VAULT_INSUFFICIENT_FUNDS,
        ),
        // Delegated beyond the deposits (reachable after a slash): underflow.
        custom(
            "over-delegated vault",
            t().vault(1, |v| v.delegation.staked = 100_001),
            err::VAULT_UNDERFLOW,
        ),
        custom(
            "operator stake overflow",
            t().data(3, |d| put_u64(d, 72, u64::MAX)),
            err::VAULT_SECURITY_OVERFLOW,
        ),
    ]);
    check_cases(&w, cases);
}

#[test]
fn cooldown_delegation_ok() {
    let (w, op) = delegated_world(Delegation::new(50_000, 1_000, 2_000));
    let tx = cooldown_tx(&w, &op, 20_000);
    let result = tx.run(&w);
    print_cu("vault", "CooldownDelegation", &result);
    assert_changes(
        &result,
        &tx.accounts,
        &expect_both(&w, &op, |d| {
            d.staked -= 20_000;
            d.enqueued += 20_000;
        }),
    );
}

#[test]
fn cooldown_delegation_failures() {
    let (w, op) = delegated_world(Delegation::new(50_000, 0, 0));
    let tx = cooldown_tx(&w, &op, 20_000);
    let t = || tx.clone();
    // Another operator's delegation: its stored operator is that operator (`jito_core::account`).
    let other_operator = operator_pda(&key2(2, 3)).0;
    let mut delegation_account = tx.get(3).clone();
    delegation_account.data[40..72].copy_from_slice(other_operator.as_ref());
    let other_vod = vault_operator_delegation_pda(&w.vault, &other_operator).0;
    let mut cases = delegation_account_cases(&w, &tx, other_vod, delegation_account);
    cases.extend([
        case(
            "short data",
            t().data_truncate(1),
            PE::InvalidInstructionData,
        ),
        custom(
            "zero amount",
            cooldown_tx(&w, &op, 0),
            err::VAULT_COOLDOWN_ZERO,
        ),
        custom(
            "more than staked",
            cooldown_tx(&w, &op, 50_001),
            err::VAULT_SECURITY_UNDERFLOW,
        ),
        // The operator's state is cooled first; the vault's total then refuses.
        custom(
            "vault total below the operator's",
            t().vault(1, |v| v.delegation.staked = 19_999),
            err::VAULT_SECURITY_UNDERFLOW,
        ),
        custom(
            "operator enqueued overflow",
            t().data(3, |d| put_u64(d, 80, u64::MAX)),
            err::VAULT_SECURITY_OVERFLOW,
        ),
    ]);
    check_cases(&w, cases);
}

/// The account checks AddDelegation and CooldownDelegation share.
fn delegation_account_cases(
    w: &VaultScenario,
    tx: &Tx,
    other_vod: Pubkey,
    delegation_account: Account,
) -> Vec<Case> {
    let t = || tx.clone();
    vec![
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
            t().discriminator(1, 4),
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
            t().discriminator(3, 3),
            PE::InvalidAccountData,
        ),
        case(
            "delegation length",
            t().data(3, |d| d.truncate(631)),
            PE::InvalidAccountData,
        ),
        case(
            "delegation of another operator",
            t().rekey(3, other_vod, delegation_account),
            PE::InvalidAccountData,
        ),
        case(
            "admin not signer",
            t().unsigned(4),
            PE::MissingRequiredSignature,
        ),
        custom(
            "wrong admin",
            t().rekey(4, w.operator_admin, system_account(0)),
            err::VAULT_DELEGATION_ADMIN_INVALID,
        ),
        custom(
            "vault needs update",
            t().vault(1, |v| {
                v.last_full_state_update_slot = START_SLOT - EPOCH_LENGTH
            }),
            err::VAULT_UPDATE_NEEDED,
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
    ]
}

/// Register three operators with the real instruction, delegate to each,
/// cool part of one down: the vault's totals are the sum of the operators'.
#[test]
fn delegate_to_several_operators() {
    let mut w = VaultScenario::new();
    let ops: Vec<RegisteredOperator> = (1..=3u8).map(|n| w.add_operator(n, n as u64)).collect();
    for (i, op) in ops.iter().enumerate() {
        let r = w.exec(&initialize_vault_operator_delegation(
            &w.config,
            &w.vault,
            &op.operator,
            &op.operator_vault_ticket,
            &op.vault_operator_delegation,
            &w.operator_admin,
            &w.payer,
        ));
        print_cu("vault", "InitializeVaultOperatorDelegation", &r);
        assert_eq!(w.vod_state(op).index, i as u64);
    }
    assert_eq!(w.vault_state().operator_count, 3);
    for (op, amount) in ops.iter().zip([10_000u64, 20_000, 30_000]) {
        let r = w.exec(&add_tx(&w, op, amount).ix);
        print_cu("vault", "AddDelegation", &r);
    }
    let r = w.exec(&cooldown_tx(&w, &ops[1], 5_000).ix);
    print_cu("vault", "CooldownDelegation", &r);
    let mut total = Delegation::default();
    for op in &ops {
        total.add(&w.vod_state(op).delegation);
    }
    assert_eq!(total, Delegation::new(55_000, 5_000, 0));
    assert_eq!(w.vault_state().delegation, total);
    // 60_000 of 100_000 delegated: 40_000 free.
    add_tx(&w, &ops[0], 40_001).fails_custom(&w, err::VAULT_INSUFFICIENT_FUNDS);
    w.exec(&add_tx(&w, &ops[0], 40_000).ix);
    assert_eq!(
        w.vault_state().delegation,
        Delegation::new(95_000, 5_000, 0)
    );
}
