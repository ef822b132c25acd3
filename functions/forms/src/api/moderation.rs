//! The moderators' routes: the queue, one submission (with a diff for a change), and the
//! decision, a conditional write that a stale or concurrent decision loses with `409`.

use bytes::Bytes;
use http::{Request, StatusCode, header};
use portal_model::Draft;
use serde::Deserialize;
use serde_json::json;

use super::{Answer, Api, Failure, header_str, json_response, now, query};
use crate::rules::sources::{self, Sources};
use crate::rules::{Correction, Review};
use crate::secrets::token_hash;
use crate::store::{Action, Decision, Moderator, Status, Submission};

/// The moderator named by the bearer token; `401` for none, a wrong or a revoked one.
async fn moderator(api: &Api, req: &Request<Bytes>) -> Result<Moderator, Failure> {
    let token = header_str(req, header::AUTHORIZATION)
        .strip_prefix("Bearer ")
        .unwrap_or("")
        .trim();
    let refused = || {
        Failure::new(
            StatusCode::UNAUTHORIZED,
            "Jeton de modération absent, inconnu ou révoqué.",
        )
    };
    if token.is_empty() {
        return Err(refused());
    }
    let hash = token_hash(token);
    let found = api.moderators().by_token(&hash).await?;
    // The store finds by hash; comparing again in constant time costs nothing.
    found
        .filter(|m| crate::secrets::same(&m.token_hash, &hash))
        .ok_or_else(refused)
}

pub(super) async fn queue(api: &Api, req: &Request<Bytes>) -> Answer {
    moderator(api, req).await?;
    let status = query(req, "status").unwrap_or_else(|| "pending".into());
    let status = Status::from_word(&status).ok_or_else(|| {
        Failure::new(
            StatusCode::BAD_REQUEST,
            format!("statut inconnu : {status}"),
        )
    })?;
    let limit = query(req, "limit")
        .and_then(|l| l.parse().ok())
        .unwrap_or(50usize)
        .clamp(1, 200);
    let after = query(req, "after");
    let page = api
        .submissions()
        .list(status, after.as_deref(), limit)
        .await?;
    let items: Vec<_> = page.items.iter().map(summary).collect();
    Ok(json_response(
        StatusCode::OK,
        &json!({ "items": items, "next": page.next }),
    ))
}

fn summary(s: &Submission) -> serde_json::Value {
    let title = ["title", "name"]
        .iter()
        .find_map(|k| s.fields.get(*k).and_then(|v| v.as_str()))
        .unwrap_or("(sans titre)");
    let text = |k: &str| s.fields.get(k).and_then(|v| v.as_str());
    // Which association it is about (its own name for a profile), and the day it stops
    // being of use: a food offer's use-by date, a listing's end, a call's deadline.
    let association = match s.kind {
        portal_model::SubmissionType::Association => text("name"),
        _ => text("association"),
    };
    let until = text("expires")
        .map(|d| ("expires", d))
        .or_else(|| {
            s.fields
                .get("available")
                .and_then(|a| a.get("until"))
                .and_then(|v| v.as_str())
                .map(|d| ("until", d))
        })
        .or_else(|| text("deadline").map(|d| ("deadline", d)));
    json!({
        "id": s.id, "type": s.kind, "label": s.kind.label(), "target": s.target, "title": title,
        "created_at": s.created_at, "status": s.status, "version": s.version,
        "problem": s.problem,
        "association": association,
        "until": until.map(|(kind, date)| json!({"kind": kind, "date": date})),
    })
}

/// The current file of the entry a change names, and its hash: as the publication last
/// sent it to the store (on Lambda as on `portal serve`), else as `portal serve` reads it on
/// disk.
async fn current_file(api: &Api, sub: &Submission) -> Result<Option<(String, String)>, Failure> {
    let Some(slug) = sub.target.as_deref() else {
        return Ok(None);
    };
    let kind = sub.kind.kind();
    if let Some(file) = Sources::new(api.store()).current(kind, slug).await? {
        return Ok(Some((file.text, file.sha256)));
    }
    Ok(api
        .state()
        .source(kind, slug)
        .map(|text| (sources::sha256(&text), text))
        .map(|(hash, text)| (text, hash)))
}

pub(super) async fn one(api: &Api, req: &Request<Bytes>, id: &str) -> Answer {
    moderator(api, req).await?;
    let submissions = api.submissions();
    let sub = submissions
        .get(id)
        .await?
        .ok_or_else(|| Failure::new(StatusCode::NOT_FOUND, "proposition introuvable"))?;
    let state = api.state();
    let today = super::today(&state.site);
    let current = current_file(api, &sub).await?;
    // What the import will write: a change keeps the translations of the file it changes.
    let mut draft = draft_of(&sub);
    if let Some((old, _)) = &current {
        draft.fields = portal_model::translations::carried(draft.fields, old);
    }
    let proposed = draft.to_markdown(today);
    let diff = current.as_ref().map(|(old, _)| {
        similar::TextDiff::from_lines(old.as_str(), proposed.as_str())
            .unified_diff()
            .header("actuel", "proposé")
            .to_string()
    });
    let contact = submissions.contact(id).await?;
    let audit = submissions.audit(id).await?;
    let (current, current_sha256) = current.unzip();
    Ok(json_response(
        StatusCode::OK,
        &json!({
            "submission": sub, "summary": summary(&sub), "contact_email": contact,
            "file": proposed, "current": current, "current_sha256": current_sha256,
            "diff": diff, "audit": audit,
        }),
    ))
}

/// The submission as a draft, without the e-mail.
fn draft_of(sub: &Submission) -> Draft {
    Draft {
        kind: sub.kind,
        target: sub.target.clone(),
        fields: sub.fields.clone(),
        body: sub.body.clone(),
        contact_email: String::new(),
    }
}

/// `GET /moderation/submissions/{id}/preview`: the page the submission becomes, rendered
/// by the site's templates (`{"html": …}`), or `404` where the process cannot render it.
pub(super) async fn preview(api: &Api, req: &Request<Bytes>, id: &str) -> Answer {
    moderator(api, req).await?;
    let sub = api
        .submissions()
        .get(id)
        .await?
        .ok_or_else(|| Failure::new(StatusCode::NOT_FOUND, "proposition introuvable"))?;
    let Some(preview) = api.preview() else {
        return Err(Failure::new(
            StatusCode::NOT_FOUND,
            "Aperçu indisponible ici : le fichier ci-dessous est ce qui sera publié.",
        ));
    };
    let state = api.state();
    let draft = draft_of(&sub);
    let kind = sub.kind.kind();
    let file = draft.to_markdown(super::today(&state.site));
    let slug = draft.slug(state.slugs(kind));
    let preview = preview.clone();
    // Rendering reads the site and its theme: off the threads that answer requests.
    let rendered = tokio::task::spawn_blocking(move || preview.render(kind, &slug, &file))
        .await
        .map_err(|e| Failure::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    match rendered {
        Ok(html) => Ok(json_response(StatusCode::OK, &json!({ "html": html }))),
        Err(why) => Err(Failure::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("Aperçu impossible : {why}"),
        )),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DecisionRequest {
    action: Action,
    #[serde(default)]
    note: String,
    version: u64,
    /// For a change: the `current_sha256` the moderator saw.
    #[serde(default)]
    base: Option<String>,
    /// A correction of the fields, checked as a submission is.
    #[serde(default, with = "optional_unique")]
    fields: Option<serde_json::Map<String, serde_json::Value>>,
    /// A correction of the text.
    #[serde(default)]
    body: Option<String>,
}

/// `fields` read with each key once, as a submission's are.
mod optional_unique {
    use serde::{Deserialize, Deserializer};
    use serde_json::{Map, Value};

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Map<String, Value>>, D::Error> {
        #[derive(Deserialize)]
        struct Holder(#[serde(with = "portal_model::unique")] Map<String, Value>);
        Ok(Some(Holder::deserialize(d)?.0))
    }
}

pub(super) async fn decide(api: &Api, req: &Request<Bytes>, id: &str) -> Answer {
    let moderator = moderator(api, req).await?;
    let asked: DecisionRequest = serde_json::from_slice(req.body()).map_err(|e| {
        Failure::new(
            StatusCode::BAD_REQUEST,
            format!("Attendu {{\"action\": \"approve|reject|request_changes\", \"note\": \"…\", \"version\": N}} (et pour corriger : \"fields\", \"body\"), trouvé une erreur : {e}"),
        )
    })?;
    let sub = api
        .submissions()
        .get(id)
        .await?
        .ok_or_else(|| Failure::new(StatusCode::NOT_FOUND, "proposition introuvable"))?;
    let state = api.state();
    let correction = if asked.fields.is_some() || asked.body.is_some() {
        let mut draft = draft_of(&sub);
        draft.fields = asked.fields.clone().unwrap_or(draft.fields);
        draft.body = asked.body.clone().unwrap_or(draft.body);
        // The submission's own checks; the e-mail is not the moderator's to give.
        draft.contact_email = "moderation@example.org".into();
        let cx = portal_model::Context {
            site: &state.site,
            associations: state.slugs(portal_model::Kind::Association),
        };
        let today = super::today(&state.site);
        if let Err(errors) = draft.check(&cx, state.slugs(sub.kind.kind()), today) {
            return Ok(json_response(
                StatusCode::BAD_REQUEST,
                &json!({ "errors": errors }),
            ));
        }
        Some(Correction {
            fields: draft.fields,
            body: draft.body,
        })
    } else {
        None
    };
    let base = if asked.action == Action::Approve && sub.target.is_some() {
        let current = current_file(api, &sub).await?.map(|(_, hash)| hash);
        match (&asked.base, current) {
            (Some(seen), Some(now)) if *seen != now => {
                return Err(Failure::new(
                    StatusCode::CONFLICT,
                    "conflit : la fiche a été modifiée depuis que vous avez ouvert la proposition ; rouvrez-la pour voir les modifications par rapport à la fiche actuelle.",
                ));
            }
            (_, Some(now)) => Some(now),
            (Some(seen), None) => Some(seen.clone()),
            (None, None) => {
                return Err(Failure::new(
                    StatusCode::CONFLICT,
                    "conflit : la fiche actuelle n'est pas connue des formulaires (la publication ne l'a pas encore envoyée) ; réessayez après la prochaine publication.",
                ));
            }
        }
    } else {
        None
    };
    let decision = Decision {
        submission: id.to_string(),
        action: asked.action,
        note: asked.note.trim().to_string(),
        by: moderator.name,
        at: now(),
        version: asked.version,
        corrected: correction.is_some(),
    };
    let review = Review { correction, base };
    let sub = api
        .submissions()
        .review(&decision, &review, &state.site.forms)
        .await?;
    Ok(json_response(
        StatusCode::OK,
        &json!({ "submission": summary(&sub) }),
    ))
}

/// `GET /moderation/calls/{slug}`: a call's counts per slot and its sign-ups by id and
/// state, without names or contacts (those are for the association and the volunteer).
pub(super) async fn call(api: &Api, req: &Request<Bytes>, slug: &str) -> Answer {
    moderator(api, req).await?;
    let counts = api.volunteers().counts(slug).await?;
    let places = api.volunteers().places(slug).await?;
    let closed = api.volunteers().closed(slug).await?;
    Ok(json_response(
        StatusCode::OK,
        &json!({
            "call": slug,
            "closed": closed,
            "slots": counts.iter().map(|(slot, c)| json!({
                "slot": slot, "confirmed": c.confirmed, "waiting": c.waiting,
            })).collect::<Vec<_>>(),
            "signups": places.iter().map(|p| json!({
                "registration": p.registration, "slot": p.slot, "status": p.status.word(),
            })).collect::<Vec<_>>(),
        }),
    ))
}

/// `POST /moderation/signups/{id}/purge`: every place of the sign-up cancelled (the first
/// waiting promoted and told), its personal data erased at once.
pub(super) async fn purge(api: &Api, req: &Request<Bytes>, id: &str) -> Answer {
    moderator(api, req).await?;
    let promoted = api.volunteers().purge(id).await?;
    for p in &promoted {
        api.tell_promoted(p).await;
    }
    Ok(json_response(
        StatusCode::OK,
        &json!({ "purged": id, "promoted": promoted.len() }),
    ))
}

/// `POST /moderation/associations/{slug}/revoke`: the association's signed links no
/// longer open.
pub(super) async fn revoke_links(api: &Api, req: &Request<Bytes>, slug: &str) -> Answer {
    moderator(api, req).await?;
    let p = api.publishers().revoke(slug).await?;
    Ok(json_response(
        StatusCode::OK,
        &json!({ "association": slug, "generation": p.generation }),
    ))
}

/// `GET /moderation/listings/{slug}`: a listing's answers counted by state, and its state.
pub(super) async fn listing(api: &Api, req: &Request<Bytes>, slug: &str) -> Answer {
    moderator(api, req).await?;
    let answers = api.answers().list(slug).await?;
    let state = api.answers().state(slug).await?;
    let count = |s: crate::store::AnswerStatus| answers.iter().filter(|a| a.status == s).count();
    use crate::store::AnswerStatus as S;
    Ok(json_response(
        StatusCode::OK,
        &json!({
            "listing": slug,
            "done": state.done,
            "accepted": state.accepted,
            "pending": count(S::Pending),
            "declined": count(S::Declined),
            "answers": answers.len(),
        }),
    ))
}
