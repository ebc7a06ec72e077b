//! The full restaking opt-in handshake across epochs, every step a real
//! instruction of the restaking program carried over one ledger:
//! config, NCN and operator are initialised, then the NCN ⇄ operator state
//! and the NCN ⇄ vault, operator ⇄ vault and NCN vault slasher tickets; all
//! five toggles warm up, become active after the epoch boundary, cool down and
//! become inactive, and can warm up again. Every account is compared byte for
//! byte after each step, and every premature transition fails with the
//! original's error.
//!
//! The vault is a hand-made vault-program account (the restaking program only
//! reads its discriminator, base and bump); the vault side of the handshake
//! (`InitializeVaultNcnTicket` …) belongs to the vault program's tests.
//!
//! Every instruction is built by the generated client (through
//! `scenarios::restaking_pair`), and every account is also read back through the
//! client's decoders.

use mollusk_tests::{scenarios::restaking_pair::*, *};

const E: u64 = DEFAULT_EPOCH_LENGTH;
const FEE_BPS: u16 = 1_000;
const MAX_SLASHABLE: u64 = 5_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Inactive,
    WarmUp,
    Active,
    Cooldown,
}

/// The state of a toggle `(slot_added, slot_removed)` at `slot`, computed here
/// from the original's rules (warm-up / cool-down last until the end of the
/// epoch after the change).
fn state_of((added, removed): (u64, u64), slot: u64) -> State {
    let epoch = slot / E;
    if added == removed {
        State::Inactive
    } else if added > removed {
        if epoch > added / E + 1 {
            State::Active
        } else {
            State::WarmUp
        }
    } else if epoch > removed / E + 1 {
        State::Inactive
    } else {
        State::Cooldown
    }
}

/// The five toggles of the handshake.
const NAMES: [(&str, &str); 5] = [
    ("NcnWarmupOperator", "NcnCooldownOperator"),
    ("OperatorWarmupNcn", "OperatorCooldownNcn"),
    ("WarmupNcnVaultTicket", "CooldownNcnVaultTicket"),
    ("WarmupOperatorVaultTicket", "CooldownOperatorVaultTicket"),
    (
        "WarmupNcnVaultSlasherTicket",
        "CooldownNcnVaultSlasherTicket",
    ),
];
const WARM_ERRS: [u32; 5] = [
    err::NCN_WARMUP_OPERATOR_FAILED,
    err::OPERATOR_WARMUP_NCN_FAILED,
    err::NCN_VAULT_TICKET_FAILED_WARMUP,
    err::OPERATOR_VAULT_TICKET_FAILED_WARMUP,
    err::NCN_VAULT_SLASHER_TICKET_FAILED_WARMUP,
];
const COOL_ERRS: [u32; 5] = [
    err::NCN_COOLDOWN_OPERATOR_FAILED,
    err::OPERATOR_COOLDOWN_NCN_FAILED,
    err::NCN_VAULT_TICKET_FAILED_COOLDOWN,
    err::OPERATOR_VAULT_TICKET_FAILED_COOLDOWN,
    err::NCN_VAULT_SLASHER_TICKET_FAILED_COOLDOWN,
];

struct Net {
    l: World,
    slot: u64,
    config: Pubkey,
    config_bump: u8,
    config_admin: Pubkey,
    ncn: Pubkey,
    ncn_base: Pubkey,
    ncn_bump: u8,
    ncn_admin: Pubkey,
    operator: Pubkey,
    operator_base: Pubkey,
    operator_bump: u8,
    operator_admin: Pubkey,
    vault: Pubkey,
    slasher: Pubkey,
    payer: Pubkey,
    nos: (Pubkey, u8),
    nvt: (Pubkey, u8),
    ovt: (Pubkey, u8),
    nvst: (Pubkey, u8),
    created_at: u64,
    /// Expected toggles, in `NAMES` order.
    t: [(u64, u64); 5],
}

impl Net {
    fn warp(&mut self, slot: u64) {
        self.slot = slot;
        self.l.warp(slot);
    }

    #[track_caller]
    fn ok(&mut self, ix: &Instruction, name: &str) {
        let r = self.l.apply(ix);
        assert!(
            r.program_result.is_ok(),
            "{name} at slot {}: {:?}",
            self.slot,
            r.program_result
        );
        print_cu("restaking", name, &r);
    }

    #[track_caller]
    fn fails(&mut self, ix: &Instruction, code: u32, name: &str) {
        let r = self.l.apply(ix);
        assert_eq!(
            r.program_result,
            mollusk_svm::result::ProgramResult::Failure(ProgramError::Custom(code)),
            "{name} at slot {}",
            self.slot
        );
    }

    fn warm_ix(&self, i: usize) -> Instruction {
        match i {
            0 => toggle_ix(
                tag::NCN_WARMUP_OPERATOR,
                &self.config,
                &self.ncn,
                &self.operator,
                &self.nos.0,
                &self.ncn_admin,
            ),
            1 => toggle_ix(
                tag::OPERATOR_WARMUP_NCN,
                &self.config,
                &self.ncn,
                &self.operator,
                &self.nos.0,
                &self.operator_admin,
            ),
            2 => toggle_ix(
                tag::WARMUP_NCN_VAULT_TICKET,
                &self.config,
                &self.ncn,
                &self.vault,
                &self.nvt.0,
                &self.ncn_admin,
            ),
            3 => toggle_ix(
                tag::WARMUP_OPERATOR_VAULT_TICKET,
                &self.config,
                &self.operator,
                &self.vault,
                &self.ovt.0,
                &self.operator_admin,
            ),
            _ => warmup_ncn_vault_slasher_ticket_ix(
                &self.config,
                &self.ncn,
                &self.vault,
                &self.slasher,
                &self.nvt.0,
                &self.nvst.0,
                &self.ncn_admin,
            ),
        }
    }

    fn cool_ix(&self, i: usize) -> Instruction {
        match i {
            0 => toggle_ix(
                tag::NCN_COOLDOWN_OPERATOR,
                &self.config,
                &self.ncn,
                &self.operator,
                &self.nos.0,
                &self.ncn_admin,
            ),
            1 => toggle_ix(
                tag::OPERATOR_COOLDOWN_NCN,
                &self.config,
                &self.ncn,
                &self.operator,
                &self.nos.0,
                &self.operator_admin,
            ),
            2 => toggle_ix(
                tag::COOLDOWN_NCN_VAULT_TICKET,
                &self.config,
                &self.ncn,
                &self.vault,
                &self.nvt.0,
                &self.ncn_admin,
            ),
            3 => toggle_ix(
                tag::COOLDOWN_OPERATOR_VAULT_TICKET,
                &self.config,
                &self.operator,
                &self.vault,
                &self.ovt.0,
                &self.operator_admin,
            ),
            _ => cooldown_ncn_vault_slasher_ticket_ix(
                &self.config,
                &self.ncn,
                &self.vault,
                &self.slasher,
                &self.nvst.0,
                &self.ncn_admin,
            ),
        }
    }

    fn warm(&mut self, i: usize) {
        let ix = self.warm_ix(i);
        self.ok(&ix, NAMES[i].0);
        self.t[i].0 = self.slot;
    }

    fn cool(&mut self, i: usize) {
        let ix = self.cool_ix(i);
        self.ok(&ix, NAMES[i].1);
        self.t[i].1 = self.slot;
    }

    fn warm_fails(&mut self, i: usize) {
        let ix = self.warm_ix(i);
        self.fails(&ix, WARM_ERRS[i], NAMES[i].0);
    }

    fn cool_fails(&mut self, i: usize) {
        let ix = self.cool_ix(i);
        self.fails(&ix, COOL_ERRS[i], NAMES[i].1);
    }

    /// Every restaking account byte for byte, and every toggle in `state`.
    #[track_caller]
    fn check(&self, state: State) {
        let restaking = |key: &Pubkey, data: Vec<u8>| {
            let a = self
                .l
                .accounts
                .get(key)
                .unwrap_or_else(|| panic!("missing {key}"));
            assert_eq!(a.owner, RESTAKING_PROGRAM_ID, "owner of {key}");
            assert_eq!(a.lamports, rent_exempt(data.len()), "lamports of {key}");
            assert_eq!(a.data, data, "data of {key} at slot {}", self.slot);
        };
        restaking(
            &self.config,
            restaking_config_data(
                &self.config_admin,
                &VAULT_PROGRAM_ID,
                1,
                1,
                E,
                self.config_bump,
            ),
        );
        let mut ncn = NcnFields::new(self.ncn_base, self.ncn_admin, 0);
        ncn.bump = self.ncn_bump;
        (
            ncn.index,
            ncn.operator_count,
            ncn.vault_count,
            ncn.slasher_count,
        ) = (0, 1, 1, 1);
        restaking(&self.ncn, ncn.bytes());
        let mut op = OperatorFields::new(self.operator_base, self.operator_admin, 0, FEE_BPS);
        op.bump = self.operator_bump;
        (op.index, op.ncn_count, op.vault_count, op.operator_fee_bps) = (0, 1, 1, FEE_BPS);
        restaking(&self.operator, op.bytes());
        restaking(
            &self.nos.0,
            ncn_operator_state_data(
                &self.ncn,
                &self.operator,
                0,
                self.t[0],
                self.t[1],
                self.nos.1,
            ),
        );
        restaking(
            &self.nvt.0,
            vault_ticket_data(
                layout::NCN_VAULT_TICKET_DISC,
                &self.ncn,
                &self.vault,
                0,
                self.t[2],
                self.nvt.1,
            ),
        );
        restaking(
            &self.ovt.0,
            vault_ticket_data(
                layout::OPERATOR_VAULT_TICKET_DISC,
                &self.operator,
                &self.vault,
                0,
                self.t[3],
                self.ovt.1,
            ),
        );
        restaking(
            &self.nvst.0,
            slasher_ticket_data(
                &self.ncn,
                &self.vault,
                &self.slasher,
                MAX_SLASHABLE,
                0,
                self.t[4],
                self.nvst.1,
            ),
        );
        // The same accounts through the generated client's decoders.
        let config = decode::config(self.l.data(&self.config));
        assert_eq!(
            (
                config.admin,
                config.vault_program,
                config.ncn_count,
                config.operator_count,
                config.epoch_length,
                config.bump
            ),
            (
                self.config_admin,
                VAULT_PROGRAM_ID,
                1,
                1,
                E,
                self.config_bump
            )
        );
        assert_eq!(decode::ncn(self.l.data(&self.ncn)), ncn.client());
        assert_eq!(decode::operator(self.l.data(&self.operator)), op.client());
        let nos = decode::ncn_operator_state(self.l.data(&self.nos.0));
        assert_eq!(
            (nos.ncn, nos.operator, nos.index, nos.bump),
            (self.ncn, self.operator, 0, self.nos.1)
        );
        let nvt = decode::ncn_vault_ticket(self.l.data(&self.nvt.0));
        assert_eq!(
            (nvt.ncn, nvt.vault, nvt.index, nvt.bump),
            (self.ncn, self.vault, 0, self.nvt.1)
        );
        let ovt = decode::operator_vault_ticket(self.l.data(&self.ovt.0));
        assert_eq!(
            (ovt.operator, ovt.vault, ovt.index, ovt.bump),
            (self.operator, self.vault, 0, self.ovt.1)
        );
        let nvst = decode::ncn_vault_slasher_ticket(self.l.data(&self.nvst.0));
        assert_eq!(
            (
                nvst.ncn,
                nvst.vault,
                nvst.slasher,
                nvst.max_slashable_per_epoch,
                nvst.index,
                nvst.bump
            ),
            (
                self.ncn,
                self.vault,
                self.slasher,
                MAX_SLASHABLE,
                0,
                self.nvst.1
            )
        );
        // The toggles as stored (decoded), and their state.
        let stored = [
            toggle(&nos.ncn_opt_in_state),
            toggle(&nos.operator_opt_in_state),
            toggle(&nvt.state),
            toggle(&ovt.state),
            toggle(&nvst.state),
        ];
        assert_eq!(stored, self.t, "decoded toggles at slot {}", self.slot);
        for (i, toggle) in stored.iter().enumerate() {
            assert_eq!(
                state_of(*toggle, self.slot),
                state,
                "{} at slot {}",
                NAMES[i].0,
                self.slot
            );
        }
    }
}

/// Initialises everything with the real instructions at `slot`.
fn setup(slot: u64) -> Net {
    let mut l = World::new();
    l.warp(slot);
    let config_admin = Pubkey::new_unique();
    let ncn_admin = Pubkey::new_unique();
    let operator_admin = Pubkey::new_unique();
    let payer = Pubkey::new_unique();
    for k in [config_admin, ncn_admin, operator_admin, payer] {
        l.accounts.insert(k, system_account(100_000_000_000));
    }
    let (config, config_bump) = config_pda();
    let ncn_base = Pubkey::new_unique();
    let (ncn, ncn_bump) = ncn_pda(&ncn_base);
    let operator_base = Pubkey::new_unique();
    let (operator, operator_bump) = operator_pda(&operator_base);
    let vault_base = Pubkey::new_unique();
    let (vault, vault_bump) = vault_pda(&vault_base);
    l.accounts.insert(
        vault,
        owned_account(&VAULT_PROGRAM_ID, vault_data(&vault_base, vault_bump)),
    );
    let slasher = Pubkey::new_unique();
    let mut net = Net {
        l,
        slot,
        config,
        config_bump,
        config_admin,
        ncn,
        ncn_base,
        ncn_bump,
        ncn_admin,
        operator,
        operator_base,
        operator_bump,
        operator_admin,
        vault,
        slasher,
        payer,
        nos: ncn_operator_state_pda(&ncn, &operator),
        nvt: ncn_vault_ticket_pda(&ncn, &vault),
        ovt: operator_vault_ticket_pda(&operator, &vault),
        nvst: ncn_vault_slasher_ticket_pda(&ncn, &vault, &slasher),
        created_at: slot,
        t: [(slot, slot); 5],
    };
    let ixs = [
        (
            initialize_config_ix(&config, &config_admin, &VAULT_PROGRAM_ID),
            "InitializeConfig",
        ),
        (
            initialize_ncn_ix(&config, &ncn, &ncn_admin, &ncn_base),
            "InitializeNcn",
        ),
        (
            initialize_operator_ix(&config, &operator, &operator_admin, &operator_base, FEE_BPS),
            "InitializeOperator",
        ),
        (
            initialize_pair_ix(
                tag::INITIALIZE_NCN_OPERATOR_STATE,
                &config,
                &ncn,
                &operator,
                &net.nos.0,
                &ncn_admin,
                &payer,
            ),
            "InitializeNcnOperatorState",
        ),
        (
            initialize_pair_ix(
                tag::INITIALIZE_NCN_VAULT_TICKET,
                &config,
                &ncn,
                &vault,
                &net.nvt.0,
                &ncn_admin,
                &payer,
            ),
            "InitializeNcnVaultTicket",
        ),
        (
            initialize_pair_ix(
                tag::INITIALIZE_OPERATOR_VAULT_TICKET,
                &config,
                &operator,
                &vault,
                &net.ovt.0,
                &operator_admin,
                &payer,
            ),
            "InitializeOperatorVaultTicket",
        ),
        (
            initialize_ncn_vault_slasher_ticket_ix(
                &config,
                &ncn,
                &vault,
                &slasher,
                &net.nvt.0,
                &net.nvst.0,
                &ncn_admin,
                &payer,
                MAX_SLASHABLE,
            ),
            "InitializeNcnVaultSlasherTicket",
        ),
    ];
    for (ix, name) in ixs {
        net.ok(&ix, name);
    }
    net
}

#[test]
fn full_opt_in_handshake_across_epochs() {
    let s0 = 1_000;
    let mut net = setup(s0);
    net.check(State::Inactive);
    // The payer funded the four pair accounts, rent-exempt.
    let rents = rent_exempt(layout::NCN_OPERATOR_STATE_LEN)
        + rent_exempt(layout::VAULT_TICKET_LEN)
        + rent_exempt(layout::VAULT_TICKET_LEN)
        + rent_exempt(layout::NCN_VAULT_SLASHER_TICKET_LEN);
    assert_eq!(net.l.accounts[&net.payer].lamports, 100_000_000_000 - rents);

    // Same slot as creation: nothing can start warming up yet (the toggle
    // would not change), and nothing is active to cool down.
    for i in 0..5 {
        net.warm_fails(i);
        net.cool_fails(i);
    }
    net.check(State::Inactive);

    // Later in epoch 0: both sides of every pair opt in.
    net.warp(s0 + 500);
    for i in 0..5 {
        net.warm(i);
    }
    net.check(State::WarmUp);
    assert_eq!(net.t[0], (s0 + 500, net.created_at));
    for i in 0..5 {
        net.warm_fails(i);
        net.cool_fails(i);
    }

    // All of epoch 1 is still warm-up.
    for slot in [E, 2 * E - 1] {
        net.warp(slot);
        net.check(State::WarmUp);
        for i in 0..5 {
            net.warm_fails(i);
            net.cool_fails(i);
        }
    }

    // Epoch 2: active, on both sides of every pair.
    net.warp(2 * E);
    net.check(State::Active);
    for i in 0..5 {
        net.warm_fails(i);
    }
    net.check(State::Active);

    // Both sides opt out in epoch 2.
    net.warp(2 * E + 5);
    for i in 0..5 {
        net.cool(i);
    }
    net.check(State::Cooldown);
    assert_eq!(net.t[4], (s0 + 500, 2 * E + 5));
    for i in 0..5 {
        net.warm_fails(i);
        net.cool_fails(i);
    }

    // Epoch 3 still cools down.
    for slot in [3 * E, 4 * E - 1] {
        net.warp(slot);
        net.check(State::Cooldown);
        for i in 0..5 {
            net.warm_fails(i);
            net.cool_fails(i);
        }
    }

    // Epoch 4: inactive; nothing to cool down, and a new warm-up can start.
    net.warp(4 * E);
    net.check(State::Inactive);
    for i in 0..5 {
        net.cool_fails(i);
    }
    for i in 0..5 {
        net.warm(i);
    }
    net.check(State::WarmUp);
    assert_eq!(net.t[2], (4 * E, 2 * E + 5));
    net.warp(6 * E);
    net.check(State::Active);
}

#[test]
fn one_sided_opt_in_leaves_the_other_side_inactive() {
    // Only the NCN opts in to the operator: the operator's side stays inactive
    // whatever the epoch, and each side cools down on its own.
    let mut net = setup(10);
    net.warp(20);
    net.warm(0);
    net.warp(2 * E);
    // The two sides of the NcnOperatorState, decoded by the generated client.
    const NCN_SIDE: bool = true;
    const OPERATOR_SIDE: bool = false;
    let stored = |net: &Net, ncn_side: bool| {
        let s = decode::ncn_operator_state(net.l.data(&net.nos.0));
        toggle(if ncn_side {
            &s.ncn_opt_in_state
        } else {
            &s.operator_opt_in_state
        })
    };
    assert_eq!(state_of(stored(&net, NCN_SIDE), net.slot), State::Active);
    assert_eq!(
        state_of(stored(&net, OPERATOR_SIDE), net.slot),
        State::Inactive
    );
    net.cool_fails(1);
    // The operator opts in late; the NCN opts out meanwhile.
    net.warm(1);
    net.cool(0);
    assert_eq!(state_of(stored(&net, NCN_SIDE), net.slot), State::Cooldown);
    assert_eq!(
        state_of(stored(&net, OPERATOR_SIDE), net.slot),
        State::WarmUp
    );
    net.warp(4 * E);
    assert_eq!(state_of(stored(&net, NCN_SIDE), net.slot), State::Inactive);
    assert_eq!(
        state_of(stored(&net, OPERATOR_SIDE), net.slot),
        State::Active
    );
    assert_eq!(net.t[0], (20, 2 * E));
    assert_eq!(net.t[1], (2 * E, 10));
    assert_eq!(
        net.l.data(&net.nos.0).to_vec(),
        ncn_operator_state_data(&net.ncn, &net.operator, 0, net.t[0], net.t[1], net.nos.1)
    );
}
