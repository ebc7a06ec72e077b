//! Warm-up / cool-down of the restaking opt-in toggles: the ten instructions
//! `WarmupNcnVaultTicket` … `CooldownOperatorVaultTicket` (tags 7–16).
//!
//! Each test runs over all ten instructions, described by a `Case`. Epochs are
//! 100 slots long (the config account is written directly); toggles are
//! created at slot 10, so:
//! * `(10, 10)` is inactive;
//! * `(110, 10)` (added in epoch 1) warms up through epoch 2 and is active from slot 300;
//! * `(110, 320)` (removed in epoch 3) cools down through epoch 4 and is inactive from slot 500.
//!
//! Instructions come from the generated client (through `scenarios::restaking_pair`);
//! each success is checked byte for byte and through the client's decoders.

use mollusk_tests::{scenarios::restaking_pair::*, *};

const EPOCH: u64 = 100;
const CREATED: u64 = 10;
const INACTIVE: (u64, u64) = (CREATED, CREATED);
const WARMING: (u64, u64) = (110, CREATED);
const COOLING: (u64, u64) = (110, 320);

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    /// NCN ⇄ vault ticket, NCN vault admin.
    NcnVault,
    /// NcnOperatorState's NCN side, NCN operator admin.
    NcnSide,
    /// NcnOperatorState's operator side, operator NCN admin.
    OperatorSide,
    /// NCN vault slasher ticket, NCN slasher admin.
    Slasher,
    /// Operator ⇄ vault ticket, operator vault admin.
    OperatorVault,
}

#[derive(Clone, Copy, Debug)]
struct Case {
    name: &'static str,
    tag: u8,
    warmup: bool,
    kind: Kind,
    admin_err: u32,
    state_err: u32,
}

const CASES: [Case; 10] = [
    Case {
        name: "WarmupNcnVaultTicket",
        tag: tag::WARMUP_NCN_VAULT_TICKET,
        warmup: true,
        kind: Kind::NcnVault,
        admin_err: err::NCN_VAULT_ADMIN_INVALID,
        state_err: err::NCN_VAULT_TICKET_FAILED_WARMUP,
    },
    Case {
        name: "CooldownNcnVaultTicket",
        tag: tag::COOLDOWN_NCN_VAULT_TICKET,
        warmup: false,
        kind: Kind::NcnVault,
        admin_err: err::NCN_VAULT_ADMIN_INVALID,
        state_err: err::NCN_VAULT_TICKET_FAILED_COOLDOWN,
    },
    Case {
        name: "NcnWarmupOperator",
        tag: tag::NCN_WARMUP_OPERATOR,
        warmup: true,
        kind: Kind::NcnSide,
        admin_err: err::NCN_OPERATOR_ADMIN_INVALID,
        state_err: err::NCN_WARMUP_OPERATOR_FAILED,
    },
    Case {
        name: "NcnCooldownOperator",
        tag: tag::NCN_COOLDOWN_OPERATOR,
        warmup: false,
        kind: Kind::NcnSide,
        admin_err: err::NCN_OPERATOR_ADMIN_INVALID,
        state_err: err::NCN_COOLDOWN_OPERATOR_FAILED,
    },
    Case {
        name: "OperatorWarmupNcn",
        tag: tag::OPERATOR_WARMUP_NCN,
        warmup: true,
        kind: Kind::OperatorSide,
        admin_err: err::OPERATOR_NCN_ADMIN_INVALID,
        state_err: err::OPERATOR_WARMUP_NCN_FAILED,
    },
    Case {
        name: "OperatorCooldownNcn",
        tag: tag::OPERATOR_COOLDOWN_NCN,
        warmup: false,
        kind: Kind::OperatorSide,
        admin_err: err::OPERATOR_NCN_ADMIN_INVALID,
        state_err: err::OPERATOR_COOLDOWN_NCN_FAILED,
    },
    Case {
        name: "WarmupNcnVaultSlasherTicket",
        tag: tag::WARMUP_NCN_VAULT_SLASHER_TICKET,
        warmup: true,
        kind: Kind::Slasher,
        admin_err: err::NCN_SLASHER_ADMIN_INVALID,
        state_err: err::NCN_VAULT_SLASHER_TICKET_FAILED_WARMUP,
    },
    Case {
        name: "CooldownNcnVaultSlasherTicket",
        tag: tag::COOLDOWN_NCN_VAULT_SLASHER_TICKET,
        warmup: false,
        kind: Kind::Slasher,
        admin_err: err::NCN_SLASHER_ADMIN_INVALID,
        state_err: err::NCN_VAULT_SLASHER_TICKET_FAILED_COOLDOWN,
    },
    Case {
        name: "WarmupOperatorVaultTicket",
        tag: tag::WARMUP_OPERATOR_VAULT_TICKET,
        warmup: true,
        kind: Kind::OperatorVault,
        admin_err: err::OPERATOR_VAULT_ADMIN_INVALID,
        state_err: err::OPERATOR_VAULT_TICKET_FAILED_WARMUP,
    },
    Case {
        name: "CooldownOperatorVaultTicket",
        tag: tag::COOLDOWN_OPERATOR_VAULT_TICKET,
        warmup: false,
        kind: Kind::OperatorVault,
        admin_err: err::OPERATOR_VAULT_ADMIN_INVALID,
        state_err: err::OPERATOR_VAULT_TICKET_FAILED_COOLDOWN,
    },
];

impl Case {
    /// The instruction, signed by `admin`.
    fn ix(&self, w: &RestakingScenario, admin: &Pubkey) -> Instruction {
        match self.kind {
            Kind::NcnVault => toggle_ix(
                self.tag,
                &w.config,
                &w.ncn,
                &w.vault,
                &w.ncn_vault_ticket,
                admin,
            ),
            Kind::NcnSide | Kind::OperatorSide => toggle_ix(
                self.tag,
                &w.config,
                &w.ncn,
                &w.operator,
                &w.ncn_operator_state,
                admin,
            ),
            Kind::OperatorVault => toggle_ix(
                self.tag,
                &w.config,
                &w.operator,
                &w.vault,
                &w.operator_vault_ticket,
                admin,
            ),
            Kind::Slasher if self.warmup => warmup_ncn_vault_slasher_ticket_ix(
                &w.config,
                &w.ncn,
                &w.vault,
                &w.slasher,
                &w.ncn_vault_ticket,
                &w.ncn_vault_slasher_ticket,
                admin,
            ),
            Kind::Slasher => cooldown_ncn_vault_slasher_ticket_ix(
                &w.config,
                &w.ncn,
                &w.vault,
                &w.slasher,
                &w.ncn_vault_slasher_ticket,
                admin,
            ),
        }
    }

    /// The written account and the offset of its toggle.
    fn target(&self, w: &RestakingScenario) -> (Pubkey, usize) {
        match self.kind {
            Kind::NcnVault => (w.ncn_vault_ticket, TICKET_TOGGLE),
            Kind::NcnSide => (w.ncn_operator_state, NCN_OPERATOR_STATE_NCN_TOGGLE),
            Kind::OperatorSide => (w.ncn_operator_state, NCN_OPERATOR_STATE_OPERATOR_TOGGLE),
            Kind::Slasher => (w.ncn_vault_slasher_ticket, SLASHER_TICKET_TOGGLE),
            Kind::OperatorVault => (w.operator_vault_ticket, TICKET_TOGGLE),
        }
    }

    /// The toggle this instruction writes, read through the generated client.
    fn client_toggle(&self, data: &[u8]) -> (u64, u64) {
        match self.kind {
            Kind::NcnVault => toggle(&decode::ncn_vault_ticket(data).state),
            Kind::NcnSide => toggle(&decode::ncn_operator_state(data).ncn_opt_in_state),
            Kind::OperatorSide => toggle(&decode::ncn_operator_state(data).operator_opt_in_state),
            Kind::Slasher => toggle(&decode::ncn_vault_slasher_ticket(data).state),
            Kind::OperatorVault => toggle(&decode::operator_vault_ticket(data).state),
        }
    }

    /// Index of the written account in the instruction.
    fn target_index(&self) -> usize {
        match (self.kind, self.warmup) {
            (Kind::Slasher, true) => 5,
            (Kind::Slasher, false) => 4,
            _ => 3,
        }
    }

    /// The admin that holds the role in a fresh world.
    fn admin(&self, w: &RestakingScenario) -> Pubkey {
        match self.kind {
            Kind::NcnVault | Kind::NcnSide | Kind::Slasher => w.ncn_admin(),
            Kind::OperatorSide | Kind::OperatorVault => w.operator_admin(),
        }
    }

    /// Gives the role this instruction checks to `key`.
    fn give_role(&self, w: &mut RestakingScenario, key: Pubkey) {
        match self.kind {
            Kind::NcnVault => w.ncn_fields.vault_admin = key,
            Kind::NcnSide => w.ncn_fields.operator_admin = key,
            Kind::Slasher => w.ncn_fields.slasher_admin = key,
            Kind::OperatorSide => w.operator_fields.ncn_admin = key,
            Kind::OperatorVault => w.operator_fields.vault_admin = key,
        }
        w.store_ncn();
        w.store_operator();
    }

    /// Indices of the program accounts the instruction loads, in load order,
    /// each with the discriminator it expects (`None` for the vault).
    fn loaded(&self) -> Vec<usize> {
        match (self.kind, self.warmup) {
            (Kind::NcnVault, true) | (Kind::OperatorVault, _) => vec![0, 1, 2, 3],
            // The original does not load the vault here, only uses its address.
            (Kind::NcnVault, false) => vec![0, 1, 3],
            (Kind::NcnSide, _) | (Kind::OperatorSide, _) => vec![0, 1, 2, 3],
            (Kind::Slasher, true) => vec![0, 1, 2, 4, 5],
            (Kind::Slasher, false) => vec![0, 1, 2, 4],
        }
    }

    /// Whether the vault account (index 2) is loaded.
    fn loads_vault(&self) -> bool {
        !matches!(self.kind, Kind::NcnSide | Kind::OperatorSide) && self.loaded().contains(&2)
    }

    /// A toggle from which this instruction succeeds, the slot, and the toggle after it.
    fn good_transition(&self) -> ((u64, u64), u64, (u64, u64)) {
        if self.warmup {
            (INACTIVE, 150, (150, CREATED))
        } else {
            (WARMING, 300, (110, 300))
        }
    }
}

fn world_with(case: &Case, toggle: (u64, u64)) -> RestakingScenario {
    let mut w = RestakingScenario::new(EPOCH, CREATED);
    let (key, offset) = case.target(&w);
    w.set_toggle(&key, offset, toggle);
    w
}

/// Every account unchanged but `key`, whose data is `expected`.
#[track_caller]
fn assert_only_changed(
    result: &InstructionResult,
    before: &[(Pubkey, Account)],
    key: &Pubkey,
    expected: &[u8],
) {
    assert_success(result);
    assert_eq!(result.resulting_accounts.len(), before.len());
    for ((k, b), (k2, a)) in before.iter().zip(&result.resulting_accounts) {
        assert_eq!(k, k2);
        if k == key {
            assert_eq!(a.data, expected, "data of {k}");
            assert_eq!(a.lamports, b.lamports);
            assert_eq!(a.owner, b.owner);
            assert_eq!(a.executable, b.executable);
        } else {
            assert_eq!(a, b, "account {k} changed");
        }
    }
}

/// Runs `case` from `toggle` at `slot`; expects success and exactly `after`.
fn expect_transition(
    m: &mut Mollusk,
    case: &Case,
    toggle: (u64, u64),
    slot: u64,
    after: (u64, u64),
    cu: bool,
) {
    let mut w = world_with(case, toggle);
    let (key, offset) = case.target(&w);
    let mut expected = w.world.accounts[&key].data.clone();
    set_toggle(&mut expected, offset, after);
    m.warp_to_slot(slot);
    let ix = case.ix(&w, &case.admin(&w));
    let (result, before) = w.run_on(m, &ix);
    assert!(
        result.program_result.is_ok(),
        "{}: {:?}",
        case.name,
        result.program_result
    );
    assert_only_changed(&result, &before, &key, &expected);
    assert_eq!(
        case.client_toggle(&w.world.accounts[&key].data),
        after,
        "{}",
        case.name
    );
    if cu {
        print_cu("restaking", case.name, &result);
    }
}

fn expect_err(m: &Mollusk, w: &RestakingScenario, ix: &Instruction, err: ProgramError, what: &str) {
    let accounts = w.accounts_for(ix);
    let result = mollusk_tests::oracle::process(m, ix, &accounts);
    if result.program_result.is_ok()
        || matches!(&result.program_result, mollusk_svm::result::ProgramResult::Failure(e) if *e != err)
    {
        panic!("{what}: expected {err:?}, got {:?}", result.program_result);
    }
    assert_error(&result, &accounts, err);
}

#[test]
fn transitions_write_exactly_the_toggle() {
    let mut m = mollusk();
    for case in &CASES {
        let (from, slot, to) = case.good_transition();
        expect_transition(&mut m, case, from, slot, to, true);
        if case.warmup {
            // From inactive after a full cool-down: slot_added moves, slot_removed stays.
            expect_transition(&mut m, case, COOLING, 500, (500, 320), false);
            // Any slot of the epoch works, also the first one after creation.
            expect_transition(
                &mut m,
                case,
                INACTIVE,
                CREATED + 1,
                (CREATED + 1, CREATED),
                false,
            );
        } else {
            // Active long after warm-up; removal at a later epoch.
            expect_transition(&mut m, case, WARMING, 12_345, (110, 12_345), false);
            // Re-activated after a cool-down, then active again.
            expect_transition(&mut m, case, (700, 320), 900, (700, 900), false);
        }
    }
}

#[test]
fn wrong_state_fails_with_the_original_error() {
    let mut m = mollusk();
    for case in &CASES {
        let bad: &[((u64, u64), u64, &str)] = if case.warmup {
            &[
                (INACTIVE, CREATED, "inactive, at the creation slot"),
                (WARMING, 150, "warming up"),
                (WARMING, 299, "warming up, last slot"),
                (WARMING, 300, "active"),
                (COOLING, 350, "cooling down"),
                (COOLING, 499, "cooling down, last slot"),
            ]
        } else {
            &[
                (INACTIVE, 150, "inactive"),
                (INACTIVE, 10_000, "inactive, later"),
                (WARMING, 150, "warming up"),
                (WARMING, 299, "warming up, last slot"),
                (COOLING, 350, "cooling down"),
                (COOLING, 499, "cooling down, last slot"),
                (COOLING, 500, "inactive after cool-down"),
            ]
        };
        for (toggle, slot, what) in bad {
            let w = world_with(case, *toggle);
            m.warp_to_slot(*slot);
            let ix = case.ix(&w, &case.admin(&w));
            expect_err(
                &m,
                &w,
                &ix,
                ProgramError::Custom(case.state_err),
                &format!("{} {what}", case.name),
            );
        }
    }
}

#[test]
fn only_the_role_holder_may_toggle() {
    let mut m = mollusk();
    for case in &CASES {
        let (from, slot, to) = case.good_transition();
        m.warp_to_slot(slot);
        // A stranger.
        let w = world_with(case, from);
        let stranger = Pubkey::new_unique();
        expect_err(
            &m,
            &w,
            &case.ix(&w, &stranger),
            ProgramError::Custom(case.admin_err),
            case.name,
        );
        // The role moved away from the main admin: the main admin fails ...
        let mut w = world_with(case, from);
        let holder = Pubkey::new_unique();
        case.give_role(&mut w, holder);
        let main_admin = case.admin(&w);
        expect_err(
            &m,
            &w,
            &case.ix(&w, &main_admin),
            ProgramError::Custom(case.admin_err),
            case.name,
        );
        // ... and the role holder succeeds.
        let (key, offset) = case.target(&w);
        let mut expected = w.world.accounts[&key].data.clone();
        set_toggle(&mut expected, offset, to);
        let (result, before) = w.run_on(&m, &case.ix(&w, &holder));
        assert_only_changed(&result, &before, &key, &expected);
        assert_eq!(case.client_toggle(&w.world.accounts[&key].data), to);
    }
}

#[test]
fn admin_must_sign() {
    let mut m = mollusk();
    for case in &CASES {
        let (from, slot, _) = case.good_transition();
        m.warp_to_slot(slot);
        let w = world_with(case, from);
        let ix = case.ix(&w, &case.admin(&w));
        let last = ix.accounts.len() - 1;
        let ix = with_meta(ix, last, false, false);
        expect_err(
            &m,
            &w,
            &ix,
            ProgramError::MissingRequiredSignature,
            case.name,
        );
    }
}

#[test]
fn exact_account_count_and_no_trailing_data() {
    let mut m = mollusk();
    for case in &CASES {
        let (from, slot, _) = case.good_transition();
        m.warp_to_slot(slot);
        let w = world_with(case, from);
        let ix = case.ix(&w, &case.admin(&w));
        let mut fewer = ix.clone();
        fewer.accounts.pop();
        expect_err(
            &m,
            &w,
            &fewer,
            ProgramError::NotEnoughAccountKeys,
            case.name,
        );
        let mut more = ix.clone();
        more.accounts
            .push(AccountMeta::new_readonly(Pubkey::new_unique(), false));
        expect_err(&m, &w, &more, ProgramError::NotEnoughAccountKeys, case.name);
        let mut trailing = ix.clone();
        trailing.data.push(0);
        expect_err(
            &m,
            &w,
            &trailing,
            ProgramError::InvalidInstructionData,
            case.name,
        );
    }
}

#[test]
fn written_account_must_be_writable() {
    let mut m = mollusk();
    for case in &CASES {
        let (from, slot, _) = case.good_transition();
        m.warp_to_slot(slot);
        let w = world_with(case, from);
        let ix = case.ix(&w, &case.admin(&w));
        let ix = with_meta(ix, case.target_index(), false, false);
        expect_err(&m, &w, &ix, ProgramError::InvalidAccountData, case.name);
        // Checked before the signer: also the error when the admin does not sign.
        let last = ix.accounts.len() - 1;
        let ix = with_meta(ix, last, false, false);
        expect_err(&m, &w, &ix, ProgramError::InvalidAccountData, case.name);
    }
}

#[test]
fn each_loaded_account_checks_owner_discriminator_and_pda() {
    let mut m = mollusk();
    for case in &CASES {
        let (from, slot, _) = case.good_transition();
        m.warp_to_slot(slot);
        for index in case.loaded() {
            let what = format!("{} account {index}", case.name);
            let w = world_with(case, from);
            let ix = case.ix(&w, &case.admin(&w));
            let key = ix.accounts[index].pubkey;
            let is_vault = index == 2 && case.loads_vault();

            // Wrong owner: the system program (for the vault: the restaking program).
            let mut w2 = world_with(case, from);
            let mut a = w.world.accounts[&key].clone();
            a.owner = if is_vault {
                RESTAKING_PROGRAM_ID
            } else {
                SYSTEM_PROGRAM_ID
            };
            w2.world.accounts.insert(key, a);
            expect_err(
                &m,
                &w2,
                &ix,
                ProgramError::InvalidAccountOwner,
                &format!("{what} owner"),
            );

            // Wrong discriminator.
            let mut w2 = world_with(case, from);
            let a = w2.world.accounts.get_mut(&key).unwrap();
            a.data[0] = if a.data[0] == 7 { 1 } else { a.data[0] + 1 };
            expect_err(
                &m,
                &w2,
                &ix,
                ProgramError::InvalidAccountData,
                &format!("{what} discriminator"),
            );

            // Wrong length (one byte short).
            let mut w2 = world_with(case, from);
            let a = w2.world.accounts.get_mut(&key).unwrap();
            a.data.pop();
            expect_err(
                &m,
                &w2,
                &ix,
                ProgramError::InvalidAccountData,
                &format!("{what} length"),
            );

            // Another account of the same type, at its own PDA (a config: its
            // bytes at an address that is not its PDA). A copy of an NCN,
            // operator, vault or ticket at a non-PDA address cannot exist on
            // chain (`jito_core::account`).
            let mut w2 = world_with(case, from);
            let a = w2.world.accounts[&key].clone();
            let (moved, a) =
                mollusk_tests::negative::reseed(&a).unwrap_or((Pubkey::new_unique(), a));
            w2.world.accounts.insert(moved, a);
            let ix2 = with_key(ix.clone(), index, moved);
            expect_err(
                &m,
                &w2,
                &ix2,
                ProgramError::InvalidAccountData,
                &format!("{what} pda"),
            );
        }
    }
}

#[test]
fn tickets_are_bound_to_their_ncn_operator_vault_and_slasher() {
    let mut m = mollusk();
    for case in &CASES {
        let (from, slot, _) = case.good_transition();
        m.warp_to_slot(slot);
        // A second, valid NCN / operator / vault in place of the ticket's own.
        let w = world_with(case, from);
        let other = RestakingScenario::with_seed(EPOCH, CREATED, 2);
        let ix = case.ix(&w, &case.admin(&w));
        let swaps: Vec<(usize, Pubkey)> = match case.kind {
            Kind::NcnVault => vec![(1, other.ncn), (2, other.vault)],
            Kind::NcnSide | Kind::OperatorSide => vec![(1, other.ncn), (2, other.operator)],
            Kind::OperatorVault => vec![(1, other.operator), (2, other.vault)],
            Kind::Slasher => vec![(1, other.ncn), (2, other.vault), (3, other.slasher)],
        };
        for (index, key) in swaps {
            let mut w2 = world_with(case, from);
            w2.world.accounts.insert(key, other.account(&key));
            let ix2 = with_key(ix.clone(), index, key);
            expect_err(
                &m,
                &w2,
                &ix2,
                ProgramError::InvalidAccountData,
                &format!("{} swap {index}", case.name),
            );
        }
        if case.kind == Kind::Slasher && case.warmup {
            // The NCN vault ticket must be the one of this NCN and vault.
            let mut w2 = world_with(case, from);
            let t = other.ncn_vault_ticket;
            w2.world.accounts.insert(t, other.account(&t));
            let ix2 = with_key(ix.clone(), 4, t);
            expect_err(
                &m,
                &w2,
                &ix2,
                ProgramError::InvalidAccountData,
                "slasher: other ncn vault ticket",
            );
        }
    }
}

#[test]
fn vault_checks() {
    let mut m = mollusk();
    for case in CASES.iter().filter(|c| c.loads_vault()) {
        let (from, slot, to) = case.good_transition();
        m.warp_to_slot(slot);
        let w = world_with(case, from);
        let ix = case.ix(&w, &case.admin(&w));

        // The vault program is the one named in the config.
        let mut w2 = world_with(case, from);
        let other_program = Pubkey::new_unique();
        w2.put_restaking(
            w.config,
            config_data(&w.config_admin, &other_program, EPOCH, w.config_bump),
        );
        expect_err(&m, &w2, &ix, ProgramError::InvalidAccountOwner, case.name);

        // (A vault whose stored bump gives no PDA cannot exist on chain: only
        // the vault program writes vault data, always with the canonical bump;
        // `jito_core::account`, docs/COMPATIBILITY.md.)

        // The vault's other bytes do not matter.
        let mut w2 = world_with(case, from);
        let v = w2.world.accounts.get_mut(&w.vault).unwrap();
        v.data[100..800].fill(0x11);
        let (key, offset) = case.target(&w2);
        let mut expected = w2.world.accounts[&key].data.clone();
        set_toggle(&mut expected, offset, to);
        let (result, before) = w2.run_on(&m, &ix);
        assert_only_changed(&result, &before, &key, &expected);
        assert_eq!(case.client_toggle(&w2.world.accounts[&key].data), to);
    }
}

#[test]
fn cooldown_ncn_vault_ticket_does_not_load_the_vault() {
    // As in the original: only the vault's address matters (through the ticket PDA).
    let mut m = mollusk();
    let case = CASES
        .iter()
        .find(|c| c.name == "CooldownNcnVaultTicket")
        .unwrap();
    let (from, slot, to) = case.good_transition();
    m.warp_to_slot(slot);
    let mut w = world_with(case, from);
    w.world.accounts.insert(w.vault, system_account(0));
    let (key, offset) = case.target(&w);
    let mut expected = w.world.accounts[&key].data.clone();
    set_toggle(&mut expected, offset, to);
    let (result, before) = w.run_on(&m, &case.ix(&w, &case.admin(&w)));
    assert_only_changed(&result, &before, &key, &expected);
    assert_eq!(case.client_toggle(&w.world.accounts[&key].data), to);
}

#[test]
fn check_order_follows_the_original() {
    let mut m = mollusk();
    for case in &CASES {
        let (from, slot, _) = case.good_transition();
        m.warp_to_slot(slot);
        let w = world_with(case, from);

        // Wrong admin and wrong state: the admin check comes first.
        let bad_state = if case.warmup {
            (WARMING, 150)
        } else {
            (INACTIVE, 150)
        };
        let w2 = world_with(case, bad_state.0);
        m.warp_to_slot(bad_state.1);
        let stranger = Pubkey::new_unique();
        expect_err(
            &m,
            &w2,
            &case.ix(&w2, &stranger),
            ProgramError::Custom(case.admin_err),
            case.name,
        );
        m.warp_to_slot(slot);

        // Stranger not signing: the signature check comes before the admin check.
        let ix = case.ix(&w, &stranger);
        let last = ix.accounts.len() - 1;
        let ix = with_meta(ix, last, false, false);
        expect_err(
            &m,
            &w,
            &ix,
            ProgramError::MissingRequiredSignature,
            case.name,
        );

        // Config with a wrong owner and every later account broken too: config first.
        let mut w2 = world_with(case, from);
        w2.world.accounts.get_mut(&w.config).unwrap().owner = SYSTEM_PROGRAM_ID;
        let (key, _) = case.target(&w2);
        w2.world.accounts.get_mut(&key).unwrap().data[0] = 0;
        let ix = with_meta(
            case.ix(&w2, &stranger),
            case.ix(&w2, &stranger).accounts.len() - 1,
            false,
            false,
        );
        expect_err(&m, &w2, &ix, ProgramError::InvalidAccountOwner, case.name);
    }
    // The NCN / operator load order of the NcnOperatorState instructions:
    // NCN with a wrong owner and operator with a wrong discriminator.
    for case in CASES
        .iter()
        .filter(|c| matches!(c.kind, Kind::NcnSide | Kind::OperatorSide))
    {
        let (from, slot, _) = case.good_transition();
        m.warp_to_slot(slot);
        let mut w = world_with(case, from);
        w.world.accounts.get_mut(&w.ncn).unwrap().owner = SYSTEM_PROGRAM_ID;
        w.world.accounts.get_mut(&w.operator).unwrap().data[0] = 9;
        let expected = if case.kind == Kind::NcnSide {
            ProgramError::InvalidAccountOwner
        } else {
            ProgramError::InvalidAccountData
        };
        expect_err(&m, &w, &case.ix(&w, &case.admin(&w)), expected, case.name);
    }
}

#[test]
fn zero_epoch_length_is_bad_epoch_length() {
    let mut m = mollusk();
    for case in &CASES {
        let (from, slot, _) = case.good_transition();
        m.warp_to_slot(slot);
        let mut w = world_with(case, from);
        w.put_restaking(
            w.config,
            config_data(&w.config_admin, &VAULT_PROGRAM_ID, 0, w.config_bump),
        );
        let ix = case.ix(&w, &case.admin(&w));
        expect_err(
            &m,
            &w,
            &ix,
            ProgramError::Custom(err::BAD_EPOCH_LENGTH),
            case.name,
        );
    }
}
