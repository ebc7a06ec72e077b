//! The account payer: a system-owned PDA (`["account_payer", ncn, ncn]`) funded by the NCN
//! that pays the rent of every account the program creates or grows, signed for by the
//! program (the template's `AccountPayer`).

use super::pda::verify_account_payer_pda;
use jito_core::{loader::SYSTEM_PROGRAM_ID, unlikely};
use jito_ncn_interface::{constants::MAX_REALLOC_BYTES, pda::ACCOUNT_PAYER_SEED};
use pinocchio::{
    cpi::{Seed, Signer},
    error::ProgramError,
    sysvars::{rent::Rent, Sysvar},
    AccountView, Address, ProgramResult, UnsafeResize,
};
use pinocchio_system::instructions::{Allocate, Assign, CreateAccount, Transfer};

/// A checked account payer: the account and the bump to sign with.
pub struct AccountPayer<'a> {
    pub account: &'a AccountView,
    bump: [u8; 1],
    /// Loaded by [`AccountPayer::load_signing`]: the matching bump's address is not yet
    /// curve-checked (every higher bump's is).
    unchecked_match: bool,
}

/// Whether `address` is a point of ed25519 (`sol_curve_validate_point`).
#[inline(never)]
#[cold]
fn is_on_curve(address: &Address) -> bool {
    #[cfg(target_arch = "bpf")]
    {
        let mut result = 0u8;
        // SAFETY: reads the 32-byte address, writes one byte of `result`.
        unsafe {
            solana_define_syscall::definitions::sol_curve_validate_point(
                0, // CURVE25519_EDWARDS
                address.as_ref().as_ptr(),
                &mut result,
            ) == 0
        }
    }
    #[cfg(not(target_arch = "bpf"))]
    {
        address.is_on_curve()
    }
}

impl<'a> AccountPayer<'a> {
    /// The template's `AccountPayer::load`: owned by the system program
    /// (`InvalidAccountOwner`), at the canonical PDA of `ncn` and, when expected, writable
    /// (both `InvalidAccountData`).
    #[inline(never)]
    pub fn load(
        program_id: &Address,
        account: &'a AccountView,
        ncn: &Address,
        expect_writable: bool,
    ) -> Result<Self, ProgramError> {
        if unlikely(!account.owned_by(&SYSTEM_PROGRAM_ID)) {
            return Err(ProgramError::InvalidAccountOwner);
        }
        let bump = verify_account_payer_pda(account.address(), ncn, program_id, true)?;
        if unlikely(expect_writable && !account.is_writable()) {
            return Err(ProgramError::InvalidAccountData);
        }
        Ok(Self {
            account,
            bump: [bump],
            unchecked_match: false,
        })
    }

    /// [`AccountPayer::load`] for an instruction that then signs a CPI with the payer on its
    /// success path, one curve check cheaper: the matching bump is not curve-checked here
    /// (the higher bumps are). Its caller maps every error after this call through
    /// [`AccountPayer::settle`], and [`AccountPayer::create_account`] /
    /// [`AccountPayer::realloc`] curve-check it when they do not sign with the payer.
    ///
    /// Proof that the answers are the template's: an on-curve match is the only address
    /// this accepts and `load` refuses (`InvalidAccountData`). (1) Every later error of the
    /// instruction goes through `settle`, which curve-checks the match and returns
    /// `InvalidAccountData` for it, as `load` did before any later check. (2) On a success
    /// path the payer signs `CreateAccount` / `Transfer` through `invoke_signed` with these
    /// seeds and bump, and the runtime's `create_program_address` refuses an on-curve
    /// address, so the instruction fails there and nothing changes; only the error differs
    /// (the runtime's instead of `InvalidAccountData`), for an address built on purpose as the
    /// on-curve hash of the payer's seeds at a bump above the canonical one
    /// (`docs/COMPATIBILITY.md`). (3) A success path without the payer's signature (the new
    /// account already funded) curve-checks it first.
    #[inline(never)]
    pub fn load_signing(
        program_id: &Address,
        account: &'a AccountView,
        ncn: &Address,
        expect_writable: bool,
    ) -> Result<Self, ProgramError> {
        if unlikely(!account.owned_by(&SYSTEM_PROGRAM_ID)) {
            return Err(ProgramError::InvalidAccountOwner);
        }
        let bump = verify_account_payer_pda(account.address(), ncn, program_id, false)?;
        if unlikely(expect_writable && !account.is_writable()) {
            return Err(ProgramError::InvalidAccountData);
        }
        Ok(Self {
            account,
            bump: [bump],
            unchecked_match: true,
        })
    }

    /// The error the template returns where this instruction fails with `err` after the
    /// payer was loaded: `InvalidAccountData` if the payer's address is on the curve
    /// ([`AccountPayer::load_signing`]; `load` refused it before any later check), else `err`.
    #[inline(never)]
    #[cold]
    pub fn settle(&self, err: ProgramError) -> ProgramError {
        if self.unchecked_match && is_on_curve(self.account.address()) {
            return ProgramError::InvalidAccountData;
        }
        err
    }

    /// Before a success path on which the payer does not sign: the curve check
    /// [`AccountPayer::load_signing`] left out (`InvalidAccountData`, as `load`).
    #[inline(always)]
    pub fn check_unsigned(&self) -> ProgramResult {
        if unlikely(self.unchecked_match && is_on_curve(self.account.address())) {
            return Err(ProgramError::InvalidAccountData);
        }
        Ok(())
    }

    /// Moves `lamports` from the payer to `to`, signed with the payer's seeds.
    #[inline(never)]
    fn transfer(&self, ncn: &Address, to: &AccountView, lamports: u64) -> ProgramResult {
        let seeds = self.seeds(ncn);
        Transfer {
            from: self.account,
            to,
            lamports,
        }
        .invoke_signed(&[Signer::from(&seeds)])
    }

    fn seeds<'s>(&'s self, ncn: &'s Address) -> [Seed<'s>; 4] {
        [
            Seed::from(ACCOUNT_PAYER_SEED),
            Seed::from(ncn.as_ref()),
            Seed::from(ncn.as_ref()),
            Seed::from(&self.bump),
        ]
    }

    /// The template's `pay_and_create_account`: tops `new_account` up to the rent exemption of
    /// `space` bytes, allocates `min(space, 10,240)` bytes and assigns it to `owner`, signed
    /// with `new_account_seeds` (bump included). An address without lamports is created in one
    /// `CreateAccount` (same result, one CPI instead of three).
    #[inline(never)]
    pub fn create_account(
        &self,
        ncn: &Address,
        new_account: &AccountView,
        owner: &Address,
        space: usize,
        new_account_seeds: &[Seed],
    ) -> ProgramResult {
        let rent_exempt = Rent::get()?.try_minimum_balance(space)?;
        let allocated = (space as u64).min(MAX_REALLOC_BYTES);
        let current = new_account.lamports();
        if current == 0 {
            let payer_seeds = self.seeds(ncn);
            return CreateAccount {
                from: self.account,
                to: new_account,
                lamports: rent_exempt,
                space: allocated,
                owner,
            }
            .invoke_signed(&[Signer::from(&payer_seeds), Signer::from(new_account_seeds)]);
        }
        let shortfall = rent_exempt.saturating_sub(current);
        if shortfall > 0 {
            self.transfer(ncn, new_account, shortfall)?;
        } else {
            self.check_unsigned()?;
        }
        let signers = [Signer::from(new_account_seeds)];
        Allocate {
            account: new_account,
            space: allocated,
        }
        .invoke_signed(&signers)?;
        Assign {
            account: new_account,
            owner,
        }
        .invoke_signed(&signers)
    }

    /// The template's `pay_and_realloc`: tops `account` up to the rent exemption of
    /// `new_size` bytes, then grows it to `new_size` (new bytes zero). At most one call per
    /// instruction and account: growth past 10,240 bytes is `InvalidRealloc`.
    #[inline(never)]
    pub fn realloc(
        &self,
        ncn: &Address,
        account: &mut AccountView,
        new_size: usize,
    ) -> ProgramResult {
        if unlikely(new_size.saturating_sub(account.data_len()) > MAX_REALLOC_BYTES as usize) {
            return Err(ProgramError::InvalidRealloc);
        }
        let rent_exempt = Rent::get()?.try_minimum_balance(new_size)?;
        let shortfall = rent_exempt.saturating_sub(account.lamports());
        if shortfall > 0 {
            self.transfer(ncn, account, shortfall)?;
        } else {
            self.check_unsigned()?;
        }
        account.check_borrow_mut()?;
        // SAFETY: no borrow of the data is held (checked above). The length is still the
        // one the runtime serialized (nothing resized the account in this instruction: the
        // transfer does not, and callers resize once), so growing by at most
        // MAX_PERMITTED_DATA_INCREASE (checked above) stays inside the realloc region.
        unsafe { account.resize(new_size) };
        Ok(())
    }
}

impl AccountPayer<'_> {
    /// The template's `AccountPayer::transfer`: `lamports` from the payer to `to`.
    #[inline(always)]
    pub fn pay(&self, ncn: &Address, to: &AccountView, lamports: u64) -> ProgramResult {
        self.transfer(ncn, to, lamports)
    }
}
