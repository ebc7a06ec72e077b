//! Checks and steps shared by several instructions.

pub mod account_payer;
pub mod checked;
pub mod distribute_fee_rewards;
pub mod epoch_schedule;
pub mod ncn_program_admin;
pub mod operator_payout;
pub mod pda;
pub mod reward_receiver;
