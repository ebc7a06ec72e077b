//! Decoding through the generated clients: the tests read the programs' accounts as a client
//! user does, and fail on bytes the client cannot decode.

use jito_restaking_client::types::SlotToggle;

/// Account decoders of the generated client. Each also checks the account
/// length (a Borsh decode alone would accept trailing bytes).
pub mod restaking {
    use jito_restaking_client::accounts::{
        Config, Ncn, NcnOperatorState, NcnVaultSlasherTicket, NcnVaultTicket, Operator,
        OperatorVaultTicket,
    };

    macro_rules! decoder {
        ($name:ident, $ty:ident) => {
            #[track_caller]
            pub fn $name(data: &[u8]) -> $ty {
                assert_eq!(data.len(), $ty::LEN, concat!(stringify!($ty), " length"));
                $ty::from_bytes(data).expect(concat!("the client decodes ", stringify!($ty)))
            }
        };
    }

    decoder!(config, Config);
    decoder!(ncn, Ncn);
    decoder!(operator, Operator);
    decoder!(ncn_operator_state, NcnOperatorState);
    decoder!(operator_vault_ticket, OperatorVaultTicket);
    decoder!(ncn_vault_ticket, NcnVaultTicket);
    decoder!(ncn_vault_slasher_ticket, NcnVaultSlasherTicket);
}

/// `(slot_added, slot_removed)` of a decoded toggle; its reserved bytes are zero.
#[track_caller]
pub fn toggle(t: &SlotToggle) -> (u64, u64) {
    assert_eq!(t.reserved, [0; 32], "toggle reserved bytes");
    (t.slot_added, t.slot_removed)
}
