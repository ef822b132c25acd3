//! The records of the exchange: volunteers' sign-ups for the slots of a call. A sign-up
//! (one form sent: who, how to reach them, the slots chosen) is a [`Registration`]; each
//! slot it asks for is one [`Place`], confirmed or waiting. The store keeps, for each slot,
//! how many places are confirmed and waiting ([`SlotCount`]), moved in the same write as the
//! place itself: the count is what the conditions are on (`confirmed < capacity`).

use serde::{Deserialize, Serialize};

use super::Seconds;

/// Where a place on a slot stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceStatus {
    /// The person holds one of the slot's places.
    Confirmed,
    /// The slot was full: the person is on its waiting list, in order of arrival.
    Waiting,
    /// Cancelled by the person, the association or a moderator.
    Cancelled,
}

impl PlaceStatus {
    /// Its name in the API and the stores.
    pub fn word(self) -> &'static str {
        match self {
            PlaceStatus::Confirmed => "confirmed",
            PlaceStatus::Waiting => "waiting",
            PlaceStatus::Cancelled => "cancelled",
        }
    }

    /// Said to the volunteer and the association.
    pub fn label(self) -> &'static str {
        match self {
            PlaceStatus::Confirmed => "confirmée",
            PlaceStatus::Waiting => "sur liste d'attente",
            PlaceStatus::Cancelled => "annulée",
        }
    }
}

/// One person's place (or wait) on one slot of a call. Its key is the call, the slot and
/// the person: one person cannot hold a slot twice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// Time-ordered: the waiting list is in order of id.
    pub id: String,
    /// The registration it belongs to.
    pub registration: String,
    /// The call's slug.
    pub call: String,
    /// The slot's id (see [`crate::state::CallPlan`]).
    pub slot: String,
    /// A keyed hash of the person's normalised contact: who holds it, without saying who.
    pub person: String,
    /// Where it stands.
    pub status: PlaceStatus,
    /// When the store forgets it (a fixed time after the slot).
    pub expires_at: Seconds,
}

/// What a volunteer sent: who they are and how the association reaches them. Personal data:
/// read only through the association's signed link and the volunteer's own link, and gone at
/// `expires_at`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registration {
    /// Time-ordered id; the volunteer's link is derived from it with the secret.
    pub id: String,
    /// The call's slug.
    pub call: String,
    /// The first name given.
    pub first_name: String,
    /// The e-mail given, if any.
    pub email: Option<String>,
    /// The phone given, if any.
    pub phone: Option<String>,
    /// A short message to the association.
    pub message: String,
    /// The slots asked for, in the order of the call.
    pub slots: Vec<String>,
    /// For a recurring call, the first day the volunteer comes (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The person's key (as on its places).
    pub person: String,
    /// When it was sent.
    pub created_at: Seconds,
    /// When the store forgets it.
    pub expires_at: Seconds,
}

/// How many places of a slot are taken and how many people wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SlotCount {
    /// Places confirmed.
    pub confirmed: u32,
    /// People on the waiting list.
    pub waiting: u32,
}

/// What [`super::Store::take`] did.
#[derive(Debug, Clone, PartialEq)]
pub enum Taken {
    /// The place was written with the status asked, and the slot's count with it.
    Written,
    /// Not written: a confirmed place was asked and the slot has `capacity` confirmed, or a
    /// waiting one and the slot has a free place. The rule asks again with the other status.
    Counted,
    /// Not written: the person holds (or waits for) that slot already.
    Held(Place),
}

/// Where an association is told of its exchanges, and the generation its signed links are
/// made with: a moderator revokes every link given so far by moving it on. Never published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Publisher {
    /// The association's slug.
    pub slug: String,
    /// The address it is told at; none: not told (its links can still be revoked).
    pub email: Option<String>,
    /// Signed links name it: a link of an older generation no longer opens.
    pub generation: u64,
}

/// Where an association's answer to a listing stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerStatus {
    /// Sent, the publisher has not decided.
    Pending,
    /// The publisher accepted it: an offer is reserved for this association.
    Accepted,
    /// The publisher declined it, or accepted another.
    Declined,
}

impl AnswerStatus {
    /// Its name in the API.
    pub fn word(self) -> &'static str {
        match self {
            AnswerStatus::Pending => "pending",
            AnswerStatus::Accepted => "accepted",
            AnswerStatus::Declined => "declined",
        }
    }

    /// Said to people.
    pub fn label(self) -> &'static str {
        match self {
            AnswerStatus::Pending => "en attente de la réponse de l'association",
            AnswerStatus::Accepted => "acceptée",
            AnswerStatus::Declined => "non retenue",
        }
    }
}

/// An association's answer to an offer (« Réserver ») or a request (« Nous pouvons
/// aider »). Personal data, like a [`Registration`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// Time-ordered id.
    pub id: String,
    /// The listing's slug.
    pub listing: String,
    /// For which association (its name as given).
    pub association: String,
    /// Who to talk to.
    pub name: String,
    /// Their e-mail.
    pub email: String,
    /// Their phone, if given.
    pub phone: Option<String>,
    /// How much (an offer), in their words.
    pub quantity: String,
    /// When they can pick up or help.
    pub when: String,
    /// A message.
    pub message: String,
    /// Where it stands.
    pub status: AnswerStatus,
    /// When it was sent.
    pub created_at: Seconds,
    /// When the store forgets it.
    pub expires_at: Seconds,
}

/// What the publisher decided on a listing as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ListingState {
    /// The answer accepted, if any: an offer is then reserved.
    pub accepted: Option<String>,
    /// The publisher marked the listing done.
    pub done: bool,
}
