//! RPC reads (feature `fetch`, on `solana-rpc-client` of the agave 4.3 family). Besides the
//! generated per-type `fetch_<account>` / `fetch_all_<account>` / `fetch_maybe_<account>`
//! (by address), these read any account type of the crate, with checked decoding:
//!
//! ```no_run
//! # fn main() -> Result<(), std::io::Error> {
//! use jito_ncn_client::{accounts::BallotBox, fetch, ProgramIds};
//!
//! let rpc = fetch::RpcClient::new("http://127.0.0.1:8899".to_string());
//! let ids = ProgramIds::default();
//! for ballot_box in fetch::fetch_all_of_type::<BallotBox>(&rpc, &ids.ncn)? {
//!     println!("{} epoch {}", ballot_box.address, ballot_box.data.epoch);
//! }
//! # Ok(())
//! # }
//! ```
//!
//! (The same code in the restaking, vault and NCN client crates.)

use solana_address::Address;
use solana_rpc_client::api::{
    config::{RpcAccountInfoConfig, RpcProgramAccountsConfig, UiAccountEncoding},
    filter::{Memcmp, RpcFilterType},
};
pub use solana_rpc_client::rpc_client::RpcClient;

pub use crate::shared::{DecodedAccount, MaybeAccount};
use crate::ProgramAccount;

fn invalid(message: String) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, message)
}

/// The account at `address`, decoded as a `T` (size and discriminator checked). An absent
/// account is a `NotFound` error.
pub fn fetch_account<T: ProgramAccount>(
    rpc: &RpcClient,
    address: &Address,
) -> Result<DecodedAccount<T>, std::io::Error> {
    match fetch_maybe_account(rpc, address)? {
        MaybeAccount::Exists(account) => Ok(account),
        MaybeAccount::NotFound(address) => Err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            format!("{} account {address} not found", T::NAME),
        )),
    }
}

/// The account at `address` decoded as a `T` (size and discriminator checked), or
/// `NotFound` when there is none.
pub fn fetch_maybe_account<T: ProgramAccount>(
    rpc: &RpcClient,
    address: &Address,
) -> Result<MaybeAccount<T>, std::io::Error> {
    let accounts = rpc
        .get_multiple_accounts(&[*address])
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(match accounts.into_iter().next().flatten() {
        Some(account) => MaybeAccount::Exists(DecodedAccount {
            address: *address,
            data: T::from_bytes(&account.data)
                .map_err(|e| invalid(format!("account {address}: {e}")))?,
            account,
        }),
        None => MaybeAccount::NotFound(*address),
    })
}

/// Every `T` account of the program deployed at `program_id`: one `getProgramAccounts` call
/// filtered by the type's size and 8-byte discriminator.
pub fn fetch_all_of_type<T: ProgramAccount>(
    rpc: &RpcClient,
    program_id: &Address,
) -> Result<Vec<DecodedAccount<T>>, std::io::Error> {
    let config = RpcProgramAccountsConfig {
        filters: Some(vec![
            RpcFilterType::DataSize(T::LEN as u64),
            RpcFilterType::Memcmp(Memcmp::new_base58_encoded(
                0,
                &T::DISCRIMINATOR.to_le_bytes(),
            )),
        ]),
        account_config: RpcAccountInfoConfig {
            encoding: Some(UiAccountEncoding::Base64),
            ..RpcAccountInfoConfig::default()
        },
        ..RpcProgramAccountsConfig::default()
    };
    let accounts = rpc
        .get_program_ui_accounts_with_config(program_id, config)
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    accounts
        .into_iter()
        .map(|(address, ui)| {
            let data = ui
                .data
                .decode()
                .ok_or_else(|| invalid(format!("account {address}: undecodable data")))?;
            let owner: Address = ui
                .owner
                .parse()
                .map_err(|_| invalid(format!("account {address}: bad owner {}", ui.owner)))?;
            Ok(DecodedAccount {
                address,
                data: T::from_bytes(&data)
                    .map_err(|e| invalid(format!("account {address}: {e}")))?,
                account: solana_account::Account {
                    lamports: ui.lamports,
                    data,
                    owner,
                    executable: ui.executable,
                    rent_epoch: ui.rent_epoch,
                },
            })
        })
        .collect()
}
