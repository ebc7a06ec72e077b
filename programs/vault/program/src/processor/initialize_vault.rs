//! InitializeVault (tag 1): creates the VRT mint and the vault, deposits the
//! initial supported tokens and mints the matching VRT to the burn vault.

use jito_core::{
    account::{load_fixed_mut, AccountType},
    loader::{
        load_associated_token_account_program, load_program, load_signer, load_system_account,
        load_system_program, load_token_account_of, load_token_mint_of, select_token_program,
        ASSOCIATED_TOKEN_PROGRAM_ID,
    },
    pda::{create_pda_account_with_rent, verify_new_canonical_pda},
    token::{extension, Extensions, Mint, TOKEN_2022_PROGRAM_ID},
    token_cpi, unlikely,
};
use jito_vault_interface::{
    error::VaultError,
    state::{BurnVault, Config, Vault},
    MAX_BPS,
};
use pinocchio::{
    address::address_eq,
    cpi::{invoke, Signer},
    error::ProgramError,
    instruction::{InstructionAccount, InstructionView},
    sysvars::{clock::Clock, rent::Rent, Sysvar},
    AccountView, Address, ProgramResult,
};
use pinocchio_system::instructions::CreateAccount;

/// `deposit_fee_bps: u16, withdrawal_fee_bps: u16, reward_fee_bps: u16,
/// decimals: u8, initialize_token_amount: u64`.
const ARGS_LEN: usize = 15;

/// Accounts: `[config (w), vault (w), vrt_mint (w, s), st_mint,
/// admin_st_token_account (w), vault_st_token_account (w), burn_vault,
/// burn_vault_vrt_token_account (w), admin (w, s), base (s), system_program,
/// token_program, associated_token_program]`.
pub fn process_initialize_vault(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    let args: &[u8; ARGS_LEN] = data
        .try_into()
        .map_err(|_| ProgramError::InvalidInstructionData)?;
    let deposit_fee_bps = u16::from_le_bytes([args[0], args[1]]);
    let withdrawal_fee_bps = u16::from_le_bytes([args[2], args[3]]);
    let reward_fee_bps = u16::from_le_bytes([args[4], args[5]]);
    let decimals = args[6];
    let mut amount = [0u8; 8];
    amount.copy_from_slice(&args[7..15]);
    let initialize_token_amount = u64::from_le_bytes(amount);

    let [config_info, vault_info, vrt_mint, st_mint, admin_st_token_account, vault_st_token_account, burn_vault, burn_vault_vrt_token_account, admin, base, system_program, token_program, associated_token_program] =
        accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    // Checks in the original's order: the first failing one decides the error.
    // SAFETY: the only view of the config: every other account of the
    // instruction is checked below as a system, token, burn vault, signer or
    // program account, none of which a config (owned by this program, a PDA
    // that cannot sign) passes.
    let config = unsafe { load_fixed_mut::<Config>(program_id, config_info, true) }?;
    load_system_account(vault_info, true)?;
    load_system_account(vrt_mint, true)?;
    load_signer(vrt_mint, true)?;
    // The supported mint's program is the vault's: SPL Token as the original,
    // or Token-2022 (the VRT mint and every ATA then live under Token-2022).
    let token_program_id = select_token_program(token_program, st_mint);
    load_token_mint_of(st_mint, token_program_id)?;
    // The original checks the token program again before each token account
    // and before the ATA program; once passed, those checks cannot fail (the
    // same account and id), so this one stands for all three.
    load_program(token_program, token_program_id)?;
    load_token_account_of(
        admin_st_token_account,
        admin.address(),
        st_mint.address(),
        token_program_id,
    )?;
    load_token_account_of(
        vault_st_token_account,
        vault_info.address(),
        st_mint.address(),
        token_program_id,
    )?;
    BurnVault::load(program_id, base.address(), burn_vault, false)?;
    load_system_account(burn_vault_vrt_token_account, true)?;
    load_signer(admin, true)?;
    load_signer(base, false)?;
    load_system_program(system_program)?;
    load_associated_token_account_program(associated_token_program)?;
    if address_eq(token_program_id, &TOKEN_2022_PROGRAM_ID) {
        check_supported_mint_extensions(st_mint)?;
    }

    if unlikely(initialize_token_amount == 0) {
        return Err(VaultError::VaultInitialAmountFailed.into());
    }

    // The vault sits at the canonical PDA of its base.
    let vault_bump = verify_new_canonical_pda(
        vault_info.address(),
        &Vault::seeds(base.address()),
        program_id,
    )?;

    let (fee_cap_bps, vault_index, program_fee_bps) = (
        config.deposit_withdrawal_fee_cap_bps(),
        config.num_vaults(),
        config.program_fee_bps(),
    );
    if unlikely(
        deposit_fee_bps > fee_cap_bps
            || withdrawal_fee_bps > fee_cap_bps
            || reward_fee_bps > MAX_BPS,
    ) {
        return Err(VaultError::VaultFeeCapExceeded.into());
    }

    // VRT mint: a base-size mint (no extensions) of the vault's token program,
    // whose authority is the vault.
    // Read once: the vault's creation below pays from the same value.
    let rent = Rent::get()?;
    CreateAccount {
        from: admin,
        to: vrt_mint,
        lamports: rent.try_minimum_balance(Mint::LEN)?,
        space: Mint::LEN as u64,
        owner: token_program.address(),
    }
    .invoke()?;
    token_cpi::initialize_mint2_with(token_program_id, vrt_mint, decimals, vault_info.address())?;

    let slot = Clock::get()?.slot;

    let bump_seed = [vault_bump];
    let vault_seeds = Vault::signer_seeds(base.address(), &bump_seed);
    create_pda_account_with_rent(
        admin,
        vault_info,
        program_id,
        Vault::LEN,
        &vault_seeds,
        Some(&rent),
    )?;
    {
        // SAFETY: created just above with `Vault::LEN` bytes; the only view of it.
        let vault = unsafe { Vault::init_view(vault_info) };
        vault.initialize(
            vrt_mint.address(),
            st_mint.address(),
            admin.address(),
            vault_index,
            base.address(),
            deposit_fee_bps,
            withdrawal_fee_bps,
            reward_fee_bps,
            program_fee_bps,
            vault_bump,
            slot,
        )?;
        // The initial VRT supply, minted fee-free 1:1.
        vault.mint_initial_supply(initialize_token_amount, deposit_fee_bps, base)?;
    }

    // The admin deposits the initial supported tokens.
    token_cpi::transfer_with(
        token_program_id,
        admin_st_token_account,
        vault_st_token_account,
        admin,
        initialize_token_amount,
        &[],
    )?;

    // The burn vault's VRT account (ATA `Create`, not idempotent, as the original).
    invoke(
        &InstructionView {
            program_id: &ASSOCIATED_TOKEN_PROGRAM_ID,
            data: &[0],
            accounts: &[
                InstructionAccount::writable_signer(admin.address()),
                InstructionAccount::writable(burn_vault_vrt_token_account.address()),
                InstructionAccount::readonly(burn_vault.address()),
                InstructionAccount::readonly(vrt_mint.address()),
                InstructionAccount::readonly(system_program.address()),
                InstructionAccount::readonly(token_program.address()),
            ],
        },
        &[
            &*admin,
            &*burn_vault_vrt_token_account,
            &*burn_vault,
            &*vrt_mint,
            &*system_program,
            &*token_program,
        ],
    )?;

    // The initial VRT goes to the burn vault, out of everyone's reach.
    token_cpi::mint_to_with(
        token_program_id,
        vrt_mint,
        burn_vault_vrt_token_account,
        vault_info,
        initialize_token_amount,
        &[Signer::from(&vault_seeds)],
    )?;

    config.increment_num_vaults()?;
    Ok(())
}

/// Token-2022 supported mints (an addition): refuses (`InvalidAccountData`) a
/// mint carrying any extension but those that cannot change the vault's token
/// balance behind its back nor block its transfers. Refused, among others:
/// PermanentDelegate (the delegate can take the vault's tokens: its recorded
/// deposits would exceed its balance and the epoch update underflow),
/// TransferFeeConfig and ConfidentialTransferFeeConfig (fees break the 1:1
/// accounting; Token-2022 also refuses the vault's plain `Transfer`),
/// TransferHook (an outside program could block withdrawals), NonTransferable
/// (nothing could be withdrawn) and Pausable (an authority could stop every
/// withdrawal). Extension types unknown here are refused too. Reads the TLV
/// entries in place.
#[inline(never)]
fn check_supported_mint_extensions(st_mint: &AccountView) -> ProgramResult {
    // SAFETY: only read, and no mutable borrow of the mint is held.
    for entry in Extensions::of(unsafe { st_mint.borrow_unchecked() }) {
        let (kind, _) = entry?;
        // Accepted: only the owner's or an authority's view of the mint changes
        // (metadata, groups, UI scaling / interest display), the mint cannot be
        // closed while the vault holds its tokens (MintCloseAuthority), new
        // accounts start frozen only under a freeze authority SPL Token mints
        // have too (DefaultAccountState), and confidential balances never touch
        // the vault's public balance (ConfidentialTransferMint,
        // ConfidentialMintBurn).
        let accepted = matches!(
            kind,
            extension::MINT_CLOSE_AUTHORITY
                | extension::CONFIDENTIAL_TRANSFER_MINT
                | extension::DEFAULT_ACCOUNT_STATE
                | extension::INTEREST_BEARING_CONFIG
                | extension::METADATA_POINTER
                | extension::TOKEN_METADATA
                | extension::GROUP_POINTER
                | extension::TOKEN_GROUP
                | extension::GROUP_MEMBER_POINTER
                | extension::TOKEN_GROUP_MEMBER
                | extension::CONFIDENTIAL_MINT_BURN
                | extension::SCALED_UI_AMOUNT
        );
        if unlikely(!accepted) {
            return Err(ProgramError::InvalidAccountData);
        }
    }
    Ok(())
}
