//! UpdateTokenMetadata (tag 31): the vault admin rewrites the name, symbol and
//! URI of the VRT's Metaplex metadata; the vault signs as update authority.

use jito_core::{
    account::load,
    loader::{load_program, load_signer, load_token_mint_of},
};
use jito_vault_interface::state::Vault;
use pinocchio::{
    cpi::{invoke_signed, Signer},
    error::ProgramError,
    instruction::{InstructionAccount, InstructionView},
    AccountView, Address, ProgramResult,
};

use super::shared::token_metadata::{
    check_metadata_address, check_name_symbol_uri, concat, cpi_data_buffer, vrt_mint_program,
    MPL_TOKEN_METADATA_ID,
};

/// Metaplex `UpdateMetadataAccountV2` instruction tag.
const UPDATE_METADATA_ACCOUNT_V2: u8 = 15;

/// Accounts: `[vault, admin (s), vrt_mint, metadata (w),
/// mpl_token_metadata_program]`. Data: `name, symbol, uri` (Borsh strings).
pub fn process_update_token_metadata(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    check_name_symbol_uri(data)?;
    let [vault_info, admin, vrt_mint, metadata, mpl_token_metadata_program] = accounts else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let vault = load::<Vault>(program_id, vault_info, false)?;
    let (base, bump) = {
        load_signer(admin, false)?;
        load_token_mint_of(vrt_mint, vrt_mint_program(vrt_mint, &vault.vrt_mint))?;
        check_metadata_address(metadata, vrt_mint.address())?;
        load_program(mpl_token_metadata_program, &MPL_TOKEN_METADATA_ID)?;

        vault.check_admin(admin.address())?;
        vault.check_vrt_mint(vrt_mint.address())?;
        (vault.base, vault.bump)
    };

    // UpdateMetadataAccountArgsV2 in Borsh: data: Some(DataV2 { name, symbol,
    // uri, seller_fee_basis_points: 0, creators: None, collection: None,
    // uses: None }), update_authority: None, primary_sale_happened: None,
    // is_mutable: Some(true).
    let mut buf = cpi_data_buffer();
    let cpi_data = concat(
        &mut buf,
        &[UPDATE_METADATA_ACCOUNT_V2, 1],
        data,
        &[0, 0, 0, 0, 0, 0, 0, 1, 1],
    )?;

    let bump_seed = [bump];
    let vault_seeds = Vault::signer_seeds(&base, &bump_seed);
    invoke_signed(
        &InstructionView {
            program_id: &MPL_TOKEN_METADATA_ID,
            data: cpi_data,
            accounts: &[
                InstructionAccount::writable(metadata.address()),
                InstructionAccount::readonly_signer(vault_info.address()),
            ],
        },
        &[&*metadata, &*vault_info],
        &[Signer::from(&vault_seeds)],
    )
}
