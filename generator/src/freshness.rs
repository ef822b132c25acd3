//! Data that stays true: the associations whose information is older than
//! `stale_after_months`, which their pages mark « informations à vérifier » and `portal
//! check` lists with whom to ask (the public contact on file).

use jiff::civil::Date;
use portal_model::Association;

use crate::load::Content;

/// The associations to check again on `today`, oldest first, as a report for the
/// terminal; `None` when there are none.
pub fn report(content: &Content, today: Date) -> Option<String> {
    let months = content.config.stale_after_months;
    let mut stale: Vec<&Association> = content
        .associations
        .iter()
        .filter(|a| a.is_stale(today, months))
        .collect();
    if stale.is_empty() {
        return None;
    }
    stale.sort_by_key(|a| (a.updated, a.slug.clone()));
    let mut out = format!(
        "Informations à vérifier (mises à jour il y a plus de {months} mois, stale_after_months) : {}\n",
        if stale.len() > 1 {
            format!("{} associations", stale.len())
        } else {
            "1 association".to_string()
        }
    );
    for a in stale {
        out.push_str(&format!(
            "  content/associations/{}.md : {}, mise à jour le {} ; {}\n",
            a.slug,
            a.name,
            a.updated,
            whom_to_ask(a)
        ));
    }
    Some(out)
}

/// The association's public contact, as the page shows it.
fn whom_to_ask(a: &Association) -> String {
    let ways: Vec<String> = a
        .contact
        .iter()
        .flat_map(|c| {
            [
                c.phone.as_ref().map(|p| p.display.clone()),
                c.email.clone(),
                c.website.clone(),
            ]
        })
        .flatten()
        .collect();
    if ways.is_empty() {
        "aucun contact sur la fiche".to_string()
    } else {
        format!("contact : {}", ways.join(", "))
    }
}
