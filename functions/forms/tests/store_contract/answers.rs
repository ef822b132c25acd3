//! The contract of the answers to listings, on both stores: one answer accepted, a second
//! accept refused, the others declined; and 50 associations reserving one offer at once.

use std::collections::BTreeSet;
use std::sync::Arc;

use portal_forms::rules::{AnswerForm, Answers, RuleError};
use portal_forms::state::ListingPlan;
use portal_forms::store::AnswerStatus;
use portal_model::site::FormSettings;

use super::Fixture;

fn plan() -> ListingPlan {
    ListingPlan {
        title: "Pommes".into(),
        association: "epicerie".into(),
        offer: true,
        ends: Some("2030-01-10".into()),
    }
}

fn form(n: u32) -> AnswerForm {
    AnswerForm {
        association: format!("Association {n}"),
        name: format!("Contact {n}"),
        email: format!("asso{n}@exemple.org"),
        phone: String::new(),
        quantity: "20 kg".into(),
        when: "mardi matin".into(),
        message: String::new(),
    }
}

fn settings() -> FormSettings {
    FormSettings {
        rate_limit_per_hour: 10_000,
        ..FormSettings::default()
    }
}

pub(crate) async fn one_answer_accepted_the_others_declined(f: &Fixture) {
    let a = Answers::new(f.store.clone());
    let mut ids = Vec::new();
    for n in 0..3 {
        let sent = a
            .send("pommes", &plan(), &form(n), None, None, &settings())
            .await
            .unwrap();
        assert!(
            a.view("pommes", &sent.id, &sent.key)
                .await
                .unwrap()
                .is_some()
        );
        assert!(a.view("pommes", &sent.id, "nope").await.unwrap().is_none());
        ids.push(sent.id);
    }
    assert_eq!(
        a.decline("pommes", &ids[0]).await.unwrap().unwrap().status,
        AnswerStatus::Declined
    );
    let (won, declined) = a.accept("pommes", &ids[1]).await.unwrap();
    assert_eq!(won.status, AnswerStatus::Accepted);
    assert_eq!(
        declined.iter().map(|d| d.id.clone()).collect::<Vec<_>>(),
        [ids[2].clone()]
    );
    // Accepting the same one again is no change; another is refused.
    assert_eq!(a.accept("pommes", &ids[1]).await.unwrap().0.id, ids[1]);
    assert!(matches!(
        a.accept("pommes", &ids[2]).await,
        Err(RuleError::ListingTaken { .. })
    ));
    assert_eq!(
        a.state("pommes").await.unwrap().accepted.as_deref(),
        Some(ids[1].as_str())
    );
    a.done("pommes").await.unwrap();
    let states = a.states().await.unwrap();
    assert!(states["pommes"].done);
    assert_eq!(states["pommes"].accepted.as_deref(), Some(ids[1].as_str()));
}

/// The closing note's figure: 50 associations reserve one offer at once, the publisher's
/// accepts race: one accepted, 49 told.
pub(crate) async fn fifty_reserve_one_offer_at_once(f: &Fixture) {
    let a = Arc::new(Answers::new(f.store.clone()));
    let barrier = Arc::new(tokio::sync::Barrier::new(50));
    let mut tasks = tokio::task::JoinSet::new();
    for n in 0..50 {
        let (a, barrier) = (a.clone(), barrier.clone());
        tasks.spawn(async move {
            barrier.wait().await;
            a.send("pommes", &plan(), &form(n), None, None, &settings())
                .await
                .unwrap()
                .id
        });
    }
    let mut ids = Vec::new();
    while let Some(id) = tasks.join_next().await {
        ids.push(id.unwrap());
    }
    assert_eq!(
        a.list("pommes").await.unwrap().len(),
        50,
        "every reservation stored"
    );
    // Every reservation accepted at once, as fifty clicks would.
    let barrier = Arc::new(tokio::sync::Barrier::new(50));
    let mut tasks = tokio::task::JoinSet::new();
    for id in ids.clone() {
        let (a, barrier) = (a.clone(), barrier.clone());
        tasks.spawn(async move {
            barrier.wait().await;
            a.accept("pommes", &id).await
        });
    }
    let (mut accepted, mut refused, mut told) = (0, 0, BTreeSet::new());
    while let Some(r) = tasks.join_next().await {
        match r.unwrap() {
            Ok((_, declined)) => {
                accepted += 1;
                told.extend(declined.into_iter().map(|d| d.id));
            }
            Err(RuleError::ListingTaken { .. }) => refused += 1,
            Err(e) => panic!("{e}"),
        }
    }
    let all = a.list("pommes").await.unwrap();
    let with = |s| all.iter().filter(|x| x.status == s).count();
    println!(
        "{:?}: 50 réservations simultanées d'une offre : {accepted} acceptée, {refused} refus 409, {} prévenues (déclinées)",
        f.kind,
        told.len()
    );
    assert_eq!((accepted, refused), (1, 49));
    assert_eq!(told.len(), 49);
    assert_eq!(
        (with(AnswerStatus::Accepted), with(AnswerStatus::Declined)),
        (1, 49)
    );
}
