//! Role key sets, one type per account kind, shared by every scenario: an account's address, base
//! and bump and the key of each of its admin roles. Two ways to make one:
//! - **numbered** (`new(k)`, in [`super::restaking_roles`] / [`super::vault_roles`]): every role a
//!   different key, so that a test can tell a wrong signer from a right one;
//! - **labelled** (`labelled(name)`): one admin holds every role and each key is fixed by its label
//!   ([`label_key`]), so that the benchmarks' PDAs, bumps and CU stay the same across edits.

use jito_vault_client::accounts as vc;

use crate::{
    layout_oracle::{NcnFields, OperatorFields},
    pda::{
        restaking::{ncn_pda, operator_pda},
        vault::{burn_vault_pda, config_pda, vault_pda},
    },
    world::vault::VaultTokens,
    Pubkey, TOKEN_PROGRAM_ID,
};

const LABEL_BASE: Pubkey = Pubkey::new_from_array(*b"jito compute benchmark: key base");
const LABEL_OWNER: Pubkey = Pubkey::new_from_array(*b"jito compute benchmark: keyowner");

/// The fixed key named `label` (at most 32 bytes).
pub fn label_key(label: &str) -> Pubkey {
    crate::world::labelled_key(&LABEL_BASE, &LABEL_OWNER, label)
}

/// SPL Token associated token address.
fn ata(owner: &Pubkey, mint: &Pubkey) -> Pubkey {
    crate::associated_token_address(owner, mint, &TOKEN_PROGRAM_ID)
}

/// An NCN and the holder of each of its admin roles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NcnKeys {
    pub base: Pubkey,
    pub address: Pubkey,
    pub bump: u8,
    pub admin: Pubkey,
    pub operator_admin: Pubkey,
    pub vault_admin: Pubkey,
    pub slasher_admin: Pubkey,
    pub delegate_admin: Pubkey,
    pub metadata_admin: Pubkey,
    pub weight_table_admin: Pubkey,
    pub ncn_program_admin: Pubkey,
}

impl NcnKeys {
    /// `key(0)` is the base, `key(1..=8)` hold the roles in field order.
    pub fn distinct(key: impl Fn(u8) -> Pubkey) -> Self {
        let base = key(0);
        let (address, bump) = ncn_pda(&base);
        Self {
            base,
            address,
            bump,
            admin: key(1),
            operator_admin: key(2),
            vault_admin: key(3),
            slasher_admin: key(4),
            delegate_admin: key(5),
            metadata_admin: key(6),
            weight_table_admin: key(7),
            ncn_program_admin: key(8),
        }
    }

    /// Labelled keys `ncn-{name}-base` / `ncn-{name}-admin`; the admin holds every role.
    pub fn labelled(name: &str) -> Self {
        let admin = label_key(&format!("ncn-{name}-admin"));
        Self::distinct(|n| match n {
            0 => label_key(&format!("ncn-{name}-base")),
            _ => admin,
        })
    }

    /// The NCN's bytes, every role from these keys ([`crate::layout_oracle`]).
    pub fn bytes(
        &self,
        index: u64,
        operator_count: u64,
        vault_count: u64,
        slasher_count: u64,
    ) -> Vec<u8> {
        NcnFields {
            base: self.base,
            admin: self.admin,
            operator_admin: self.operator_admin,
            vault_admin: self.vault_admin,
            slasher_admin: self.slasher_admin,
            delegate_admin: self.delegate_admin,
            metadata_admin: self.metadata_admin,
            weight_table_admin: self.weight_table_admin,
            ncn_program_admin: self.ncn_program_admin,
            index,
            operator_count,
            vault_count,
            slasher_count,
            bump: self.bump,
        }
        .bytes()
    }
}

/// An operator and the holder of each of its admin roles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OperatorKeys {
    pub base: Pubkey,
    pub address: Pubkey,
    pub bump: u8,
    pub admin: Pubkey,
    pub ncn_admin: Pubkey,
    pub vault_admin: Pubkey,
    pub delegate_admin: Pubkey,
    pub metadata_admin: Pubkey,
    pub voter: Pubkey,
}

impl OperatorKeys {
    /// `key(0)` is the base, `key(1..=6)` hold the roles in field order.
    pub fn distinct(key: impl Fn(u8) -> Pubkey) -> Self {
        let base = key(0);
        let (address, bump) = operator_pda(&base);
        Self {
            base,
            address,
            bump,
            admin: key(1),
            ncn_admin: key(2),
            vault_admin: key(3),
            delegate_admin: key(4),
            metadata_admin: key(5),
            voter: key(6),
        }
    }

    /// Labelled keys `operator-{name}-base` / `operator-{name}-admin`; the admin holds every role.
    pub fn labelled(name: &str) -> Self {
        let admin = label_key(&format!("operator-{name}-admin"));
        Self::distinct(|n| match n {
            0 => label_key(&format!("operator-{name}-base")),
            _ => admin,
        })
    }

    /// The operator's bytes, every role from these keys ([`crate::layout_oracle`]).
    pub fn bytes(&self, index: u64, ncn_count: u64, vault_count: u64, fee_bps: u16) -> Vec<u8> {
        OperatorFields {
            base: self.base,
            admin: self.admin,
            ncn_admin: self.ncn_admin,
            vault_admin: self.vault_admin,
            delegate_admin: self.delegate_admin,
            metadata_admin: self.metadata_admin,
            voter: self.voter,
            index,
            ncn_count,
            vault_count,
            operator_fee_bps: fee_bps,
            bump: self.bump,
        }
        .bytes()
    }
}

/// The vault config and its three roles.
#[derive(Clone, Debug)]
pub struct ConfigKeys {
    pub address: Pubkey,
    pub bump: u8,
    pub admin: Pubkey,
    pub fee_admin: Pubkey,
    pub program_fee_wallet: Pubkey,
}

impl ConfigKeys {
    /// `key(1..=3)` hold the admin, the fee admin and the program fee wallet.
    pub fn distinct(key: impl Fn(u8) -> Pubkey) -> Self {
        let (address, bump) = config_pda();
        Self {
            address,
            bump,
            admin: key(1),
            fee_admin: key(2),
            program_fee_wallet: key(3),
        }
    }
}

/// A vault, the holder of each of its admin roles, its mints and its supported-token ATA.
#[derive(Clone, Debug)]
pub struct VaultKeys {
    pub base: Pubkey,
    pub address: Pubkey,
    pub bump: u8,
    pub vrt_mint: Pubkey,
    pub st_mint: Pubkey,
    pub admin: Pubkey,
    pub delegation_admin: Pubkey,
    pub operator_admin: Pubkey,
    pub ncn_admin: Pubkey,
    pub slasher_admin: Pubkey,
    pub capacity_admin: Pubkey,
    pub fee_admin: Pubkey,
    pub delegate_asset_admin: Pubkey,
    pub fee_wallet: Pubkey,
    pub mint_burn_admin: Pubkey,
    pub metadata_admin: Pubkey,
    /// The vault's supported-token ATA.
    pub vault_st_ata: Pubkey,
    /// The burn vault of `base`.
    pub burn_vault: Pubkey,
}

impl VaultKeys {
    /// `key(0)` is the base, `key(1..=11)` hold the roles in field order (`key(9)` the fee wallet).
    pub fn distinct(key: impl Fn(u8) -> Pubkey, vrt_mint: Pubkey, st_mint: Pubkey) -> Self {
        let base = key(0);
        let (address, bump) = vault_pda(&base);
        Self {
            base,
            address,
            bump,
            vrt_mint,
            st_mint,
            admin: key(1),
            delegation_admin: key(2),
            operator_admin: key(3),
            ncn_admin: key(4),
            slasher_admin: key(5),
            capacity_admin: key(6),
            fee_admin: key(7),
            delegate_asset_admin: key(8),
            fee_wallet: key(9),
            mint_burn_admin: key(10),
            metadata_admin: key(11),
            vault_st_ata: ata(&address, &st_mint),
            burn_vault: burn_vault_pda(&base).0,
        }
    }

    /// Labelled keys `vault-{name}-base` / `-admin` / `-vrt-mint` for a vault of `st_mint`; the
    /// admin holds every role and is the fee wallet.
    pub fn labelled(name: &str, st_mint: &Pubkey) -> Self {
        let admin = label_key(&format!("vault-{name}-admin"));
        let vrt_mint = label_key(&format!("vault-{name}-vrt-mint"));
        Self::distinct(
            |n| match n {
                0 => label_key(&format!("vault-{name}-base")),
                _ => admin,
            },
            vrt_mint,
            *st_mint,
        )
    }

    /// The accounts the deposit and withdrawal builders take, under `config`.
    pub fn tokens(&self, config: &Pubkey) -> VaultTokens {
        VaultTokens {
            config: *config,
            vault: self.address,
            vrt_mint: self.vrt_mint,
            st_mint: self.st_mint,
            vault_st_ata: self.vault_st_ata,
        }
    }

    /// The fee wallet's VRT ATA.
    pub fn fee_vrt_ata(&self) -> Pubkey {
        ata(&self.fee_wallet, &self.vrt_mint)
    }

    pub fn delegation(&self, operator: &OperatorKeys) -> Pubkey {
        vc::VaultOperatorDelegation::find_pda(&self.address, &operator.address).0
    }

    pub fn tracker(&self, ncn_epoch: u64) -> Pubkey {
        vc::VaultUpdateStateTracker::find_pda(&self.address, ncn_epoch).0
    }

    pub fn ticket(&self, ticket_base: &Pubkey) -> Pubkey {
        vc::VaultStakerWithdrawalTicket::find_pda(&self.address, ticket_base).0
    }
}
