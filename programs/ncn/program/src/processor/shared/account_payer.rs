//! The account payer: a system-owned PDA (`["account_payer", ncn, ncn]`) funded by the NCN
//! that pays the rent of every account the program creates or grows, signed for by the
//! program (the template's `AccountPayer`).

use jito_core::{loader::SYSTEM_PROGRAM_ID, unlikely};
use jito_ncn_interface::pda::verify_canonical_pda;
use jito_ncn_interface::{
    constants::MAX_REALLOC_BYTES,
    pda::{account_payer_seeds, ACCOUNT_PAYER_SEED},
};
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
        let bump = verify_canonical_pda(account.address(), &account_payer_seeds(ncn), program_id)?;
        if unlikely(expect_writable && !account.is_writable()) {
            return Err(ProgramError::InvalidAccountData);
        }
        Ok(Self {
            account,
            bump: [bump],
        })
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
