//! Volunteers' sign-ups: what a sign-up must say, who counts as one person, how a place is
//! taken (confirmed while the slot has room, else on the waiting list, by a conditional
//! write on the slot's count), how a cancellation hands the place to the first person
//! waiting, and when it is all forgotten.

use std::net::IpAddr;
use std::sync::Arc;

use portal_model::FieldError;
use portal_model::site::FormSettings;

use super::once::{Secret, Sending, reused};
use super::{ATTEMPTS, Result, RuleError};
use crate::secrets::{self, keyed};
use crate::state::CallPlan;
use crate::store::{
    Created, Outcome, Place, PlaceStatus, Registration, Seconds, SlotCount, Store, Stored, Taken,
};

const DAY: Seconds = 24 * 3600;
/// How long a sign-up with no end (a weekly call with no last day) is kept: a year.
const OPEN_ENDED_DAYS: Seconds = 365;
/// The longest first name, message, e-mail and phone taken.
const MAX_NAME: usize = 80;
const MAX_MESSAGE: usize = 1000;
const MAX_CONTACT: usize = 200;

/// What a volunteer fills in.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct SignUpForm {
    /// The first name.
    pub first_name: String,
    /// The e-mail, or empty.
    pub email: String,
    /// The phone, or empty.
    pub phone: String,
    /// A short message to the association.
    pub message: String,
    /// The slots chosen (ids of the call's plan).
    pub slots: Vec<String>,
    /// For a weekly call: from which day (`YYYY-MM-DD`).
    pub from: String,
    /// Agrees that the contact is passed to the association.
    pub consent: bool,
}

/// Where a sign-up stands, slot by slot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedUp {
    /// The registration's id.
    pub id: String,
    /// The secret of the volunteer's own link.
    pub key: String,
    /// Each slot asked for, and where the place stands (held already: as it was).
    pub places: Vec<(String, PlaceStatus)>,
    /// A retry of a sign-up already stored: nothing new was written.
    pub retry: bool,
}

/// Someone given a place freed by a cancellation: to be told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Promoted {
    /// Their registration (with their contact).
    pub registration: Registration,
    /// The slot they now hold.
    pub slot: String,
}

/// The volunteers' sign-ups, over a store.
pub struct Volunteers {
    store: Arc<dyn Store>,
    secret: Secret,
}

/// An e-mail as the same person writes it twice: trimmed, lowercased.
pub fn normal_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// A phone as the same person writes it twice: its digits, a French `+33` read as `0`.
pub fn normal_phone(phone: &str) -> String {
    let plus = phone.trim_start().starts_with('+');
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    match digits.strip_prefix("33") {
        Some(rest) if plus || digits.starts_with("330") => {
            format!("0{}", rest.trim_start_matches('0'))
        }
        _ if plus => format!("+{digits}"),
        _ => digits,
    }
}

/// The checks of a sign-up, each problem on its field.
pub fn check(plan: &CallPlan, form: &SignUpForm, today: jiff::civil::Date) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut err = |field: &str, message: &str| {
        errors.push(FieldError {
            field: field.into(),
            message: message.into(),
        })
    };
    let name = form.first_name.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME || name.chars().any(char::is_control) {
        err(
            "first_name",
            "Indiquez votre prénom (80 caractères au plus).",
        );
    }
    let email = form.email.trim();
    let phone = form.phone.trim();
    if email.is_empty() && phone.is_empty() {
        err(
            "email",
            "Indiquez une adresse e-mail ou un numéro de téléphone, pour que l'association vous joigne.",
        );
    }
    if !email.is_empty() {
        let ok = email.len() <= MAX_CONTACT
            && email.split_once('@').is_some_and(|(a, d)| {
                !a.is_empty() && d.contains('.') && !d.starts_with('.') && !d.ends_with('.')
            })
            && !email.chars().any(|c| c.is_whitespace() || c.is_control());
        if !ok {
            err(
                "email",
                "Adresse e-mail invalide (exemple : prenom@exemple.fr).",
            );
        }
    }
    if !phone.is_empty() {
        let digits = phone.chars().filter(char::is_ascii_digit).count();
        let ok = phone.len() <= 30
            && (8..=15).contains(&digits)
            && phone
                .chars()
                .all(|c| c.is_ascii_digit() || " +.-()".contains(c));
        if !ok {
            err(
                "phone",
                "Numéro de téléphone invalide (exemple : 06 12 34 56 78).",
            );
        }
    }
    if form.message.chars().count() > MAX_MESSAGE {
        err("message", "Message trop long : 1 000 caractères au plus.");
    }
    if form.slots.is_empty() {
        err(
            "slots",
            if plan.recurring {
                "Choisissez au moins un jour de la semaine."
            } else {
                "Choisissez au moins un créneau."
            },
        );
    }
    if form.slots.iter().any(|s| plan.slot(s).is_none()) {
        err(
            "slots",
            "Ce créneau n'est plus proposé : rechargez la page de l'appel.",
        );
    }
    if plan.recurring {
        match form.from.trim().parse::<jiff::civil::Date>() {
            Ok(d) if d >= today => {}
            Ok(_) => err(
                "from",
                "Choisissez une date de début à partir d'aujourd'hui.",
            ),
            Err(_) => err(
                "from",
                "Indiquez à partir de quand vous venez (AAAA-MM-JJ).",
            ),
        }
    }
    if !form.consent {
        err(
            "consent",
            "Cochez la case pour accepter que vos coordonnées soient transmises à l'association.",
        );
    }
    errors
}

/// When what a volunteer sent on `slots` of `plan` is forgotten: `retention_days` after the
/// last of them ends, or a year from now for a weekly call with no end.
pub fn expiry(plan: &CallPlan, slots: &[String], now: Seconds, retention_days: u32) -> Seconds {
    let ends = slots
        .iter()
        .filter_map(|s| plan.slot(s))
        .map(|s| {
            s.ends
                .as_deref()
                .and_then(|d| d.parse::<jiff::civil::Date>().ok())
                .map(|d| {
                    jiff::tz::TimeZone::UTC
                        .to_timestamp(d.at(0, 0, 0, 0))
                        .map(|t| t.as_second() + DAY)
                        .unwrap_or(now)
                })
                .unwrap_or(now + OPEN_ENDED_DAYS * DAY)
        })
        .max()
        .unwrap_or(now);
    ends.max(now) + Seconds::from(retention_days) * DAY
}

impl Volunteers {
    /// The sign-ups kept in `store`.
    pub fn new(store: Arc<dyn Store>) -> Volunteers {
        Volunteers {
            store,
            secret: Secret::default(),
        }
    }

    async fn secret(&self) -> Result<Vec<u8>> {
        self.secret.get(self.store.as_ref()).await
    }

    /// Who a contact is: a keyed hash of the e-mail (else the phone), normalised.
    pub async fn person(&self, email: &str, phone: &str) -> Result<String> {
        let secret = self.secret().await?;
        let who = if email.trim().is_empty() {
            format!("phone:{}", normal_phone(phone))
        } else {
            format!("email:{}", normal_email(email))
        };
        Ok(keyed(&secret, &format!("person:{who}"))[..32].to_string())
    }

    /// The secret of a registration's own link.
    pub async fn key(&self, id: &str) -> Result<String> {
        let secret = self.secret().await?;
        Ok(keyed(&secret, &format!("signup:{id}"))[..32].to_string())
    }

    /// Signs up a checked form on `call` (`plan`): one place per slot, confirmed while there
    /// is room, else waiting. A retry (the same idempotency key) answers the first.
    pub async fn sign_up(
        &self,
        call: &str,
        plan: &CallPlan,
        form: &SignUpForm,
        ip: Option<IpAddr>,
        idempotency_key: Option<&str>,
        settings: &FormSettings,
    ) -> Result<SignedUp> {
        let secret = self.secret().await?;
        let now = now();
        let send = Sending {
            secret: &secret,
            kind: "signup",
            page: call,
            ip,
            idempotency_key,
        };
        let idempotency = send.guard(self.store.as_ref(), form, settings, now).await?;
        let person = self.person(&form.email, &form.phone).await?;
        let expires_at = expiry(plan, &form.slots, now, settings.retention_days);
        let opt = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        let registration = Registration {
            id: super::new_id(jiff::Timestamp::now().as_millisecond()),
            call: call.to_string(),
            first_name: form.first_name.trim().to_string(),
            email: opt(&form.email),
            phone: opt(&form.phone),
            message: form.message.trim().to_string(),
            slots: form.slots.clone(),
            from: plan.recurring.then(|| form.from.trim().to_string()),
            person: person.clone(),
            created_at: now,
            expires_at,
        };
        let mut created = self
            .store
            .register(&registration, Some(&idempotency))
            .await?;
        reused(&created, &idempotency)?;
        if let Created::Existing { id, .. } = &created {
            // The first one's places (the slots it asked for): a retry answers them, unless
            // the person cancelled them all since and signs up again.
            let places = self.places_of(call, &person, &form.slots).await?;
            if places.iter().any(|(_, s)| *s != PlaceStatus::Cancelled) {
                return Ok(SignedUp {
                    key: self.key(id).await?,
                    id: id.clone(),
                    places,
                    retry: true,
                });
            }
            created = self.store.register(&registration, None).await?;
        }
        let id = match created {
            Created::New => registration.id.clone(),
            Created::Existing { .. } | Created::Taken => {
                return Err(RuleError::IdTaken {
                    id: registration.id,
                });
            }
        };
        let mut places = Vec::new();
        for slot in &form.slots {
            let capacity = plan.slot(slot).map_or(0, |s| s.capacity);
            let place = Place {
                id: super::new_id(jiff::Timestamp::now().as_millisecond()),
                registration: id.clone(),
                call: call.to_string(),
                slot: slot.clone(),
                person: person.clone(),
                status: PlaceStatus::Confirmed,
                expires_at,
            };
            places.push((slot.clone(), self.take(place, capacity).await?));
        }
        Ok(SignedUp {
            key: self.key(&id).await?,
            id,
            places,
            retry: false,
        })
    }

    /// Takes a place: confirmed while the slot has room, else waiting; the count decides,
    /// read anew each time it changed under us.
    async fn take(&self, mut place: Place, capacity: u32) -> Result<PlaceStatus> {
        place.status = if capacity == 0 {
            PlaceStatus::Waiting
        } else {
            PlaceStatus::Confirmed
        };
        for _ in 0..ATTEMPTS * 4 {
            match self.store.take(&place, capacity).await? {
                Taken::Written => return Ok(place.status),
                Taken::Held(held) => return Ok(held.status),
                Taken::Counted => {
                    place.status = match place.status {
                        PlaceStatus::Confirmed => PlaceStatus::Waiting,
                        _ => PlaceStatus::Confirmed,
                    }
                }
            }
        }
        Err(RuleError::Busy { id: place.slot })
    }

    async fn places_of(
        &self,
        call: &str,
        person: &str,
        slots: &[String],
    ) -> Result<Vec<(String, PlaceStatus)>> {
        let mut out = Vec::new();
        for slot in slots {
            let status = self
                .store
                .place(call, slot, person)
                .await?
                .map_or(PlaceStatus::Cancelled, |p| p.value.status);
            out.push((slot.clone(), status));
        }
        Ok(out)
    }

    /// A registration and its places, if `key` is its link's: none for an unknown id and a
    /// wrong key alike.
    pub async fn view(
        &self,
        id: &str,
        key: &str,
    ) -> Result<Option<(Registration, Vec<(String, PlaceStatus)>)>> {
        if !secrets::same(key, &self.key(id).await?) {
            return Ok(None);
        }
        let Some(reg) = self.store.registration(id, now()).await? else {
            return Ok(None);
        };
        let places = self.places_of(&reg.call, &reg.person, &reg.slots).await?;
        Ok(Some((reg, places)))
    }

    /// A registration with no key asked: for the association's signed page and moderators.
    pub async fn registration(&self, id: &str) -> Result<Option<Registration>> {
        Ok(self.store.registration(id, now()).await?)
    }

    /// Cancels one place; a confirmed one goes to the first person waiting on that slot, who
    /// is returned to be told. Cancelling a cancelled place does nothing.
    pub async fn cancel(&self, call: &str, slot: &str, person: &str) -> Result<Option<Promoted>> {
        for _ in 0..ATTEMPTS * 4 {
            let Some(place) = self.store.place(call, slot, person).await? else {
                return Err(RuleError::NotFound {
                    id: format!("{call}/{slot}"),
                });
            };
            if place.value.status == PlaceStatus::Cancelled {
                return Ok(None);
            }
            let first = if place.value.status == PlaceStatus::Confirmed {
                first_waiting(self.store.places(call, Some(slot), now()).await?)
            } else {
                None
            };
            if self.store.release(&place, first.as_ref()).await? == Outcome::Written {
                let Some(first) = first else {
                    return Ok(None);
                };
                // The promoted person's contact, if not forgotten yet.
                return Ok(self
                    .store
                    .registration(&first.value.registration, now())
                    .await?
                    .map(|registration| Promoted {
                        registration,
                        slot: slot.to_string(),
                    }));
            }
        }
        Err(RuleError::Busy {
            id: format!("{call}/{slot}"),
        })
    }

    /// Cancels every place of a registration (see [`Volunteers::cancel`]).
    pub async fn cancel_all(&self, reg: &Registration) -> Result<Vec<Promoted>> {
        let mut promoted = Vec::new();
        for slot in &reg.slots {
            if let Some(p) = self.cancel(&reg.call, slot, &reg.person).await? {
                promoted.push(p);
            }
        }
        Ok(promoted)
    }

    /// A moderator's purge: every place cancelled, the personal data forgotten at once.
    pub async fn purge(&self, id: &str) -> Result<Vec<Promoted>> {
        let Some(reg) = self.store.registration(id, now()).await? else {
            return Err(RuleError::NotFound { id: id.to_string() });
        };
        let promoted = self.cancel_all(&reg).await?;
        self.store.forget_registration(id).await?;
        Ok(promoted)
    }

    /// Whether the association closed the call.
    pub async fn closed(&self, call: &str) -> Result<bool> {
        Ok(self.store.closed_calls().await?.contains_key(call))
    }

    /// The association closes its call: no more sign-ups; `portal import` marks it filled.
    pub async fn close(&self, call: &str) -> Result<()> {
        self.store.close_call(call, now()).await?;
        Ok(())
    }

    /// Each slot's count for a call.
    pub async fn counts(
        &self,
        call: &str,
    ) -> Result<std::collections::BTreeMap<String, SlotCount>> {
        Ok(self.store.slot_counts(call).await?)
    }

    /// The places of a call, in order of arrival (the association's and moderators' view).
    pub async fn places(&self, call: &str) -> Result<Vec<Place>> {
        Ok(self
            .store
            .places(call, None, now())
            .await?
            .into_iter()
            .map(|p| p.value)
            .collect())
    }
}

/// The first person waiting, in order of arrival.
fn first_waiting(places: Vec<Stored<Place>>) -> Option<Stored<Place>> {
    places
        .into_iter()
        .filter(|p| p.value.status == PlaceStatus::Waiting)
        .min_by(|a, b| a.value.id.cmp(&b.value.id))
}

fn now() -> Seconds {
    jiff::Timestamp::now().as_second()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::SlotPlan;

    fn plan() -> CallPlan {
        CallPlan {
            title: "Soupe".into(),
            association: "asso".into(),
            recurring: false,
            slots: vec![SlotPlan {
                id: "2030-01-02T18:00".into(),
                label: "x".into(),
                capacity: 2,
                ends: Some("2030-01-02".into()),
            }],
        }
    }

    #[test]
    fn one_person_however_written() {
        assert_eq!(normal_phone("06 12 34 56 78"), "0612345678");
        assert_eq!(normal_phone("+33 6 12 34 56 78"), "0612345678");
        assert_eq!(normal_phone("+44 20 7946 0000"), "+442079460000");
        assert_eq!(normal_email(" Marie@Exemple.FR "), "marie@exemple.fr");
    }

    #[test]
    fn a_sign_up_needs_a_name_a_contact_a_slot_and_consent() {
        let today = jiff::civil::date(2029, 12, 1);
        let fields = |f: &SignUpForm| -> Vec<String> {
            check(&plan(), f, today)
                .into_iter()
                .map(|e| e.field)
                .collect()
        };
        assert_eq!(
            fields(&SignUpForm::default()),
            ["first_name", "email", "slots", "consent"]
        );
        let good = SignUpForm {
            first_name: "Marie".into(),
            phone: "06 12 34 56 78".into(),
            slots: vec!["2030-01-02T18:00".into()],
            consent: true,
            ..SignUpForm::default()
        };
        assert!(fields(&good).is_empty());
        let bad = SignUpForm {
            email: "marie".into(),
            slots: vec!["2030-01-03T18:00".into()],
            ..good.clone()
        };
        assert_eq!(fields(&bad), ["email", "slots"]);
    }

    #[test]
    fn forgotten_retention_days_after_the_last_slot() {
        let at = |d: jiff::civil::Date| {
            jiff::tz::TimeZone::UTC
                .to_timestamp(d.at(0, 0, 0, 0))
                .unwrap()
                .as_second()
        };
        let now = at(jiff::civil::date(2029, 12, 1));
        let slots = vec!["2030-01-02T18:00".to_string()];
        let end = at(jiff::civil::date(2030, 1, 3));
        assert_eq!(expiry(&plan(), &slots, now, 30), end + 30 * DAY);
    }
}
