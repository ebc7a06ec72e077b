//! The NCN-program-admin check of the st-mint instructions.

use jito_core::{account::AccountType, unlikely};
use jito_restaking_interface::state::Ncn;
use pinocchio::{address::address_eq, error::ProgramError, AccountView, ProgramResult};

/// `admin` is the NCN's `ncn_program_admin` (a secondary admin of the restaking NCN), else
/// `InvalidAccountData` as in the template. `ncn_info` must have been loaded.
#[inline(always)]
pub fn check_ncn_program_admin(ncn_info: &AccountView, admin: &AccountView) -> ProgramResult {
    // SAFETY: the caller loaded the NCN (restaking-owned, right size); only read.
    let ncn = Ncn::from_bytes(unsafe { ncn_info.borrow_unchecked() })?;
    if unlikely(!address_eq(&ncn.ncn_program_admin, admin.address())) {
        return Err(ProgramError::InvalidAccountData);
    }
    Ok(())
}

/// `admin` is the NCN's admin, else `IncorrectNcnAdmin`. `ncn_info` must have been loaded.
#[inline(always)]
pub fn check_ncn_admin(ncn_info: &AccountView, admin: &AccountView) -> ProgramResult {
    // SAFETY: the caller loaded the NCN (restaking-owned, right size); only read.
    let ncn = Ncn::from_bytes(unsafe { ncn_info.borrow_unchecked() })?;
    if unlikely(!address_eq(&ncn.admin, admin.address())) {
        return Err(jito_ncn_interface::error::NcnProgramError::IncorrectNcnAdmin.into());
    }
    Ok(())
}
