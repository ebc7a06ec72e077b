//! The layout oracle: account bytes laid out by hand, field by field in the original's order
//! (jito-foundation/restaking at 8109c879), apart from the interface crates on purpose, so that
//! the tests compare the programs' bytes (and the generated clients' decoding) with a second,
//! independent description. Worlds move their hand layouts here, one per account type.

use jito_vault_client::accounts as client;

use crate::Pubkey;

/// Length of a `VaultStakerWithdrawalTicket` (header included).
pub const TICKET_LEN: usize = 8 + 376;

/// The `VaultStakerWithdrawalTicket` account, field by field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TicketModel {
    pub vault: Pubkey,
    pub staker: Pubkey,
    pub base: Pubkey,
    pub vrt_amount: u64,
    pub slot_unstaked: u64,
    pub bump: u8,
}

impl TicketModel {
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut v = vec![0u8; 8];
        v[0] = 7;
        v.extend_from_slice(self.vault.as_ref());
        v.extend_from_slice(self.staker.as_ref());
        v.extend_from_slice(self.base.as_ref());
        v.extend_from_slice(&self.vrt_amount.to_le_bytes());
        v.extend_from_slice(&self.slot_unstaked.to_le_bytes());
        v.push(self.bump);
        v.extend_from_slice(&[0u8; 263]);
        assert_eq!(v.len(), TICKET_LEN);
        v
    }

    /// The fields of a ticket the client decoded.
    pub fn from_client(t: &client::VaultStakerWithdrawalTicket) -> Self {
        Self {
            vault: t.vault,
            staker: t.staker,
            base: t.base,
            vrt_amount: t.vrt_amount,
            slot_unstaked: t.slot_unstaked,
            bump: t.bump,
        }
    }

    /// Decodes ticket bytes with the generated client; the decoded fields, laid
    /// out again by hand, must give back every byte.
    #[track_caller]
    pub fn decode(d: &[u8]) -> Self {
        assert_eq!(d.len(), client::VaultStakerWithdrawalTicket::LEN);
        let t = client::VaultStakerWithdrawalTicket::from_bytes(d)
            .expect("client decodes the withdrawal ticket");
        assert_eq!(
            t.discriminator,
            client::VAULT_STAKER_WITHDRAWAL_TICKET_DISCRIMINATOR
        );
        let model = Self::from_client(&t);
        assert_eq!(model.to_bytes(), d, "client-decoded ticket re-laid by hand");
        model
    }
}
