//! Who may come and how: the access conditions of a place (`access` in an association's
//! file), modelled on Soliguide's modalities (unconditional, on registration, on referral,
//! on appointment, with a precision and the fees), and mapped to data·inclusion's lists
//! (`modes_mobilisation`, `mobilisable_par`, `frais`) by the tables below.

use serde::Serialize;

use crate::problem::{Problem, Problems};
use crate::read::{Fields, join, list, one_of, text};
use crate::tree::Node;

/// How a person gets in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AccessMode {
    /// Anyone may come, with nothing to show (Soliguide's « accueil inconditionnel »).
    Unconditional,
    /// Once registered with the association (a first visit, a file).
    Registration,
    /// On referral by a social worker (CCAS, the département's social services, the 115).
    Referral,
    /// On appointment, by phone or e-mail.
    Appointment,
}

/// A mode, its word in files, its label on the site and its data·inclusion translation
/// (`modes_mobilisation`, `mobilisable_par`).
type ModeRow = (
    AccessMode,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

/// Every mode, in the order of [`AccessMode::ALL`].
const MODES: [ModeRow; 4] = [
    (
        AccessMode::Unconditional,
        "unconditional",
        "Sans condition",
        &["se-presenter"],
        &["usagers"],
    ),
    (
        AccessMode::Registration,
        "registration",
        "Sur inscription",
        &["se-presenter", "telephoner"],
        &["usagers"],
    ),
    (
        AccessMode::Referral,
        "referral",
        "Sur orientation d'un travailleur social",
        &["envoyer-un-courriel", "telephoner"],
        &["professionnels"],
    ),
    (
        AccessMode::Appointment,
        "appointment",
        "Sur rendez-vous",
        &["telephoner", "envoyer-un-courriel"],
        &["usagers", "professionnels"],
    ),
];

impl AccessMode {
    /// Every mode, in the order the site lists them.
    pub const ALL: [AccessMode; 4] = [
        AccessMode::Unconditional,
        AccessMode::Registration,
        AccessMode::Referral,
        AccessMode::Appointment,
    ];

    /// The words written in files, in the order of [`AccessMode::ALL`].
    pub const WORDS: [&'static str; 4] =
        ["unconditional", "registration", "referral", "appointment"];

    /// The word written in content files.
    pub const fn word(self) -> &'static str {
        MODES[self as usize].1
    }

    /// What the site says, in French.
    pub const fn label(self) -> &'static str {
        MODES[self as usize].2
    }

    /// data·inclusion's `modes_mobilisation` for this mode.
    pub const fn datainclusion_modes(self) -> &'static [&'static str] {
        MODES[self as usize].3
    }

    /// data·inclusion's `mobilisable_par` for this mode: who can set the service going.
    pub const fn datainclusion_by(self) -> &'static [&'static str] {
        MODES[self as usize].4
    }

    /// The French word of the mode in addresses (`/associations/acces/sans-condition/`).
    pub const fn slug(self) -> &'static str {
        match self {
            AccessMode::Unconditional => "sans-condition",
            AccessMode::Registration => "sur-inscription",
            AccessMode::Referral => "sur-orientation",
            AccessMode::Appointment => "sur-rendez-vous",
        }
    }

    /// The mode written `word` in a file.
    pub fn from_word(word: &str) -> Option<AccessMode> {
        Self::WORDS
            .iter()
            .position(|w| *w == word)
            .map(|i| Self::ALL[i])
    }
}

/// Whether coming costs something.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Fees {
    /// Nothing to pay.
    Free,
    /// A contribution is asked (a few euros, a share of the price).
    Paid,
}

impl Fees {
    /// The words written in files.
    pub const WORDS: [&'static str; 2] = ["free", "paid"];

    /// The word written in content files.
    pub const fn word(self) -> &'static str {
        match self {
            Fees::Free => "free",
            Fees::Paid => "paid",
        }
    }

    /// What the site says, in French.
    pub const fn label(self) -> &'static str {
        match self {
            Fees::Free => "Gratuit",
            Fees::Paid => "Participation financière demandée",
        }
    }

    /// data·inclusion's `frais`.
    pub const fn datainclusion(self) -> &'static str {
        match self {
            Fees::Free => "gratuit",
            Fees::Paid => "payant",
        }
    }
}

/// Who may come and how: `access: {mode, fees, note}` in an association's file.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Access {
    /// How a person gets in; several may hold (on registration, on appointment). Empty when
    /// only the precision is known (the former free-text `conditions`).
    pub modes: Vec<AccessMode>,
    /// Whether it costs something, if the editor said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fees: Option<Fees>,
    /// A precision in the editor's words: what to bring, who refers, how long.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Access {
    /// The modes said on one line, as cards show them: `Sur inscription, sur rendez-vous`.
    pub fn modes_text(&self) -> String {
        let mut out = String::new();
        for (n, m) in self.modes.iter().enumerate() {
            if n == 0 {
                out.push_str(m.label());
            } else {
                out.push_str(", ");
                let label = m.label();
                let mut chars = label.chars();
                if let Some(first) = chars.next() {
                    out.extend(first.to_lowercase());
                    out.push_str(chars.as_str());
                }
            }
        }
        out
    }

    /// Reads `access: {mode, fees, note}`; `conditions` (the former free text) is the same
    /// precision as `note`, given by the caller.
    pub(crate) fn read(node: &Node, path: &str, p: &mut Problems) -> Option<Access> {
        let mut f = Fields::of(node, path, "des conditions d'accès {mode, fees, note}", p)?;
        let before = p.len();
        let modes: Vec<AccessMode> = f
            .optional("mode", p, |n, path, p| {
                list(n, path, p, |n, path, p| {
                    one_of(n, path, p, &AccessMode::WORDS).and_then(AccessMode::from_word)
                })
            })
            .unwrap_or_default();
        let fees = f.optional("fees", p, |n, path, p| {
            one_of(n, path, p, &Fees::WORDS)
                .map(|w| if w == "free" { Fees::Free } else { Fees::Paid })
        });
        let note = f.optional("note", p, |n, path, p| text(n, path, p, (1, 500), false));
        f.finish("des conditions d'accès", p);
        let mut modes = modes;
        modes.sort();
        modes.dedup();
        if modes.contains(&AccessMode::Unconditional) && modes.contains(&AccessMode::Referral) {
            p.push(Problem::new(
                node.at,
                join(path, "mode"),
                "des modes d'accès compatibles (unconditional, sans condition, exclut referral, sur orientation)",
                "unconditional et referral",
            ));
        }
        (p.len() == before).then_some(Access { modes, fees, note })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tree::parse_yaml;

    fn access(yaml: &str) -> Result<Access, Vec<String>> {
        let node = parse_yaml(yaml, 1).unwrap();
        let mut p = Problems::new();
        Access::read(&node, "access", &mut p)
            .ok_or_else(|| p.into_sorted().iter().map(|p| p.to_string()).collect())
    }

    #[test]
    fn modes_are_read_in_order_and_said_on_one_line() {
        let a = access("mode: [appointment, registration]\nfees: free\nnote: Carte d'étudiant\n")
            .unwrap();
        assert_eq!(a.modes, [AccessMode::Registration, AccessMode::Appointment]);
        assert_eq!(a.modes_text(), "Sur inscription, sur rendez-vous");
        assert_eq!(a.fees, Some(Fees::Free));
        assert_eq!(
            access("mode: referral\n").unwrap().modes,
            [AccessMode::Referral]
        );
    }

    #[test]
    fn unknown_and_contradictory_modes_are_refused() {
        assert_eq!(
            access("mode: [unconditionnal]\n").unwrap_err(),
            [
                "1:8: access.mode[0] : attendu l'une des valeurs unconditional, registration, referral, appointment, trouvé « unconditionnal » ; vouliez-vous dire « unconditional » ?"
            ]
        );
        assert_eq!(
            access("mode: [unconditional, referral]\n").unwrap_err(),
            [
                "1:1: access.mode : attendu des modes d'accès compatibles (unconditional, sans condition, exclut referral, sur orientation), trouvé unconditional et referral"
            ]
        );
    }

    #[test]
    fn every_mode_maps_to_datainclusion() {
        for m in AccessMode::ALL {
            assert_eq!(AccessMode::from_word(m.word()), Some(m));
            assert!(!m.datainclusion_modes().is_empty() && !m.datainclusion_by().is_empty());
        }
    }
}
