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

use mollusk_tests::{
    scenarios::{
        handshake::{Handshake, TOGGLES},
        restaking_pair::*,
    },
    *,
};

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

/// A [`Handshake`] and the toggles the test expects.
struct Net {
    h: Handshake,
    slot: u64,
    created_at: u64,
    /// Expected toggles, in `TOGGLES` order.
    t: [(u64, u64); 5],
}

impl Net {
    fn warp(&mut self, slot: u64) {
        self.slot = slot;
        self.h.world.warp(slot);
    }

    #[track_caller]
    fn ok(&mut self, ix: &Instruction, name: &str) {
        let r = self.h.world.apply(ix);
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
        let r = self.h.world.apply(ix);
        assert_eq!(
            r.program_result,
            mollusk_svm::result::ProgramResult::Failure(ProgramError::Custom(code)),
            "{name} at slot {}",
            self.slot
        );
    }

    fn warm_ix(&self, i: usize) -> Instruction {
        self.h.warmup_ixs()[i].clone()
    }

    fn cool_ix(&self, i: usize) -> Instruction {
        self.h.cooldown_ixs()[i].clone()
    }

    fn warm(&mut self, i: usize) {
        let ix = self.warm_ix(i);
        self.ok(&ix, TOGGLES[i].0);
        self.t[i].0 = self.slot;
    }

    fn cool(&mut self, i: usize) {
        let ix = self.cool_ix(i);
        self.ok(&ix, TOGGLES[i].1);
        self.t[i].1 = self.slot;
    }

    fn warm_fails(&mut self, i: usize) {
        let ix = self.warm_ix(i);
        self.fails(&ix, WARM_ERRS[i], TOGGLES[i].0);
    }

    fn cool_fails(&mut self, i: usize) {
        let ix = self.cool_ix(i);
        self.fails(&ix, COOL_ERRS[i], TOGGLES[i].1);
    }

    /// Every restaking account byte for byte, and every toggle in `state`.
    #[track_caller]
    fn check(&self, state: State) {
        let restaking = |key: &Pubkey, data: Vec<u8>| {
            let a = self
                .h
                .world
                .accounts
                .get(key)
                .unwrap_or_else(|| panic!("missing {key}"));
            assert_eq!(a.owner, RESTAKING_PROGRAM_ID, "owner of {key}");
            assert_eq!(a.lamports, rent_exempt(data.len()), "lamports of {key}");
            assert_eq!(a.data, data, "data of {key} at slot {}", self.slot);
        };
        restaking(
            &self.h.config.0,
            restaking_config_data(
                &self.h.config_admin,
                &VAULT_PROGRAM_ID,
                1,
                1,
                E,
                self.h.config.1,
            ),
        );
        let mut ncn = NcnFields::new(self.h.ncn_base, self.h.ncn_admin, 0);
        ncn.bump = self.h.ncn.1;
        (
            ncn.index,
            ncn.operator_count,
            ncn.vault_count,
            ncn.slasher_count,
        ) = (0, 1, 1, 1);
        restaking(&self.h.ncn.0, ncn.bytes());
        let mut op = OperatorFields::new(self.h.operator_base, self.h.operator_admin, 0, FEE_BPS);
        op.bump = self.h.operator.1;
        (op.index, op.ncn_count, op.vault_count, op.operator_fee_bps) = (0, 1, 1, FEE_BPS);
        restaking(&self.h.operator.0, op.bytes());
        restaking(
            &self.h.ncn_operator_state.0,
            ncn_operator_state_data(
                &self.h.ncn.0,
                &self.h.operator.0,
                0,
                self.t[0],
                self.t[1],
                self.h.ncn_operator_state.1,
            ),
        );
        restaking(
            &self.h.ncn_vault_ticket.0,
            vault_ticket_data(
                layout::NCN_VAULT_TICKET_DISC,
                &self.h.ncn.0,
                &self.h.vault,
                0,
                self.t[2],
                self.h.ncn_vault_ticket.1,
            ),
        );
        restaking(
            &self.h.operator_vault_ticket.0,
            vault_ticket_data(
                layout::OPERATOR_VAULT_TICKET_DISC,
                &self.h.operator.0,
                &self.h.vault,
                0,
                self.t[3],
                self.h.operator_vault_ticket.1,
            ),
        );
        restaking(
            &self.h.ncn_vault_slasher_ticket.0,
            slasher_ticket_data(
                &self.h.ncn.0,
                &self.h.vault,
                &self.h.slasher,
                MAX_SLASHABLE,
                0,
                self.t[4],
                self.h.ncn_vault_slasher_ticket.1,
            ),
        );
        // The same accounts through the generated client's decoders.
        let config = decode::config(self.h.world.data(&self.h.config.0));
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
                self.h.config_admin,
                VAULT_PROGRAM_ID,
                1,
                1,
                E,
                self.h.config.1
            )
        );
        assert_eq!(decode::ncn(self.h.world.data(&self.h.ncn.0)), ncn.client());
        assert_eq!(
            decode::operator(self.h.world.data(&self.h.operator.0)),
            op.client()
        );
        let nos = decode::ncn_operator_state(self.h.world.data(&self.h.ncn_operator_state.0));
        assert_eq!(
            (nos.ncn, nos.operator, nos.index, nos.bump),
            (
                self.h.ncn.0,
                self.h.operator.0,
                0,
                self.h.ncn_operator_state.1
            )
        );
        let nvt = decode::ncn_vault_ticket(self.h.world.data(&self.h.ncn_vault_ticket.0));
        assert_eq!(
            (nvt.ncn, nvt.vault, nvt.index, nvt.bump),
            (self.h.ncn.0, self.h.vault, 0, self.h.ncn_vault_ticket.1)
        );
        let ovt = decode::operator_vault_ticket(self.h.world.data(&self.h.operator_vault_ticket.0));
        assert_eq!(
            (ovt.operator, ovt.vault, ovt.index, ovt.bump),
            (
                self.h.operator.0,
                self.h.vault,
                0,
                self.h.operator_vault_ticket.1
            )
        );
        let nvst =
            decode::ncn_vault_slasher_ticket(self.h.world.data(&self.h.ncn_vault_slasher_ticket.0));
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
                self.h.ncn.0,
                self.h.vault,
                self.h.slasher,
                MAX_SLASHABLE,
                0,
                self.h.ncn_vault_slasher_ticket.1
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
                TOGGLES[i].0,
                self.slot
            );
        }
    }
}

/// Initialises everything with the real instructions at `slot`.
fn setup(slot: u64) -> Net {
    let mut net = Net {
        h: Handshake::new(slot),
        slot,
        created_at: slot,
        t: [(slot, slot); 5],
    };
    for (ix, name) in net.h.initialize_ixs(FEE_BPS, MAX_SLASHABLE) {
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
    assert_eq!(
        net.h.world.accounts[&net.h.payer].lamports,
        100_000_000_000 - rents
    );

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
        let s = decode::ncn_operator_state(net.h.world.data(&net.h.ncn_operator_state.0));
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
        net.h.world.data(&net.h.ncn_operator_state.0).to_vec(),
        ncn_operator_state_data(
            &net.h.ncn.0,
            &net.h.operator.0,
            0,
            net.t[0],
            net.t[1],
            net.h.ncn_operator_state.1
        )
    );
}

/// The ready-made finished handshake: every account byte for byte with all five toggles active,
/// no warm-up repeats, and every cool-down then succeeds.
#[test]
fn finished_handshake_scenario() {
    let s0 = 3 * E + 17;
    let h = Handshake::finished(s0, FEE_BPS, MAX_SLASHABLE);
    let slot = h.world.slot();
    assert_eq!(slot, 5 * E);
    let mut net = Net {
        h,
        slot,
        created_at: s0,
        t: [(s0 + 1, s0); 5],
    };
    net.check(State::Active);
    for i in 0..5 {
        net.warm_fails(i);
    }
    for i in 0..5 {
        net.cool(i);
    }
    net.check(State::Cooldown);
}
