//! The time, from the browser: the core has no clock.

use fabrique_core::referential::Lang;

/// Milliseconds since 1970, as the browser's clock says.
pub fn now_ms() -> u64 {
    // A float of milliseconds: whole and positive for any date this app will see.
    js_sys::Date::now().max(0.0) as u64
}

/// Leaves a performance mark (`performance.mark`), which `make bench` reads; returns whether
/// the browser took it.
pub fn mark(name: &str) -> bool {
    web_sys::window()
        .and_then(|window| window.performance())
        .is_some_and(|performance| performance.mark(name).is_ok())
}

fn local(ms: u64) -> js_sys::Date {
    js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64))
}

/// A day as the French write it: `29/11/2026` (local time; empty when unknown).
pub fn local_date(ms: u64) -> String {
    if ms == 0 {
        return String::new();
    }
    let date = local(ms);
    format!(
        "{:02}/{:02}/{:04}",
        date.get_date(),
        date.get_month() + 1,
        date.get_full_year()
    )
}

/// A saved time: `29/11/2026 à 14:05` (`at` in English; local time; empty when unknown).
pub fn local_date_time(ms: u64, lang: Lang) -> String {
    if ms == 0 {
        return String::new();
    }
    let date = local(ms);
    format!(
        "{}{}{:02}:{:02}",
        local_date(ms),
        match lang {
            Lang::Fr => " à ",
            Lang::En => " at ",
        },
        date.get_hours(),
        date.get_minutes()
    )
}
