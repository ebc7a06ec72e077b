//! Vault admin instructions: SetDepositCapacity (15), SetFees (16),
//! SetIsPaused (19), SetAdmin (22), SetSecondaryAdmin (23).
//!
//! Config and vault accounts are written directly ([`ConfigState`],
//! [`VaultState`]); instructions come from the generated client (through
//! `scenarios::vault_admin`); success paths compare every byte of the vault with the
//! hand-built layout of the expected state and decode it with the client's
//! `Vault`.

use mollusk_tests::{scenarios::vault_admin::*, *};

const PROGRAM: &str = "vault";
/// Short epochs (config written directly) for the fee-change window.
const EPOCH: u64 = 100;

struct Fixture {
    mollusk: Mollusk,
    admin: Pubkey,
    config: ConfigState,
    vault: VaultState,
}

impl Fixture {
    fn new() -> Self {
        let admin = Pubkey::new_unique();
        let mut config = ConfigState::initialized(
            Pubkey::new_unique(),
            RESTAKING_PROGRAM_ID,
            Pubkey::new_unique(),
            0,
        );
        config.epoch_length = EPOCH;
        config.num_vaults = 1;
        let mut vault = VaultState::new(
            Pubkey::new_unique(),
            Pubkey::new_unique(),
            Pubkey::new_unique(),
            admin,
            0,
        );
        vault.vrt_supply = 10_000;
        vault.tokens_deposited = 10_000;
        vault.deposit_fee_bps = 100;
        vault.withdrawal_fee_bps = 100;
        vault.next_withdrawal_fee_bps = 100;
        Self {
            mollusk: mollusk(),
            admin,
            config,
            vault,
        }
    }

    fn config_key(&self) -> Pubkey {
        config_pda().0
    }

    fn vault_key(&self) -> Pubkey {
        self.vault.address()
    }

    /// Config, vault, then the given keys as plain wallets.
    fn accounts(&self, keys: &[Pubkey]) -> Vec<(Pubkey, Account)> {
        let mut v = vec![self.config.keyed(), self.vault.keyed()];
        for k in keys {
            v.push((*k, system_account(WALLET_LAMPORTS)));
        }
        v
    }

    fn run(&self, ix: &Instruction, accounts: &[(Pubkey, Account)]) -> InstructionResult {
        mollusk_tests::oracle::process(&self.mollusk, ix, accounts)
    }

    /// Runs `ix`: only the vault changes, to `expected`.
    #[track_caller]
    fn expect_vault(
        &self,
        name: &str,
        ix: &Instruction,
        accounts: &[(Pubkey, Account)],
        expected: &VaultState,
    ) {
        let result = self.run(ix, accounts);
        print_cu(PROGRAM, name, &result);
        let vault = account(&result, &self.vault_key());
        assert_eq!(vault.data, expected.to_bytes(), "vault bytes");
        // The generated client's decoder reads the same fields.
        assert_eq!(&VaultState::decode(&vault.data), expected, "decoded vault");
        assert_eq!(vault.owner, VAULT_PROGRAM_ID);
        assert_eq!(vault.lamports, rent_exempt(len::VAULT));
        for ((k, before), (k2, after)) in accounts.iter().zip(&result.resulting_accounts) {
            assert_eq!(k, k2);
            if *k != self.vault_key() {
                assert_eq!(before, after, "account {k} changed");
            }
        }
    }

    #[track_caller]
    fn expect_error(&self, ix: &Instruction, accounts: &[(Pubkey, Account)], e: ProgramError) {
        assert_error(&self.run(ix, accounts), accounts, e);
    }
}

/// Every failure of the config's and the vault's `load` (config read-only at
/// index 0, vault writable at index 1), and their order.
fn load_failures(w: &Fixture, ix: &Instruction, accounts: &[(Pubkey, Account)]) {
    // Config: owner, discriminator, empty, length, address.
    let mut a = accounts.to_vec();
    a[0].1.owner = RESTAKING_PROGRAM_ID;
    w.expect_error(ix, &a, ProgramError::InvalidAccountOwner);
    let mut a = accounts.to_vec();
    a[0].1.data[0] = 2;
    w.expect_error(ix, &a, ProgramError::InvalidAccountData);
    let mut a = accounts.to_vec();
    a[0].1.data.clear();
    w.expect_error(ix, &a, ProgramError::InvalidAccountData);
    let mut a = accounts.to_vec();
    a[0].1.data.push(0);
    w.expect_error(ix, &a, ProgramError::InvalidAccountData);
    let other = Pubkey::new_unique();
    let mut moved = ix.clone();
    moved.accounts[0].pubkey = other;
    let mut a = accounts.to_vec();
    a[0].0 = other;
    w.expect_error(&moved, &a, ProgramError::InvalidAccountData);

    // Vault: owner, discriminator, empty, length, writable, address.
    let mut a = accounts.to_vec();
    a[1].1.owner = RESTAKING_PROGRAM_ID;
    w.expect_error(ix, &a, ProgramError::InvalidAccountOwner);
    let mut a = accounts.to_vec();
    a[1].1.data[0] = 1;
    w.expect_error(ix, &a, ProgramError::InvalidAccountData);
    let mut a = accounts.to_vec();
    a[1].1.data.clear();
    w.expect_error(ix, &a, ProgramError::InvalidAccountData);
    let mut a = accounts.to_vec();
    a[1].1.data.pop();
    w.expect_error(ix, &a, ProgramError::InvalidAccountData);
    w.expect_error(
        &readonly(ix.clone(), 1),
        accounts,
        ProgramError::InvalidAccountData,
    );
    // (A vault whose stored base does not derive its address, or vault bytes
    // at a non-PDA address, cannot exist on chain: `jito_core::account`.)

    // The config is checked before the vault.
    let mut a = accounts.to_vec();
    a[0].1.data[0] = 2;
    a[1].1.owner = RESTAKING_PROGRAM_ID;
    w.expect_error(ix, &a, ProgramError::InvalidAccountData);
    // Another vault-program account (the config) in the vault's place.
    let mut swapped = ix.clone();
    swapped.accounts[1].pubkey = w.config_key();
    swapped.accounts[1].is_writable = true;
    let mut a = accounts.to_vec();
    a.remove(1);
    w.expect_error(&swapped, &a, ProgramError::InvalidAccountData);
}

// ---------------------------------------------------------------------------
// SetAdmin
// ---------------------------------------------------------------------------

#[test]
fn set_admin_moves_roles_held_by_the_old_admin() {
    let mut w = Fixture::new();
    let other = Pubkey::new_unique();
    // Some roles already elsewhere; the mint/burn admin is the old admin too.
    w.vault.operator_admin = other;
    w.vault.fee_wallet = other;
    w.vault.metadata_admin = other;
    w.vault.mint_burn_admin = w.admin;
    let new_admin = Pubkey::new_unique();
    let ix = set_admin(&w.config_key(), &w.vault_key(), &w.admin, &new_admin);
    let mut expected = w.vault.clone();
    expected.admin = new_admin;
    expected.delegation_admin = new_admin;
    expected.ncn_admin = new_admin;
    expected.slasher_admin = new_admin;
    expected.capacity_admin = new_admin;
    expected.fee_admin = new_admin;
    expected.delegate_asset_admin = new_admin;
    expected.mint_burn_admin = new_admin;
    w.expect_vault(
        "SetAdmin",
        &ix,
        &w.accounts(&[w.admin, new_admin]),
        &expected,
    );

    // With no secondary role held by the admin, only the admin changes.
    let mut w = Fixture::new();
    let roles = Pubkey::new_unique();
    for r in [
        &mut w.vault.delegation_admin,
        &mut w.vault.operator_admin,
        &mut w.vault.ncn_admin,
        &mut w.vault.slasher_admin,
        &mut w.vault.capacity_admin,
        &mut w.vault.fee_admin,
        &mut w.vault.delegate_asset_admin,
        &mut w.vault.fee_wallet,
        &mut w.vault.metadata_admin,
    ] {
        *r = roles;
    }
    let ix = set_admin(&w.config_key(), &w.vault_key(), &w.admin, &new_admin);
    let mut expected = w.vault.clone();
    expected.admin = new_admin;
    w.expect_vault(
        "SetAdmin",
        &ix,
        &w.accounts(&[w.admin, new_admin]),
        &expected,
    );
}

#[test]
fn set_admin_failures() {
    let w = Fixture::new();
    let new_admin = Pubkey::new_unique();
    let accounts = w.accounts(&[w.admin, new_admin]);
    let ix = set_admin(&w.config_key(), &w.vault_key(), &w.admin, &new_admin);
    load_failures(&w, &ix, &accounts);
    // Both admins sign.
    w.expect_error(
        &unsigned(ix.clone(), 2),
        &accounts,
        ProgramError::MissingRequiredSignature,
    );
    w.expect_error(
        &unsigned(ix.clone(), 3),
        &accounts,
        ProgramError::MissingRequiredSignature,
    );
    // The vault is loaded before the signers are checked.
    let mut a = accounts.clone();
    a[1].1.owner = RESTAKING_PROGRAM_ID;
    w.expect_error(
        &unsigned(ix.clone(), 2),
        &a,
        ProgramError::InvalidAccountOwner,
    );
    // Only the vault admin (not a secondary admin, not the config admin).
    let mut w2 = Fixture::new();
    let delegation_admin = Pubkey::new_unique();
    w2.vault.delegation_admin = delegation_admin;
    let a = w2.accounts(&[delegation_admin, new_admin]);
    w2.expect_error(
        &set_admin(
            &w2.config_key(),
            &w2.vault_key(),
            &delegation_admin,
            &new_admin,
        ),
        &a,
        ProgramError::Custom(err::VAULT_ADMIN_INVALID),
    );
    let config_admin = w.config.admin;
    let a = w.accounts(&[config_admin, new_admin]);
    w.expect_error(
        &set_admin(&w.config_key(), &w.vault_key(), &config_admin, &new_admin),
        &a,
        ProgramError::Custom(err::VAULT_ADMIN_INVALID),
    );
    w.expect_error(
        &drop_last_account(ix.clone()),
        &accounts[..3],
        ProgramError::NotEnoughAccountKeys,
    );
    let extra = Pubkey::new_unique();
    let mut a = accounts.clone();
    a.push((extra, Account::default()));
    w.expect_error(
        &extra_account(ix.clone(), &extra),
        &a,
        ProgramError::NotEnoughAccountKeys,
    );
    w.expect_error(
        &with_args(ix, &[0]),
        &accounts,
        ProgramError::InvalidInstructionData,
    );
}

// ---------------------------------------------------------------------------
// SetSecondaryAdmin
// ---------------------------------------------------------------------------

#[test]
fn set_secondary_admin_each_role() {
    let w = Fixture::new();
    for role in 0u8..=9 {
        let new_admin = Pubkey::new_unique();
        let ix = set_secondary_admin(&w.config_key(), &w.vault_key(), &w.admin, &new_admin, role);
        let mut expected = w.vault.clone();
        let field = match role {
            0 => &mut expected.delegation_admin,
            1 => &mut expected.operator_admin,
            2 => &mut expected.ncn_admin,
            3 => &mut expected.slasher_admin,
            4 => &mut expected.capacity_admin,
            5 => &mut expected.fee_wallet,
            6 => &mut expected.mint_burn_admin,
            7 => &mut expected.delegate_asset_admin,
            8 => &mut expected.fee_admin,
            _ => &mut expected.metadata_admin,
        };
        *field = new_admin;
        w.expect_vault(
            "SetSecondaryAdmin",
            &ix,
            &w.accounts(&[w.admin, new_admin]),
            &expected,
        );
    }
}

#[test]
fn set_secondary_admin_failures() {
    let w = Fixture::new();
    let new_admin = Pubkey::new_unique();
    let accounts = w.accounts(&[w.admin, new_admin]);
    let ix = set_secondary_admin(&w.config_key(), &w.vault_key(), &w.admin, &new_admin, 0);
    load_failures(&w, &ix, &accounts);
    w.expect_error(
        &unsigned(ix.clone(), 2),
        &accounts,
        ProgramError::MissingRequiredSignature,
    );
    // A secondary admin cannot reassign roles, even its own.
    let mut w2 = Fixture::new();
    let delegation_admin = Pubkey::new_unique();
    w2.vault.delegation_admin = delegation_admin;
    let a = w2.accounts(&[delegation_admin, new_admin]);
    w2.expect_error(
        &set_secondary_admin(
            &w2.config_key(),
            &w2.vault_key(),
            &delegation_admin,
            &new_admin,
            0,
        ),
        &a,
        ProgramError::Custom(err::VAULT_ADMIN_INVALID),
    );
    // Unknown or missing role, trailing byte.
    w.expect_error(
        &with_args(ix.clone(), &[10]),
        &accounts,
        ProgramError::InvalidInstructionData,
    );
    w.expect_error(
        &with_args(ix.clone(), &[]),
        &accounts,
        ProgramError::InvalidInstructionData,
    );
    w.expect_error(
        &with_args(ix.clone(), &[0, 0]),
        &accounts,
        ProgramError::InvalidInstructionData,
    );
    w.expect_error(
        &drop_last_account(ix),
        &accounts[..3],
        ProgramError::NotEnoughAccountKeys,
    );
}

// ---------------------------------------------------------------------------
// SetFees
// ---------------------------------------------------------------------------

/// A world at `slot`, last fee change at slot 0 (epoch 0).
fn fees_world(slot: u64) -> Fixture {
    let mut w = Fixture::new();
    w.mollusk.warp_to_slot(slot);
    w
}

#[test]
fn set_fees_success() {
    // Epoch 2 is the first in which a change at epoch 0 may be followed by another.
    let slot = 2 * EPOCH;
    let cases: [(Option<u16>, Option<u16>, Option<u16>); 6] = [
        (Some(125), None, None),
        (None, Some(110), None),
        (None, None, Some(10_000)),
        (Some(0), Some(0), Some(0)),
        (Some(110), Some(125), Some(5)),
        // Decreases are always allowed.
        (Some(75), Some(0), None),
    ];
    for (deposit, withdrawal, reward) in cases {
        let w = fees_world(slot);
        let ix = set_fees(
            &w.config_key(),
            &w.vault_key(),
            &w.admin,
            deposit,
            withdrawal,
            reward,
        );
        let mut expected = w.vault.clone();
        if let Some(f) = deposit {
            expected.deposit_fee_bps = f;
        }
        if let Some(f) = withdrawal {
            // Only the next epoch's fee changes.
            expected.next_withdrawal_fee_bps = f;
        }
        if let Some(f) = reward {
            expected.reward_fee_bps = f;
        }
        expected.last_fee_change_slot = slot;
        w.expect_vault("SetFees", &ix, &w.accounts(&[w.admin]), &expected);
    }
    // From a zero fee, the flat bump is the only allowance.
    let mut w = fees_world(slot + 57);
    w.vault.deposit_fee_bps = 0;
    let ix = set_fees(
        &w.config_key(),
        &w.vault_key(),
        &w.admin,
        Some(10),
        None,
        None,
    );
    let mut expected = w.vault.clone();
    expected.deposit_fee_bps = 10;
    expected.last_fee_change_slot = slot + 57;
    w.expect_vault("SetFees", &ix, &w.accounts(&[w.admin]), &expected);
}

#[test]
fn set_fees_failures() {
    let w = fees_world(2 * EPOCH);
    let accounts = w.accounts(&[w.admin]);
    let ix = set_fees(
        &w.config_key(),
        &w.vault_key(),
        &w.admin,
        Some(110),
        None,
        None,
    );
    load_failures(&w, &ix, &accounts);
    w.expect_error(
        &unsigned(ix.clone(), 2),
        &accounts,
        ProgramError::MissingRequiredSignature,
    );
    // The vault admin is not the fee admin once the role moved.
    let mut w2 = fees_world(2 * EPOCH);
    w2.vault.fee_admin = Pubkey::new_unique();
    let a = w2.accounts(&[w2.admin]);
    w2.expect_error(
        &set_fees(
            &w2.config_key(),
            &w2.vault_key(),
            &w2.admin,
            Some(110),
            None,
            None,
        ),
        &a,
        ProgramError::Custom(err::VAULT_FEE_ADMIN_INVALID),
    );
    // Nothing to change.
    let none = set_fees(&w.config_key(), &w.vault_key(), &w.admin, None, None, None);
    w.expect_error(&none, &accounts, ProgramError::InvalidInstructionData);
    // Above the config cap (2_000), above 100%, too large a step.
    /// (deposit, withdrawal, reward) fee arguments of SetFees.
    type Fees = (Option<u16>, Option<u16>, Option<u16>);
    let cases: [(Fees, u32); 7] = [
        ((Some(2_001), None, None), err::VAULT_FEE_CAP_EXCEEDED),
        ((None, Some(2_001), None), err::VAULT_FEE_CAP_EXCEEDED),
        ((None, None, Some(10_001)), err::VAULT_FEE_CAP_EXCEEDED),
        ((Some(126), None, None), err::VAULT_FEE_BUMP_TOO_LARGE),
        ((None, Some(126), None), err::VAULT_FEE_BUMP_TOO_LARGE),
        // A valid deposit fee does not stick when the withdrawal fee fails.
        ((Some(125), Some(126), None), err::VAULT_FEE_BUMP_TOO_LARGE),
        (
            (Some(125), Some(125), Some(u16::MAX)),
            err::VAULT_FEE_CAP_EXCEEDED,
        ),
    ];
    for ((d, wd, r), code) in cases {
        let ix = set_fees(&w.config_key(), &w.vault_key(), &w.admin, d, wd, r);
        w.expect_error(&ix, &accounts, ProgramError::Custom(code));
    }
    // The cap is the config's: with a lower cap the same step fails.
    let mut w3 = fees_world(2 * EPOCH);
    w3.config.deposit_withdrawal_fee_cap_bps = 120;
    let a = w3.accounts(&[w3.admin]);
    w3.expect_error(
        &set_fees(
            &w3.config_key(),
            &w3.vault_key(),
            &w3.admin,
            Some(121),
            None,
            None,
        ),
        &a,
        ProgramError::Custom(err::VAULT_FEE_CAP_EXCEEDED),
    );
    // Malformed options, trailing bytes.
    for args in [&[2u8, 0, 0][..], &[1, 5], &[0, 0], &[0, 0, 0, 0], &[]] {
        w.expect_error(
            &with_args(ix.clone(), args),
            &accounts,
            ProgramError::InvalidInstructionData,
        );
    }
    w.expect_error(
        &drop_last_account(ix),
        &accounts[..2],
        ProgramError::NotEnoughAccountKeys,
    );
}

#[test]
fn set_fees_once_per_full_epoch() {
    // Last change at slot 150 (epoch 1): not before epoch 3 (slot 300).
    for slot in [150u64, 199, 200, 299] {
        let mut w = fees_world(slot);
        w.vault.last_fee_change_slot = 150;
        let a = w.accounts(&[w.admin]);
        let ix = set_fees(
            &w.config_key(),
            &w.vault_key(),
            &w.admin,
            Some(101),
            None,
            None,
        );
        w.expect_error(
            &ix,
            &a,
            ProgramError::Custom(err::VAULT_FEE_CHANGE_TOO_SOON),
        );
        // Checked before the "no fee given" rule.
        let none = set_fees(&w.config_key(), &w.vault_key(), &w.admin, None, None, None);
        w.expect_error(
            &none,
            &a,
            ProgramError::Custom(err::VAULT_FEE_CHANGE_TOO_SOON),
        );
    }
    let mut w = fees_world(300);
    w.vault.last_fee_change_slot = 150;
    let ix = set_fees(
        &w.config_key(),
        &w.vault_key(),
        &w.admin,
        Some(101),
        None,
        None,
    );
    let mut expected = w.vault.clone();
    expected.deposit_fee_bps = 101;
    expected.last_fee_change_slot = 300;
    w.expect_vault("SetFees", &ix, &w.accounts(&[w.admin]), &expected);
    // A zero epoch length in the config: the core's BadEpochLength (0).
    let mut w = fees_world(300);
    w.config.epoch_length = 0;
    let a = w.accounts(&[w.admin]);
    let ix = set_fees(
        &w.config_key(),
        &w.vault_key(),
        &w.admin,
        Some(101),
        None,
        None,
    );
    w.expect_error(&ix, &a, ProgramError::Custom(0));
}

// ---------------------------------------------------------------------------
// SetIsPaused
// ---------------------------------------------------------------------------

#[test]
fn set_is_paused_both_ways() {
    for (from, to) in [(false, true), (true, false), (true, true), (false, false)] {
        let mut w = Fixture::new();
        w.vault.is_paused = from;
        let ix = set_is_paused(&w.config_key(), &w.vault_key(), &w.admin, to);
        let mut expected = w.vault.clone();
        expected.is_paused = to;
        w.expect_vault("SetIsPaused", &ix, &w.accounts(&[w.admin]), &expected);
    }
}

#[test]
fn set_is_paused_failures() {
    let w = Fixture::new();
    let accounts = w.accounts(&[w.admin]);
    let ix = set_is_paused(&w.config_key(), &w.vault_key(), &w.admin, true);
    load_failures(&w, &ix, &accounts);
    w.expect_error(
        &unsigned(ix.clone(), 2),
        &accounts,
        ProgramError::MissingRequiredSignature,
    );
    let mut w2 = Fixture::new();
    let capacity_admin = Pubkey::new_unique();
    w2.vault.capacity_admin = capacity_admin;
    let a = w2.accounts(&[capacity_admin]);
    w2.expect_error(
        &set_is_paused(&w2.config_key(), &w2.vault_key(), &capacity_admin, true),
        &a,
        ProgramError::Custom(err::VAULT_ADMIN_INVALID),
    );
    for args in [&[2u8][..], &[], &[1, 0]] {
        w.expect_error(
            &with_args(ix.clone(), args),
            &accounts,
            ProgramError::InvalidInstructionData,
        );
    }
    w.expect_error(
        &drop_last_account(ix),
        &accounts[..2],
        ProgramError::NotEnoughAccountKeys,
    );
}

// ---------------------------------------------------------------------------
// SetDepositCapacity
// ---------------------------------------------------------------------------

#[test]
fn set_deposit_capacity_by_capacity_admin() {
    for amount in [0u64, 1, 12_345, u64::MAX] {
        let mut w = Fixture::new();
        let capacity_admin = Pubkey::new_unique();
        w.vault.capacity_admin = capacity_admin;
        w.vault.deposit_capacity = 777;
        let ix = set_deposit_capacity(&w.config_key(), &w.vault_key(), &capacity_admin, amount);
        let mut expected = w.vault.clone();
        expected.deposit_capacity = amount;
        w.expect_vault(
            "SetDepositCapacity",
            &ix,
            &w.accounts(&[capacity_admin]),
            &expected,
        );
    }
    // Below the current deposits is allowed (it only limits MintTo).
    let w = Fixture::new();
    let ix = set_deposit_capacity(&w.config_key(), &w.vault_key(), &w.admin, 1);
    let mut expected = w.vault.clone();
    expected.deposit_capacity = 1;
    w.expect_vault(
        "SetDepositCapacity",
        &ix,
        &w.accounts(&[w.admin]),
        &expected,
    );
}

#[test]
fn set_deposit_capacity_failures() {
    let w = Fixture::new();
    let accounts = w.accounts(&[w.admin]);
    let ix = set_deposit_capacity(&w.config_key(), &w.vault_key(), &w.admin, 5);
    load_failures(&w, &ix, &accounts);
    w.expect_error(
        &unsigned(ix.clone(), 2),
        &accounts,
        ProgramError::MissingRequiredSignature,
    );
    // The vault admin is not the capacity admin once the role moved.
    let mut w2 = Fixture::new();
    w2.vault.capacity_admin = Pubkey::new_unique();
    let a = w2.accounts(&[w2.admin]);
    w2.expect_error(
        &set_deposit_capacity(&w2.config_key(), &w2.vault_key(), &w2.admin, 5),
        &a,
        ProgramError::Custom(err::VAULT_CAPACITY_ADMIN_INVALID),
    );
    for args in [&[0u8; 7][..], &[0; 9], &[]] {
        w.expect_error(
            &with_args(ix.clone(), args),
            &accounts,
            ProgramError::InvalidInstructionData,
        );
    }
    w.expect_error(
        &drop_last_account(ix),
        &accounts[..2],
        ProgramError::NotEnoughAccountKeys,
    );
}
