//! The contract of the volunteers' sign-ups, on both stores: places taken by a conditional
//! write on the slot's count, one person per slot, cancellations handing the place to the
//! first person waiting, and the 200-at-once burst on one slot of 10 places.

use std::collections::BTreeSet;
use std::sync::Arc;

use portal_forms::rules::{SignUpForm, Volunteers};
use portal_forms::state::{CallPlan, SlotPlan};
use portal_forms::store::{PlaceStatus, SlotCount};
use portal_model::site::FormSettings;

use super::{Fixture, now};

const SLOT: &str = "2030-01-02T18:00";

fn plan(capacity: u32) -> CallPlan {
    CallPlan {
        title: "Soupe du soir".into(),
        association: "table-ouverte".into(),
        recurring: false,
        slots: vec![
            SlotPlan {
                id: SLOT.into(),
                label: "mercredi 2 janvier 2030, 18:00 – 21:00".into(),
                capacity,
                ends: Some("2030-01-02".into()),
            },
            SlotPlan {
                id: "2030-01-03T18:00".into(),
                label: "jeudi 3 janvier 2030, 18:00 – 21:00".into(),
                capacity,
                ends: Some("2030-01-03".into()),
            },
        ],
    }
}

fn settings() -> FormSettings {
    FormSettings {
        // The bursts come from one address: not limited here (tests/guards limits).
        rate_limit_per_hour: 10_000,
        ..FormSettings::default()
    }
}

fn form(n: u32, slots: &[&str]) -> SignUpForm {
    SignUpForm {
        first_name: format!("Bénévole {n}"),
        email: format!("benevole{n}@exemple.org"),
        phone: String::new(),
        message: String::new(),
        slots: slots.iter().map(|s| s.to_string()).collect(),
        from: String::new(),
        consent: true,
    }
}

async fn sign(v: &Volunteers, n: u32, capacity: u32) -> Vec<PlaceStatus> {
    v.sign_up(
        "soupe",
        &plan(capacity),
        &form(n, &[SLOT]),
        None,
        None,
        &settings(),
    )
    .await
    .unwrap()
    .places
    .into_iter()
    .map(|(_, s)| s)
    .collect()
}

fn volunteers(f: &Fixture) -> Volunteers {
    Volunteers::new(f.store.clone())
}

pub(crate) async fn places_confirmed_then_waiting(f: &Fixture) {
    let v = volunteers(f);
    assert_eq!(sign(&v, 1, 2).await, [PlaceStatus::Confirmed]);
    assert_eq!(sign(&v, 2, 2).await, [PlaceStatus::Confirmed]);
    assert_eq!(sign(&v, 3, 2).await, [PlaceStatus::Waiting]);
    let counts = v.counts("soupe").await.unwrap();
    assert_eq!(
        counts.get(SLOT),
        Some(&SlotCount {
            confirmed: 2,
            waiting: 1
        })
    );
    // Another slot of the same call counts apart.
    let both = v
        .sign_up(
            "soupe",
            &plan(2),
            &form(4, &[SLOT, "2030-01-03T18:00"]),
            None,
            None,
            &settings(),
        )
        .await
        .unwrap();
    assert_eq!(
        both.places,
        [
            (SLOT.to_string(), PlaceStatus::Waiting),
            ("2030-01-03T18:00".to_string(), PlaceStatus::Confirmed)
        ]
    );
    // The volunteer's link reads it back; a wrong key reads nothing.
    let (reg, places) = v.view(&both.id, &both.key).await.unwrap().unwrap();
    assert_eq!(reg.email.as_deref(), Some("benevole4@exemple.org"));
    assert_eq!(places, both.places);
    assert_eq!(v.view(&both.id, "0123").await.unwrap(), None);
}

pub(crate) async fn one_person_holds_a_slot_once(f: &Fixture) {
    let v = volunteers(f);
    assert_eq!(sign(&v, 1, 5).await, [PlaceStatus::Confirmed]);
    // The same e-mail written otherwise, another day's form: the place already held.
    let mut again = form(1, &[SLOT]);
    again.email = " BENEVOLE1@Exemple.org ".into();
    again.message = "Je confirme".into();
    let second = v
        .sign_up("soupe", &plan(5), &again, None, None, &settings())
        .await
        .unwrap();
    assert_eq!(second.places, [(SLOT.to_string(), PlaceStatus::Confirmed)]);
    assert_eq!(v.counts("soupe").await.unwrap()[SLOT].confirmed, 1);
    // A phone written two ways is one person too.
    let by_phone = |phone: &str| SignUpForm {
        email: String::new(),
        phone: phone.into(),
        ..form(9, &[SLOT])
    };
    v.sign_up(
        "soupe",
        &plan(5),
        &by_phone("06 12 34 56 78"),
        None,
        None,
        &settings(),
    )
    .await
    .unwrap();
    v.sign_up(
        "soupe",
        &plan(5),
        &by_phone("+33 6 12 34 56 78"),
        None,
        None,
        &settings(),
    )
    .await
    .unwrap();
    assert_eq!(v.counts("soupe").await.unwrap()[SLOT].confirmed, 2);
    // A retry with the same key is the first sign-up, not a second.
    let a = v
        .sign_up(
            "soupe",
            &plan(5),
            &form(3, &[SLOT]),
            None,
            Some("k1"),
            &settings(),
        )
        .await
        .unwrap();
    let b = v
        .sign_up(
            "soupe",
            &plan(5),
            &form(3, &[SLOT]),
            None,
            Some("k1"),
            &settings(),
        )
        .await
        .unwrap();
    assert_eq!((a.id.clone(), a.key.clone()), (b.id, b.key));
    assert!(b.retry && !a.retry);
    assert_eq!(v.counts("soupe").await.unwrap()[SLOT].confirmed, 3);
}

pub(crate) async fn a_cancellation_promotes_the_first_waiting(f: &Fixture) {
    let v = volunteers(f);
    let mut ids = Vec::new();
    for n in 1..=4 {
        let s = v
            .sign_up(
                "soupe",
                &plan(2),
                &form(n, &[SLOT]),
                None,
                None,
                &settings(),
            )
            .await
            .unwrap();
        ids.push(s);
    }
    let person = |n: u32| {
        let v = &v;
        async move {
            v.person(&format!("benevole{n}@exemple.org"), "")
                .await
                .unwrap()
        }
    };
    // Number 1 cancels: number 3, the first waiting, is confirmed and told.
    let promoted = v.cancel("soupe", SLOT, &person(1).await).await.unwrap();
    let promoted = promoted.expect("somebody waited");
    assert_eq!(promoted.registration.id, ids[2].id);
    assert_eq!(
        promoted.registration.email.as_deref(),
        Some("benevole3@exemple.org")
    );
    let status = |i: usize| {
        let (v, ids) = (&v, &ids);
        async move { v.view(&ids[i].id, &ids[i].key).await.unwrap().unwrap().1[0].1 }
    };
    assert_eq!(status(0).await, PlaceStatus::Cancelled);
    assert_eq!(status(2).await, PlaceStatus::Confirmed);
    assert_eq!(status(3).await, PlaceStatus::Waiting);
    // Cancelling again does nothing; a waiting person's cancel promotes nobody.
    assert_eq!(
        v.cancel("soupe", SLOT, &person(1).await).await.unwrap(),
        None
    );
    assert_eq!(
        v.cancel("soupe", SLOT, &person(4).await).await.unwrap(),
        None
    );
    assert_eq!(
        v.counts("soupe").await.unwrap()[SLOT],
        SlotCount {
            confirmed: 2,
            waiting: 0
        }
    );
    // With nobody waiting, a cancel frees a place, which the next sign-up takes.
    assert_eq!(
        v.cancel("soupe", SLOT, &person(2).await).await.unwrap(),
        None
    );
    assert_eq!(sign(&v, 5, 2).await, [PlaceStatus::Confirmed]);
    // The one who cancelled may sign up again.
    assert_eq!(sign(&v, 1, 2).await, [PlaceStatus::Waiting]);
    // A moderator's purge cancels and forgets.
    let promoted = v.purge(&ids[2].id).await.unwrap();
    assert_eq!(promoted.len(), 1);
    assert_eq!(v.view(&ids[2].id, &ids[2].key).await.unwrap(), None);
    assert_eq!(v.counts("soupe").await.unwrap()[SLOT].confirmed, 2);
}

pub(crate) async fn a_registration_is_forgotten_when_it_expires(f: &Fixture) {
    let v = volunteers(f);
    let s = v
        .sign_up(
            "soupe",
            &plan(2),
            &form(1, &[SLOT]),
            None,
            None,
            &settings(),
        )
        .await
        .unwrap();
    let reg = f.store.registration(&s.id, now()).await.unwrap().unwrap();
    assert!(
        f.store
            .registration(&s.id, reg.expires_at)
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        f.store
            .places("soupe", None, reg.expires_at)
            .await
            .unwrap()
            .is_empty()
    );
    if f.kind == super::Kind::Embedded {
        assert!(f.store.purge_expired(reg.expires_at).await.unwrap() >= 3);
        assert!(f.store.registration(&s.id, now()).await.unwrap().is_none());
        assert!(
            f.store
                .places("soupe", None, now())
                .await
                .unwrap()
                .is_empty()
        );
    }
}

/// The closing note's figure: 200 people at once for 10 places.
pub(crate) async fn two_hundred_at_once_for_ten_places(f: &Fixture) {
    let v = Arc::new(volunteers(f));
    let barrier = Arc::new(tokio::sync::Barrier::new(200));
    let mut tasks = tokio::task::JoinSet::new();
    let started = std::time::Instant::now();
    for n in 0..200 {
        let (v, barrier) = (v.clone(), barrier.clone());
        tasks.spawn(async move {
            barrier.wait().await;
            let s = v
                .sign_up(
                    "soupe",
                    &plan(10),
                    &form(n, &[SLOT]),
                    None,
                    None,
                    &settings(),
                )
                .await
                .unwrap();
            (s.id, s.places[0].1)
        });
    }
    let mut answered = Vec::new();
    while let Some(joined) = tasks.join_next().await {
        answered.push(joined.unwrap());
    }
    let told = |st| answered.iter().filter(|(_, s)| *s == st).count();
    let stored = v.places("soupe").await.unwrap();
    let in_store = |st| stored.iter().filter(|p| p.status == st).count();
    let people: BTreeSet<_> = stored.iter().map(|p| p.person.clone()).collect();
    let registrations: BTreeSet<_> = stored.iter().map(|p| p.registration.clone()).collect();
    let answered_ids: BTreeSet<_> = answered.iter().map(|(id, _)| id.clone()).collect();
    println!(
        "{:?}: 200 inscriptions simultanées pour 10 places : {} confirmées, {} en attente (réponses) ; {} confirmées, {} en attente, {} personnes (stockage) ; {:.1} s",
        f.kind,
        told(PlaceStatus::Confirmed),
        told(PlaceStatus::Waiting),
        in_store(PlaceStatus::Confirmed),
        in_store(PlaceStatus::Waiting),
        people.len(),
        started.elapsed().as_secs_f64()
    );
    assert_eq!(
        (told(PlaceStatus::Confirmed), told(PlaceStatus::Waiting)),
        (10, 190)
    );
    assert_eq!(
        (
            in_store(PlaceStatus::Confirmed),
            in_store(PlaceStatus::Waiting)
        ),
        (10, 190)
    );
    assert_eq!(stored.len(), 200, "none lost, none duplicated");
    assert_eq!(people.len(), 200);
    assert_eq!(registrations, answered_ids);
    assert_eq!(
        v.counts("soupe").await.unwrap()[SLOT],
        SlotCount {
            confirmed: 10,
            waiting: 190
        }
    );
}

/// Cancellations and sign-ups at once: never more confirmed than places, nobody waiting while
/// a place is free, and the count always what the places say.
pub(crate) async fn cancellations_and_sign_ups_at_once(f: &Fixture) {
    let v = Arc::new(volunteers(f));
    for n in 0..8 {
        sign(&v, n, 4).await;
    }
    let mut tasks = tokio::task::JoinSet::new();
    let barrier = Arc::new(tokio::sync::Barrier::new(12));
    for n in 0..12u32 {
        let (v, barrier) = (v.clone(), barrier.clone());
        tasks.spawn(async move {
            barrier.wait().await;
            if n < 6 {
                // Three confirmed, three waiting cancel.
                let p = v
                    .person(&format!("benevole{}@exemple.org", n + 1), "")
                    .await
                    .unwrap();
                v.cancel("soupe", SLOT, &p).await.unwrap();
            } else {
                sign(&v, 100 + n, 4).await;
            }
        });
    }
    while let Some(joined) = tasks.join_next().await {
        joined.unwrap();
    }
    let stored = v.places("soupe").await.unwrap();
    let count = |st| stored.iter().filter(|p| p.status == st).count() as u32;
    let (confirmed, waiting) = (count(PlaceStatus::Confirmed), count(PlaceStatus::Waiting));
    assert_eq!(count(PlaceStatus::Cancelled), 6);
    assert_eq!(confirmed + waiting, 8);
    assert_eq!(
        confirmed, 4,
        "four places, eight people left: all places taken"
    );
    assert_eq!(
        v.counts("soupe").await.unwrap()[SLOT],
        SlotCount { confirmed, waiting }
    );
}
