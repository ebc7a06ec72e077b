//! CreateTokenMetadata (tag 30): the vault admin creates the Metaplex metadata
//! of the VRT mint; the vault signs as mint and update authority.

use jito_core::{
    account::load,
    loader::{
        load_program, load_signer, load_system_account, load_system_program, load_token_mint_of,
    },
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

/// Metaplex `CreateMetadataAccountV3` instruction tag.
const CREATE_METADATA_ACCOUNT_V3: u8 = 33;

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

    let vault = load::<Vault>(program_id, vault_info, false)?;
    let (base, bump) = {
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
    let mut buf = cpi_data_buffer();
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
