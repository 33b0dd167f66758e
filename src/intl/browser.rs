//! The browser's `Intl`, through the shared formatting module (`format.js`).

use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen(module = "/src/intl/format.js")]
extern "C" {
    #[wasm_bindgen(js_name = format)]
    fn js_format(kind: &str, locale: &str, a: &str, b: &str, extra: &str) -> String;
}

/// One formatting request; `''` when `Intl` cannot format the value.
pub(super) fn format(kind: &str, locale: &str, a: &str, b: &str, extra: &str) -> String {
    js_format(kind, locale, a, b, extra)
}
