//! Vault NCN and slasher tickets: `InitializeVaultNcnTicket` (4),
//! `WarmupVaultNcnTicket` (7), `CooldownVaultNcnTicket` (8),
//! `InitializeVaultNcnSlasherTicket` (6), `WarmupVaultNcnSlasherTicket` (9),
//! `CooldownVaultNcnSlasherTicket` (10) and
//! `InitializeVaultNcnSlasherOperatorTicket` (5).

use jito_vault_client::accounts::{
    VaultNcnSlasherOperatorTicket, VaultNcnSlasherTicket, VaultNcnTicket,
};
use mollusk_tests::{scenarios::vault_updated::*, *};
use ProgramError as PE;

// ---------------------------------------------------------------------------
// InitializeVaultNcnTicket
// ---------------------------------------------------------------------------

fn init_ncn_ticket_world() -> (VaultScenario, RegisteredNcn, Tx) {
    let mut w = VaultScenario::new();
    w.set_vault(|v| v.ncn_count = 3);
    let ncn = w.add_ncn(1, active_at(START_SLOT));
    let ix = initialize_vault_ncn_ticket(
        &w.config,
        &w.vault,
        &ncn.ncn,
        &ncn.ncn_vault_ticket,
        &ncn.vault_ncn_ticket,
        &w.ncn_admin,
        &w.payer,
    );
    let tx = Tx::new(&w, ix);
    (w, ncn, tx)
}

#[test]
fn initialize_vault_ncn_ticket_ok() {
    let (w, ncn, tx) = init_ncn_ticket_world();
    let result = tx.run(&w);
    print_cu("vault", "InitializeVaultNcnTicket", &result);

    let (_, bump) = vault_ncn_ticket_pda(&w.vault, &ncn.ncn);
    let ticket = VaultNcnTicketState {
        vault: w.vault,
        ncn: ncn.ncn,
        index: 3,
        state: Toggle::new(START_SLOT),
        bump,
    };
    let mut vault = w.vault_state();
    vault.ncn_count = 4;
    let payer = w.get(&w.payer);
    assert_changes(
        &result,
        &tx.accounts,
        &[
            (
                ncn.vault_ncn_ticket,
                vault_account(ticket.to_bytes(), rent(VaultNcnTicketState::LEN)),
            ),
            (w.vault, with_data(w.get(&w.vault), vault.to_bytes())),
            (
                w.payer,
                with_lamports(payer, PAYER_LAMPORTS - rent(VaultNcnTicketState::LEN)),
            ),
        ],
    );
    // The generated client's decoders read the written accounts.
    let decoded =
        VaultNcnTicket::from_bytes(&account(&result, &ncn.vault_ncn_ticket).data).unwrap();
    assert_eq!((decoded.vault, decoded.ncn), (w.vault, ncn.ncn));
    assert_eq!((decoded.index, decoded.bump), (3, bump));
    assert_eq!(
        (decoded.state.slot_added, decoded.state.slot_removed),
        (START_SLOT, START_SLOT)
    );
    assert_eq!(
        VaultState::from_bytes(&account(&result, &w.vault).data).ncn_count,
        4
    );
}

/// Lamports sent to the ticket address before creation: the account is topped
/// up to rent exemption, allocated and assigned, as the original does.
#[test]
fn initialize_vault_ncn_ticket_prefunded_ok() {
    let (w, ncn, tx) = init_ncn_ticket_world();
    let tx = tx.account(4, system_account(1_000));
    let result = tx.run(&w);
    assert_success(&result);
    let ticket = account(&result, &ncn.vault_ncn_ticket);
    assert_eq!(ticket.owner, VAULT_PROGRAM_ID);
    assert_eq!(ticket.lamports, rent(VaultNcnTicketState::LEN));
    assert_eq!(ticket.data.len(), VaultNcnTicketState::LEN);
    assert_eq!(
        account(&result, &w.payer).lamports,
        PAYER_LAMPORTS - (rent(VaultNcnTicketState::LEN) - 1_000)
    );
}

#[test]
fn initialize_vault_ncn_ticket_failures() {
    let (w, ncn, tx) = init_ncn_ticket_world();
    let other = w.clone_ncn_keys_for(2);
    let t = || tx.clone();
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
                t().discriminator(0, 2),
                PE::InvalidAccountData,
            ),
            case(
                "config length",
                t().data(0, |d| d.push(0)),
                PE::InvalidAccountData,
            ),
            case(
                "config address",
                t().moved(0, key(90)),
                PE::InvalidAccountData,
            ),
            case(
                "vault owner",
                t().owner(1, &RESTAKING_PROGRAM_ID),
                PE::InvalidAccountOwner,
            ),
            case("vault read-only", t().readonly(1), PE::InvalidAccountData),
            case(
                "vault discriminator",
                t().discriminator(1, 3),
                PE::InvalidAccountData,
            ),
            case(
                "vault address",
                t().moved(1, key(91)),
                PE::InvalidAccountData,
            ),
            case(
                "ncn owner",
                t().owner(2, &VAULT_PROGRAM_ID),
                PE::InvalidAccountOwner,
            ),
            case(
                "ncn discriminator",
                t().discriminator(2, 3),
                PE::InvalidAccountData,
            ),
            case("ncn address", t().moved(2, key(92)), PE::InvalidAccountData),
            case(
                "ncn vault ticket owner",
                t().owner(3, &VAULT_PROGRAM_ID),
                PE::InvalidAccountOwner,
            ),
            case(
                "ncn vault ticket discriminator",
                t().discriminator(3, 5),
                PE::InvalidAccountData,
            ),
            case(
                "ncn vault ticket of another ncn",
                t().rekey(3, other.ncn_vault_ticket, other_ticket(&w, &other)),
                PE::InvalidAccountData,
            ),
            case(
                "vault ncn ticket owned",
                t().account(4, vault_account(vec![], 1)),
                PE::InvalidAccountOwner,
            ),
            case(
                "vault ncn ticket has data",
                t().account(4, Account::new(1, 8, &SYSTEM_PROGRAM_ID)),
                PE::AccountAlreadyInitialized,
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
                "ticket not at the PDA",
                t().rekey(4, key(93), system_account(0)),
                PE::InvalidAccountData,
            ),
            custom(
                "wrong admin",
                t().rekey(5, w.operator_admin, system_account(0)),
                err::VAULT_NCN_ADMIN_INVALID,
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
                "ncn count overflow",
                t().vault(1, |v| v.ncn_count = u64::MAX),
                err::NCN_OVERFLOW,
            ),
        ],
    );
    let _ = ncn;
}

/// The restaking NcnVaultTicket of `other` for the vault, as an account.
fn other_ticket(w: &VaultScenario, other: &RegisteredNcn) -> Account {
    let (_, bump) = ncn_vault_ticket_pda(&other.ncn, &w.vault);
    owned_account(
        &RESTAKING_PROGRAM_ID,
        restaking_pair_ticket_bytes(6, &other.ncn, &w.vault, active_at(START_SLOT), bump),
    )
}

trait OtherNcn {
    fn clone_ncn_keys_for(&self, n: u8) -> RegisteredNcn;
}

impl OtherNcn for VaultScenario {
    /// Keys of another NCN (not stored in the world).
    fn clone_ncn_keys_for(&self, n: u8) -> RegisteredNcn {
        let base = key2(n, 1);
        let ncn = ncn_pda(&base).0;
        RegisteredNcn {
            base,
            ncn,
            ncn_vault_ticket: ncn_vault_ticket_pda(&ncn, &self.vault).0,
            vault_ncn_ticket: vault_ncn_ticket_pda(&self.vault, &ncn).0,
        }
    }
}

// ---------------------------------------------------------------------------
// WarmupVaultNcnTicket / CooldownVaultNcnTicket
// ---------------------------------------------------------------------------

fn ncn_ticket_world(state: Toggle) -> (VaultScenario, RegisteredNcn) {
    let mut w = VaultScenario::new();
    let ncn = w.add_ncn(1, active_at(START_SLOT));
    w.put_vault_ncn_ticket(&ncn, 0, state);
    (w, ncn)
}

fn warmup_tx(w: &VaultScenario, ncn: &RegisteredNcn) -> Tx {
    Tx::new(
        w,
        vault_ncn_ticket_toggle(
            tag::WARMUP_VAULT_NCN_TICKET,
            &w.config,
            &w.vault,
            &ncn.ncn,
            &ncn.vault_ncn_ticket,
            &w.ncn_admin,
        ),
    )
}

fn cooldown_tx(w: &VaultScenario, ncn: &RegisteredNcn) -> Tx {
    Tx::new(
        w,
        vault_ncn_ticket_toggle(
            tag::COOLDOWN_VAULT_NCN_TICKET,
            &w.config,
            &w.vault,
            &ncn.ncn,
            &ncn.vault_ncn_ticket,
            &w.ncn_admin,
        ),
    )
}

#[test]
fn warmup_vault_ncn_ticket_ok() {
    // Created two epochs ago, never activated: inactive.
    let created = START_SLOT - 2 * EPOCH_LENGTH;
    let (w, ncn) = ncn_ticket_world(Toggle::new(created));
    let tx = warmup_tx(&w, &ncn);
    let result = tx.run(&w);
    print_cu("vault", "WarmupVaultNcnTicket", &result);
    let (_, bump) = vault_ncn_ticket_pda(&w.vault, &ncn.ncn);
    let expected = VaultNcnTicketState {
        vault: w.vault,
        ncn: ncn.ncn,
        index: 0,
        state: Toggle {
            added: START_SLOT,
            removed: created,
        },
        bump,
    };
    let ticket = w.get(&ncn.vault_ncn_ticket);
    assert_changes(
        &result,
        &tx.accounts,
        &[(ncn.vault_ncn_ticket, with_data(ticket, expected.to_bytes()))],
    );
}

#[test]
fn cooldown_vault_ncn_ticket_ok() {
    let state = active_at(START_SLOT);
    let (w, ncn) = ncn_ticket_world(state);
    let tx = cooldown_tx(&w, &ncn);
    let result = tx.run(&w);
    print_cu("vault", "CooldownVaultNcnTicket", &result);
    let (_, bump) = vault_ncn_ticket_pda(&w.vault, &ncn.ncn);
    let expected = VaultNcnTicketState {
        vault: w.vault,
        ncn: ncn.ncn,
        index: 0,
        state: Toggle {
            added: state.added,
            removed: START_SLOT,
        },
        bump,
    };
    let ticket = w.get(&ncn.vault_ncn_ticket);
    assert_changes(
        &result,
        &tx.accounts,
        &[(ncn.vault_ncn_ticket, with_data(ticket, expected.to_bytes()))],
    );
}

/// Shared account checks of the warm-up / cool-down of an NCN ticket.
fn ncn_toggle_cases(w: &VaultScenario, tx: &Tx, other: &RegisteredNcn) -> Vec<Case> {
    let t = || tx.clone();
    let ticket = tx.get(3).clone();
    // Another NCN's ticket (its stored NCN is that NCN: a ticket exists only at
    // the PDA of the fields it stores, `jito_core::account`).
    let other_ticket_key = other.vault_ncn_ticket;
    let mut other_ticket = ticket.clone();
    other_ticket.data[40..72].copy_from_slice(other.ncn.as_ref());
    vec![
        case("extra data", t().data_push(1), PE::InvalidInstructionData),
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
        case(
            "vault discriminator",
            t().discriminator(1, 1),
            PE::InvalidAccountData,
        ),
        case(
            "vault address",
            t().moved(1, key(91)),
            PE::InvalidAccountData,
        ),
        case(
            "ncn owner",
            t().owner(2, &VAULT_PROGRAM_ID),
            PE::InvalidAccountOwner,
        ),
        case("ncn address", t().moved(2, key(92)), PE::InvalidAccountData),
        case(
            "ticket owner",
            t().owner(3, &RESTAKING_PROGRAM_ID),
            PE::InvalidAccountOwner,
        ),
        case("ticket read-only", t().readonly(3), PE::InvalidAccountData),
        case(
            "ticket discriminator",
            t().discriminator(3, 4),
            PE::InvalidAccountData,
        ),
        case(
            "ticket of another ncn",
            t().rekey(3, other_ticket_key, other_ticket),
            PE::InvalidAccountData,
        ),
        case(
            "admin not signer",
            t().unsigned(4),
            PE::MissingRequiredSignature,
        ),
        custom(
            "wrong admin",
            t().rekey(4, w.slasher_admin, system_account(0)),
            err::VAULT_NCN_ADMIN_INVALID,
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

#[test]
fn warmup_vault_ncn_ticket_failures() {
    let (w, ncn) = ncn_ticket_world(Toggle::new(START_SLOT - 2 * EPOCH_LENGTH));
    let tx = warmup_tx(&w, &ncn);
    let other = w.clone_ncn_keys_for(2);
    let mut cases = ncn_toggle_cases(&w, &tx, &other);
    let set_state = |s: Toggle| tx.clone().data(3, move |d| s.write(d, 80));
    // Not inactive: warming up, active, cooling down; and created this very slot.
    cases.push(custom(
        "warming up",
        set_state(Toggle {
            added: START_SLOT - 1,
            removed: 0,
        }),
        err::VAULT_NCN_TICKET_FAILED_WARMUP,
    ));
    cases.push(custom(
        "active",
        set_state(active_at(START_SLOT)),
        err::VAULT_NCN_TICKET_FAILED_WARMUP,
    ));
    cases.push(custom(
        "cooling down",
        set_state(Toggle {
            added: START_SLOT - 5 * EPOCH_LENGTH,
            removed: START_SLOT - EPOCH_LENGTH,
        }),
        err::VAULT_NCN_TICKET_FAILED_WARMUP,
    ));
    cases.push(custom(
        "created this slot",
        set_state(Toggle::new(START_SLOT)),
        err::VAULT_NCN_TICKET_FAILED_WARMUP,
    ));
    check_cases(&w, cases);
}

#[test]
fn cooldown_vault_ncn_ticket_failures() {
    let (w, ncn) = ncn_ticket_world(active_at(START_SLOT));
    let tx = cooldown_tx(&w, &ncn);
    let other = w.clone_ncn_keys_for(2);
    let mut cases = ncn_toggle_cases(&w, &tx, &other);
    let set_state = |s: Toggle| tx.clone().data(3, move |d| s.write(d, 80));
    cases.push(custom(
        "inactive",
        set_state(Toggle::new(START_SLOT - 3 * EPOCH_LENGTH)),
        err::VAULT_NCN_TICKET_FAILED_COOLDOWN,
    ));
    cases.push(custom(
        "warming up",
        set_state(Toggle {
            added: START_SLOT - EPOCH_LENGTH,
            removed: 0,
        }),
        err::VAULT_NCN_TICKET_FAILED_COOLDOWN,
    ));
    cases.push(custom(
        "cooling down",
        set_state(Toggle {
            added: START_SLOT - 5 * EPOCH_LENGTH,
            removed: START_SLOT - 1,
        }),
        err::VAULT_NCN_TICKET_FAILED_COOLDOWN,
    ));
    check_cases(&w, cases);
}

/// Initialize → warm-up → active two epochs later → cool-down → inactive two
/// epochs after that → warm-up again, with the vault kept up to date.
#[test]
fn vault_ncn_ticket_lifecycle() {
    let (mut w, ncn, tx) = init_ncn_ticket_world();
    w.exec(&tx.ix);
    // Warm-up in the creation slot changes nothing: refused.
    warmup_tx(&w, &ncn).fails_custom(&w, err::VAULT_NCN_TICKET_FAILED_WARMUP);
    w.warp_updated(START_SLOT + 1);
    w.exec(&warmup_tx(&w, &ncn).ix);
    // Warming up through the next epoch: no cool-down yet.
    w.warp_updated(START_SLOT + 2 * EPOCH_LENGTH - 1);
    cooldown_tx(&w, &ncn).fails_custom(&w, err::VAULT_NCN_TICKET_FAILED_COOLDOWN);
    w.warp_updated(START_SLOT + 2 * EPOCH_LENGTH);
    let r = w.exec(&cooldown_tx(&w, &ncn).ix);
    print_cu("vault", "CooldownVaultNcnTicket", &r);
    let state = Toggle::read(&w.get(&ncn.vault_ncn_ticket).data, 80);
    assert_eq!(
        state,
        Toggle {
            added: START_SLOT + 1,
            removed: START_SLOT + 2 * EPOCH_LENGTH
        }
    );
    w.warp_updated(START_SLOT + 4 * EPOCH_LENGTH - 1);
    warmup_tx(&w, &ncn).fails_custom(&w, err::VAULT_NCN_TICKET_FAILED_WARMUP);
    w.warp_updated(START_SLOT + 4 * EPOCH_LENGTH);
    w.exec(&warmup_tx(&w, &ncn).ix);
    let state = Toggle::read(&w.get(&ncn.vault_ncn_ticket).data, 80);
    assert_eq!(
        state,
        Toggle {
            added: START_SLOT + 4 * EPOCH_LENGTH,
            removed: START_SLOT + 2 * EPOCH_LENGTH
        }
    );
}

// ---------------------------------------------------------------------------
// InitializeVaultNcnSlasherTicket
// ---------------------------------------------------------------------------

fn init_slasher_ticket_world() -> (VaultScenario, RegisteredNcn, SlasherKeys, Tx) {
    let mut w = VaultScenario::new();
    w.set_vault(|v| v.slasher_count = 5);
    let ncn = w.add_ncn(1, active_at(START_SLOT));
    let slasher = w.add_ncn_slasher(&ncn, 7, 777);
    let ix = initialize_vault_ncn_slasher_ticket(
        &w.config,
        &w.vault,
        &ncn.ncn,
        &slasher.slasher,
        &slasher.ncn_slasher_ticket,
        &slasher.vault_slasher_ticket,
        &w.slasher_admin,
        &w.payer,
    );
    let tx = Tx::new(&w, ix);
    (w, ncn, slasher, tx)
}

#[test]
fn initialize_vault_ncn_slasher_ticket_ok() {
    let (w, ncn, slasher, tx) = init_slasher_ticket_world();
    let result = tx.run(&w);
    print_cu("vault", "InitializeVaultNcnSlasherTicket", &result);
    let (_, bump) = vault_ncn_slasher_ticket_pda(&w.vault, &ncn.ncn, &slasher.slasher);
    let ticket = VaultNcnSlasherTicketState {
        vault: w.vault,
        ncn: ncn.ncn,
        slasher: slasher.slasher,
        max_slashable_per_epoch: 777,
        index: 5,
        state: Toggle::new(START_SLOT),
        bump,
    };
    let mut vault = w.vault_state();
    vault.slasher_count = 6;
    let len = VaultNcnSlasherTicketState::LEN;
    assert_changes(
        &result,
        &tx.accounts,
        &[
            (
                slasher.vault_slasher_ticket,
                vault_account(ticket.to_bytes(), rent(len)),
            ),
            (w.vault, with_data(w.get(&w.vault), vault.to_bytes())),
            (
                w.payer,
                with_lamports(w.get(&w.payer), PAYER_LAMPORTS - rent(len)),
            ),
        ],
    );
    // The generated client's decoders read the written accounts.
    let decoded =
        VaultNcnSlasherTicket::from_bytes(&account(&result, &slasher.vault_slasher_ticket).data)
            .unwrap();
    assert_eq!(
        (decoded.vault, decoded.ncn, decoded.slasher),
        (w.vault, ncn.ncn, slasher.slasher)
    );
    assert_eq!(
        (decoded.max_slashable_per_epoch, decoded.index, decoded.bump),
        (777, 5, bump)
    );
    assert_eq!(decoded.state.slot_added, START_SLOT);
    assert_eq!(
        VaultState::from_bytes(&account(&result, &w.vault).data).slasher_count,
        6
    );
}

#[test]
fn initialize_vault_ncn_slasher_ticket_failures() {
    let (w, ncn, slasher, tx) = init_slasher_ticket_world();
    let t = || tx.clone();
    // The NCN's slasher ticket for another slasher.
    let other_slasher = key2(8, 5);
    let (other_ticket_key, other_bump) =
        ncn_vault_slasher_ticket_pda(&ncn.ncn, &w.vault, &other_slasher);
    let other_ticket = owned_account(
        &RESTAKING_PROGRAM_ID,
        ncn_vault_slasher_ticket_bytes(
            &ncn.ncn,
            &w.vault,
            &other_slasher,
            777,
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
                "config address",
                t().moved(0, key(90)),
                PE::InvalidAccountData,
            ),
            case(
                "vault owner",
                t().owner(1, &SYSTEM_PROGRAM_ID),
                PE::InvalidAccountOwner,
            ),
            case(
                "vault discriminator",
                t().discriminator(1, 5),
                PE::InvalidAccountData,
            ),
            case(
                "vault address",
                t().moved(1, key(91)),
                PE::InvalidAccountData,
            ),
            case(
                "ncn owner",
                t().owner(2, &VAULT_PROGRAM_ID),
                PE::InvalidAccountOwner,
            ),
            case("ncn address", t().moved(2, key(92)), PE::InvalidAccountData),
            case(
                "ncn slasher ticket owner",
                t().owner(4, &VAULT_PROGRAM_ID),
                PE::InvalidAccountOwner,
            ),
            case(
                "ncn slasher ticket discriminator",
                t().discriminator(4, 6),
                PE::InvalidAccountData,
            ),
            case(
                "ncn slasher ticket of another slasher",
                t().rekey(4, other_ticket_key, other_ticket),
                PE::InvalidAccountData,
            ),
            case(
                "slasher ticket owned",
                t().account(5, vault_account(vec![], 1)),
                PE::InvalidAccountOwner,
            ),
            case(
                "slasher ticket has data",
                t().account(5, Account::new(1, 1, &SYSTEM_PROGRAM_ID)),
                PE::AccountAlreadyInitialized,
            ),
            case(
                "slasher ticket read-only",
                t().readonly(5),
                PE::InvalidAccountData,
            ),
            case(
                "admin not signer",
                t().unsigned(6),
                PE::MissingRequiredSignature,
            ),
            case(
                "payer not signer",
                t().unsigned(7),
                PE::MissingRequiredSignature,
            ),
            case("payer read-only", t().readonly(7), PE::InvalidAccountData),
            case(
                "system program",
                {
                    let (k, a) = program_account(&TOKEN_PROGRAM_ID);
                    t().rekey(8, k, a)
                },
                PE::IncorrectProgramId,
            ),
            custom(
                "paused",
                t().vault(1, |v| v.is_paused = true),
                err::VAULT_IS_PAUSED,
            ),
            // The pause is checked before the ticket address, as in the original.
            custom(
                "paused and ticket not at the PDA",
                t().vault(1, |v| v.is_paused = true)
                    .rekey(5, key(93), system_account(0)),
                err::VAULT_IS_PAUSED,
            ),
            case(
                "ticket not at the PDA",
                t().rekey(5, key(93), system_account(0)),
                PE::InvalidAccountData,
            ),
            custom(
                "wrong admin",
                t().rekey(6, w.ncn_admin, system_account(0)),
                err::VAULT_SLASHER_ADMIN_INVALID,
            ),
            custom(
                "vault needs update",
                t().vault(1, |v| {
                    v.last_full_state_update_slot = START_SLOT - EPOCH_LENGTH
                }),
                err::VAULT_UPDATE_NEEDED,
            ),
            custom(
                "slasher count overflow",
                t().vault(1, |v| v.slasher_count = u64::MAX),
                err::SLASHER_OVERFLOW,
            ),
        ],
    );
    let _ = slasher;
}

// ---------------------------------------------------------------------------
// WarmupVaultNcnSlasherTicket / CooldownVaultNcnSlasherTicket
// ---------------------------------------------------------------------------

fn slasher_ticket_world(state: Toggle) -> (VaultScenario, RegisteredNcn, SlasherKeys) {
    let mut w = VaultScenario::new();
    let ncn = w.add_ncn(1, active_at(START_SLOT));
    let slasher = w.add_ncn_slasher(&ncn, 7, 777);
    w.put_vault_slasher_ticket(&ncn, &slasher, 777, 2, state);
    (w, ncn, slasher)
}

fn slasher_warmup_tx(w: &VaultScenario, ncn: &RegisteredNcn, s: &SlasherKeys) -> Tx {
    Tx::new(
        w,
        vault_ncn_slasher_ticket_toggle(
            tag::WARMUP_VAULT_NCN_SLASHER_TICKET,
            &w.config,
            &w.vault,
            &ncn.ncn,
            &s.slasher,
            &s.vault_slasher_ticket,
            &w.slasher_admin,
        ),
    )
}

fn slasher_cooldown_tx(w: &VaultScenario, ncn: &RegisteredNcn, s: &SlasherKeys) -> Tx {
    Tx::new(
        w,
        vault_ncn_slasher_ticket_toggle(
            tag::COOLDOWN_VAULT_NCN_SLASHER_TICKET,
            &w.config,
            &w.vault,
            &ncn.ncn,
            &s.slasher,
            &s.vault_slasher_ticket,
            &w.slasher_admin,
        ),
    )
}

fn expected_slasher_ticket(
    w: &VaultScenario,
    ncn: &RegisteredNcn,
    s: &SlasherKeys,
    state: Toggle,
) -> Vec<u8> {
    let (_, bump) = vault_ncn_slasher_ticket_pda(&w.vault, &ncn.ncn, &s.slasher);
    VaultNcnSlasherTicketState {
        vault: w.vault,
        ncn: ncn.ncn,
        slasher: s.slasher,
        max_slashable_per_epoch: 777,
        index: 2,
        state,
        bump,
    }
    .to_bytes()
}

#[test]
fn warmup_vault_ncn_slasher_ticket_ok() {
    let created = START_SLOT - 3;
    let (w, ncn, s) = slasher_ticket_world(Toggle::new(created));
    let tx = slasher_warmup_tx(&w, &ncn, &s);
    let result = tx.run(&w);
    print_cu("vault", "WarmupVaultNcnSlasherTicket", &result);
    let expected = expected_slasher_ticket(
        &w,
        &ncn,
        &s,
        Toggle {
            added: START_SLOT,
            removed: created,
        },
    );
    assert_changes(
        &result,
        &tx.accounts,
        &[(
            s.vault_slasher_ticket,
            with_data(w.get(&s.vault_slasher_ticket), expected),
        )],
    );
}

#[test]
fn cooldown_vault_ncn_slasher_ticket_ok() {
    let state = active_at(START_SLOT);
    let (w, ncn, s) = slasher_ticket_world(state);
    let tx = slasher_cooldown_tx(&w, &ncn, &s);
    let result = tx.run(&w);
    print_cu("vault", "CooldownVaultNcnSlasherTicket", &result);
    let expected = expected_slasher_ticket(
        &w,
        &ncn,
        &s,
        Toggle {
            added: state.added,
            removed: START_SLOT,
        },
    );
    assert_changes(
        &result,
        &tx.accounts,
        &[(
            s.vault_slasher_ticket,
            with_data(w.get(&s.vault_slasher_ticket), expected),
        )],
    );
}

fn slasher_toggle_cases(w: &VaultScenario, tx: &Tx, ncn: &RegisteredNcn) -> Vec<Case> {
    let t = || tx.clone();
    let ticket = tx.get(4).clone();
    // The same ticket bytes presented for another slasher key.
    let other_slasher = key2(9, 5);
    let other_ticket_key = vault_ncn_slasher_ticket_pda(&w.vault, &ncn.ncn, &other_slasher).0;
    // Its stored slasher is that slasher (`jito_core::account`).
    let mut other_ticket = ticket.clone();
    other_ticket.data[72..104].copy_from_slice(other_slasher.as_ref());
    vec![
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
        case(
            "vault address",
            t().moved(1, key(91)),
            PE::InvalidAccountData,
        ),
        case(
            "ncn owner",
            t().owner(2, &VAULT_PROGRAM_ID),
            PE::InvalidAccountOwner,
        ),
        case("ncn address", t().moved(2, key(92)), PE::InvalidAccountData),
        case(
            "ticket owner",
            t().owner(4, &RESTAKING_PROGRAM_ID),
            PE::InvalidAccountOwner,
        ),
        case(
            "ticket discriminator",
            t().discriminator(4, 3),
            PE::InvalidAccountData,
        ),
        case(
            "ticket of another slasher",
            t().rekey(4, other_ticket_key, other_ticket),
            PE::InvalidAccountData,
        ),
        case(
            "slasher key differs",
            t().rekey(3, other_slasher, system_account(0)),
            PE::InvalidAccountData,
        ),
        case(
            "admin not signer",
            t().unsigned(5),
            PE::MissingRequiredSignature,
        ),
        custom(
            "wrong admin",
            t().rekey(5, w.ncn_admin, system_account(0)),
            err::VAULT_SLASHER_ADMIN_INVALID,
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

#[test]
fn warmup_vault_ncn_slasher_ticket_failures() {
    let (w, ncn, s) = slasher_ticket_world(Toggle::new(START_SLOT - 3));
    let tx = slasher_warmup_tx(&w, &ncn, &s);
    let mut cases = slasher_toggle_cases(&w, &tx, &ncn);
    let set_state = |st: Toggle| tx.clone().data(4, move |d| st.write(d, 120));
    cases.push(custom(
        "active",
        set_state(active_at(START_SLOT)),
        err::VAULT_NCN_SLASHER_TICKET_FAILED_WARMUP,
    ));
    cases.push(custom(
        "warming up",
        set_state(Toggle {
            added: START_SLOT - 10,
            removed: 0,
        }),
        err::VAULT_NCN_SLASHER_TICKET_FAILED_WARMUP,
    ));
    cases.push(custom(
        "created this slot",
        set_state(Toggle::new(START_SLOT)),
        err::VAULT_NCN_SLASHER_TICKET_FAILED_WARMUP,
    ));
    check_cases(&w, cases);

    // As the original, the ticket is not checked for writability; passed
    // read-only, the write is refused by the runtime and nothing changes.
    let ro = tx.clone().readonly(4);
    let result = ro.run(&w);
    assert!(
        result.program_result.is_err(),
        "read-only ticket must not be updated"
    );
    assert_eq!(
        account(&result, &s.vault_slasher_ticket),
        w.get(&s.vault_slasher_ticket)
    );
}

#[test]
fn cooldown_vault_ncn_slasher_ticket_failures() {
    let (w, ncn, s) = slasher_ticket_world(active_at(START_SLOT));
    let tx = slasher_cooldown_tx(&w, &ncn, &s);
    let mut cases = slasher_toggle_cases(&w, &tx, &ncn);
    cases.push(case(
        "ticket read-only",
        tx.clone().readonly(4),
        PE::InvalidAccountData,
    ));
    let set_state = |st: Toggle| tx.clone().data(4, move |d| st.write(d, 120));
    cases.push(custom(
        "inactive",
        set_state(Toggle::new(START_SLOT - 3)),
        err::VAULT_NCN_SLASHER_TICKET_FAILED_COOLDOWN,
    ));
    cases.push(custom(
        "warming up",
        set_state(Toggle {
            added: START_SLOT - 10,
            removed: 0,
        }),
        err::VAULT_NCN_SLASHER_TICKET_FAILED_COOLDOWN,
    ));
    check_cases(&w, cases);
}

/// Initialize → warm-up (next slot) → active two epochs on → cool-down.
#[test]
fn vault_ncn_slasher_ticket_lifecycle() {
    let (mut w, ncn, s, tx) = init_slasher_ticket_world();
    w.exec(&tx.ix);
    slasher_warmup_tx(&w, &ncn, &s).fails_custom(&w, err::VAULT_NCN_SLASHER_TICKET_FAILED_WARMUP);
    w.warp_updated(START_SLOT + EPOCH_LENGTH);
    w.exec(&slasher_warmup_tx(&w, &ncn, &s).ix);
    w.warp_updated(START_SLOT + 3 * EPOCH_LENGTH - 1);
    slasher_cooldown_tx(&w, &ncn, &s)
        .fails_custom(&w, err::VAULT_NCN_SLASHER_TICKET_FAILED_COOLDOWN);
    w.warp_updated(START_SLOT + 3 * EPOCH_LENGTH);
    w.exec(&slasher_cooldown_tx(&w, &ncn, &s).ix);
    let state = Toggle::read(&w.get(&s.vault_slasher_ticket).data, 120);
    assert_eq!(
        state,
        Toggle {
            added: START_SLOT + EPOCH_LENGTH,
            removed: START_SLOT + 3 * EPOCH_LENGTH
        }
    );
}

// ---------------------------------------------------------------------------
// InitializeVaultNcnSlasherOperatorTicket
// ---------------------------------------------------------------------------

fn init_slasher_operator_world() -> (
    VaultScenario,
    RegisteredNcn,
    SlasherKeys,
    RegisteredOperator,
    Pubkey,
    Tx,
) {
    let mut w = VaultScenario::new();
    let ncn = w.add_ncn(1, active_at(START_SLOT));
    let s = w.add_ncn_slasher(&ncn, 7, 777);
    w.put_vault_slasher_ticket(&ncn, &s, 777, 0, active_at(START_SLOT));
    let op = w.add_operator(3, 0);
    let epoch = START_SLOT / EPOCH_LENGTH;
    let target =
        vault_ncn_slasher_operator_ticket_pda(&w.vault, &ncn.ncn, &s.slasher, &op.operator, epoch)
            .0;
    w.accounts.insert(target, system_account(0));
    let ix = initialize_vault_ncn_slasher_operator_ticket(
        &w.config,
        &w.vault,
        &ncn.ncn,
        &s.slasher,
        &op.operator,
        &s.vault_slasher_ticket,
        &target,
        &w.payer,
    );
    let tx = Tx::new(&w, ix);
    (w, ncn, s, op, target, tx)
}

#[test]
fn initialize_vault_ncn_slasher_operator_ticket_ok() {
    let (w, ncn, s, op, target, tx) = init_slasher_operator_world();
    let result = tx.run(&w);
    print_cu("vault", "InitializeVaultNcnSlasherOperatorTicket", &result);
    let epoch = START_SLOT / EPOCH_LENGTH;
    let (_, bump) =
        vault_ncn_slasher_operator_ticket_pda(&w.vault, &ncn.ncn, &s.slasher, &op.operator, epoch);
    let ticket = VaultNcnSlasherOperatorTicketState {
        vault: w.vault,
        ncn: ncn.ncn,
        slasher: s.slasher,
        operator: op.operator,
        epoch,
        slashed: 0,
        bump,
    };
    let len = VaultNcnSlasherOperatorTicketState::LEN;
    assert_changes(
        &result,
        &tx.accounts,
        &[
            (target, vault_account(ticket.to_bytes(), rent(len))),
            (
                w.payer,
                with_lamports(w.get(&w.payer), PAYER_LAMPORTS - rent(len)),
            ),
        ],
    );
    // The generated client's decoder reads the written ticket.
    let decoded =
        VaultNcnSlasherOperatorTicket::from_bytes(&account(&result, &target).data).unwrap();
    assert_eq!(
        (
            decoded.vault,
            decoded.ncn,
            decoded.slasher,
            decoded.operator
        ),
        (w.vault, ncn.ncn, s.slasher, op.operator)
    );
    assert_eq!(
        (decoded.epoch, decoded.slashed, decoded.bump),
        (epoch, 0, bump)
    );
}

#[test]
fn initialize_vault_ncn_slasher_operator_ticket_failures() {
    let (w, ncn, s, op, _target, tx) = init_slasher_operator_world();
    let t = || tx.clone();
    let epoch = START_SLOT / EPOCH_LENGTH;
    let last_epoch_target = vault_ncn_slasher_operator_ticket_pda(
        &w.vault,
        &ncn.ncn,
        &s.slasher,
        &op.operator,
        epoch - 1,
    )
    .0;
    let other_slasher_ticket = vault_ncn_slasher_ticket_pda(&w.vault, &ncn.ncn, &key2(9, 5)).0;
    // Another slasher's ticket: its stored slasher is that slasher (`jito_core::account`).
    let mut slasher_ticket = tx.get(5).clone();
    slasher_ticket.data[72..104].copy_from_slice(key2(9, 5).as_ref());
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
                "config address",
                t().moved(0, key(90)),
                PE::InvalidAccountData,
            ),
            case(
                "vault owner",
                t().owner(1, &SYSTEM_PROGRAM_ID),
                PE::InvalidAccountOwner,
            ),
            case(
                "vault address",
                t().moved(1, key(91)),
                PE::InvalidAccountData,
            ),
            case(
                "ncn owner",
                t().owner(2, &VAULT_PROGRAM_ID),
                PE::InvalidAccountOwner,
            ),
            case("ncn address", t().moved(2, key(92)), PE::InvalidAccountData),
            case(
                "operator owner",
                t().owner(4, &VAULT_PROGRAM_ID),
                PE::InvalidAccountOwner,
            ),
            case(
                "operator discriminator",
                t().discriminator(4, 2),
                PE::InvalidAccountData,
            ),
            case(
                "operator address",
                t().moved(4, key(94)),
                PE::InvalidAccountData,
            ),
            case(
                "slasher ticket owner",
                t().owner(5, &RESTAKING_PROGRAM_ID),
                PE::InvalidAccountOwner,
            ),
            case(
                "slasher ticket discriminator",
                t().discriminator(5, 3),
                PE::InvalidAccountData,
            ),
            case(
                "slasher ticket of another slasher",
                t().rekey(5, other_slasher_ticket, slasher_ticket),
                PE::InvalidAccountData,
            ),
            case(
                "target owned",
                t().account(6, vault_account(vec![], 1)),
                PE::InvalidAccountOwner,
            ),
            case(
                "target has data",
                t().account(6, Account::new(1, 1, &SYSTEM_PROGRAM_ID)),
                PE::AccountAlreadyInitialized,
            ),
            case("target read-only", t().readonly(6), PE::InvalidAccountData),
            case(
                "payer not signer",
                t().unsigned(7),
                PE::MissingRequiredSignature,
            ),
            case(
                "system program",
                {
                    let (k, a) = program_account(&TOKEN_PROGRAM_ID);
                    t().rekey(8, k, a)
                },
                PE::IncorrectProgramId,
            ),
            custom(
                "zero epoch length",
                t().epoch_length(0, 0),
                err::BAD_EPOCH_LENGTH,
            ),
            case(
                "target of last epoch",
                t().rekey(6, last_epoch_target, system_account(0)),
                PE::InvalidAccountData,
            ),
            custom(
                "vault needs update",
                t().vault(1, |v| {
                    v.last_full_state_update_slot = START_SLOT - EPOCH_LENGTH
                }),
                err::VAULT_UPDATE_NEEDED,
            ),
            custom(
                "paused",
                t().vault(1, |v| v.is_paused = true),
                err::VAULT_IS_PAUSED,
            ),
        ],
    );
}
