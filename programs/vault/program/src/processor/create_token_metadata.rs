//! CreateTokenMetadata (tag 30): the vault admin creates the Metaplex metadata
//! of the VRT mint; the vault signs as mint and update authority.

use jito_core::{
    account::AccountType,
    loader::{
        load_program, load_signer, load_system_account, load_system_program, load_token_mint_of,
        TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID,
    },
    pda::verify_canonical_pda,
};
use jito_vault_interface::state::Vault;
use pinocchio::{
    address::address_eq,
    cpi::{invoke_signed, Signer},
    error::ProgramError,
    instruction::{InstructionAccount, InstructionView},
    AccountView, Address, ProgramResult,
};

/// Metaplex Token Metadata: `metaqbxxUerdq28cj1RbAWkYQm3ybzjb6a8bt518x1s`.
pub const MPL_TOKEN_METADATA_ID: Address =
    Address::from_str_const("metaqbxxUerdq28cj1RbAWkYQm3ybzjb6a8bt518x1s");

/// The token program the VRT mint must belong to: Token-2022 only for the
/// vault's own VRT mint when it was created under Token-2022, SPL Token (as the
/// original) for anything else, so SPL Token vaults fail exactly as before.
#[inline(always)]
pub(crate) fn vrt_mint_program(
    vrt_mint: &AccountView,
    vault_vrt_mint: &Address,
) -> &'static Address {
    if vrt_mint.owned_by(&TOKEN_2022_PROGRAM_ID) && address_eq(vrt_mint.address(), vault_vrt_mint) {
        &TOKEN_2022_PROGRAM_ID
    } else {
        &TOKEN_PROGRAM_ID
    }
}

/// Metaplex `CreateMetadataAccountV3` instruction tag.
const CREATE_METADATA_ACCOUNT_V3: u8 = 33;

/// Room for the CPI data. Metaplex refuses names, symbols and URIs longer than
/// 32, 10 and 200 bytes, so any usable metadata fits many times over.
pub(crate) const MAX_CPI_DATA_LEN: usize = 1024;

/// Checks that `data` is exactly three Borsh strings (`u32` length then UTF-8
/// bytes), as the original's decoding of `name, symbol, uri`.
pub(crate) fn check_name_symbol_uri(data: &[u8]) -> ProgramResult {
    let mut rest = data;
    for _ in 0..3 {
        let [a, b, c, d, tail @ ..] = rest else {
            return Err(ProgramError::InvalidInstructionData);
        };
        let len = u32::from_le_bytes([*a, *b, *c, *d]) as usize;
        if len > tail.len() {
            return Err(ProgramError::InvalidInstructionData);
        }
        let (string, tail) = tail.split_at(len);
        if core::str::from_utf8(string).is_err() {
            return Err(ProgramError::InvalidInstructionData);
        }
        rest = tail;
    }
    if !rest.is_empty() {
        return Err(ProgramError::InvalidInstructionData);
    }
    Ok(())
}

/// `account` is the Metaplex metadata PDA of `mint` (`InvalidAccountData`).
#[inline(always)]
pub(crate) fn check_metadata_address(account: &AccountView, mint: &Address) -> ProgramResult {
    verify_canonical_pda(
        account.address(),
        &[b"metadata", MPL_TOKEN_METADATA_ID.as_ref(), mint.as_ref()],
        &MPL_TOKEN_METADATA_ID,
    )
    .map(|_| ())
}

/// Writes `prefix ‖ args ‖ suffix` into `buf`; returns the written part.
#[inline(always)]
pub(crate) fn concat<'a>(
    buf: &'a mut [u8; MAX_CPI_DATA_LEN],
    prefix: &[u8],
    args: &[u8],
    suffix: &[u8],
) -> Result<&'a [u8], ProgramError> {
    let args_end = prefix.len() + args.len();
    let len = args_end + suffix.len();
    if len > MAX_CPI_DATA_LEN {
        return Err(ProgramError::InvalidInstructionData);
    }
    buf[..prefix.len()].copy_from_slice(prefix);
    buf[prefix.len()..args_end].copy_from_slice(args);
    buf[args_end..len].copy_from_slice(suffix);
    Ok(&buf[..len])
}

/// Accounts: `[vault, admin (s), vrt_mint, payer (w, s), metadata (w),
/// mpl_token_metadata_program, system_program]`. Data: `name, symbol, uri`
/// (Borsh strings).
pub fn process_create_token_metadata(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    check_name_symbol_uri(data)?;
    let [vault_info, admin, vrt_mint, payer, metadata, mpl_token_metadata_program, system_program] =
        accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    Vault::load(program_id, vault_info, false)?;
    let (base, bump) = {
        // SAFETY: checked by its load above; the only view of it here.
        let vault = unsafe { Vault::view(vault_info) };
        load_signer(admin, false)?;
        load_token_mint_of(vrt_mint, vrt_mint_program(vrt_mint, &vault.vrt_mint))?;
        load_signer(payer, true)?;
        load_system_account(metadata, true)?;
        load_program(mpl_token_metadata_program, &MPL_TOKEN_METADATA_ID)?;
        load_system_program(system_program)?;

        vault.check_admin(admin.address())?;
        vault.check_vrt_mint(vrt_mint.address())?;
        (vault.base, vault.bump)
    };
    check_metadata_address(metadata, vrt_mint.address())?;

    // CreateMetadataAccountArgsV3 in Borsh: DataV2 { name, symbol, uri,
    // seller_fee_basis_points: 0, creators: None, collection: None, uses: None },
    // is_mutable: true, collection_details: None.
    let mut buf = [0u8; MAX_CPI_DATA_LEN];
    let cpi_data = concat(
        &mut buf,
        &[CREATE_METADATA_ACCOUNT_V3],
        data,
        &[0, 0, 0, 0, 0, 1, 0],
    )?;

    let bump_seed = [bump];
    let vault_seeds = Vault::signer_seeds(&base, &bump_seed);
    // The vault is both the mint authority and the update authority.
    invoke_signed(
        &InstructionView {
            program_id: &MPL_TOKEN_METADATA_ID,
            data: cpi_data,
            accounts: &[
                InstructionAccount::writable(metadata.address()),
                InstructionAccount::readonly(vrt_mint.address()),
                InstructionAccount::readonly_signer(vault_info.address()),
                InstructionAccount::writable_signer(payer.address()),
                InstructionAccount::readonly_signer(vault_info.address()),
                InstructionAccount::readonly(system_program.address()),
            ],
        },
        &[
            &*metadata,
            &*vrt_mint,
            &*vault_info,
            &*payer,
            &*vault_info,
            &*system_program,
        ],
        &[Signer::from(&vault_seeds)],
    )
}
