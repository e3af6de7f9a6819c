//! Every domain enum put into words, in French and English, the one way: the [`Label`]
//! trait. Its implementations are written with [`labels!`](crate::labels), which makes the
//! list of all values ([`Label::ALL`]) and the words from the same lines: a new variant
//! without its words is a match that does not cover it, and does not compile; a value listed
//! twice is an unreachable pattern, which the lints refuse.

use crate::referential::Lang;

/// An enum whose values have words in both languages, listed in the order lists offer them.
pub trait Label: Sized + Copy + PartialEq + 'static {
    /// Every value, in the order a list offers them.
    const ALL: &'static [Self];

    /// Its words, in French and in English.
    fn words(self) -> (&'static str, &'static str);

    /// Its words in `lang`.
    fn label(self, lang: Lang) -> &'static str {
        let (fr, en) = self.words();
        match lang {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }

    /// Its place in [`Label::ALL`] (a stable `<option value>`).
    fn index(self) -> usize {
        // Every value is in ALL: `labels!` makes ALL and the exhaustive match from the
        // same list.
        Self::ALL
            .iter()
            .position(|value| *value == self)
            .unwrap_or_default()
    }
}

/// Implements [`Label`] for enums: `labels! { Type { Variant => "français", "English"; … } }`.
#[macro_export]
macro_rules! labels {
    ($($ty:ident { $($variant:ident => $fr:expr, $en:expr;)+ })+) => {$(
        impl $crate::label::Label for $ty {
            const ALL: &'static [Self] = &[$($ty::$variant),+];
            fn words(self) -> (&'static str, &'static str) {
                match self {
                    $($ty::$variant => ($fr, $en),)+
                }
            }
        }
    )+};
}

/// A yes-or-no answer.
impl Label for bool {
    const ALL: &'static [Self] = &[true, false];
    fn words(self) -> (&'static str, &'static str) {
        if self {
            ("Oui", "Yes")
        } else {
            ("Non", "No")
        }
    }
}
