//! Which page each address shows, at the root and under a sub-path.

use metropolis_diploma::domain::routes::{strip_base, Route};

#[test]
fn paths_map_to_pages() {
    #[rustfmt::skip]
    let rows = [
        ("/", Route::Home), ("", Route::Home), ("/?x=1", Route::Home), ("/apply?member=yes", Route::Home),
        ("/estimate", Route::Estimate), ("/estimate/", Route::Estimate), ("/estimate?member=yes#quote", Route::Estimate),
        ("/refund?paid=330", Route::Refund),
        ("/embed", Route::Embed), ("/embed/estimate?member=yes", Route::EmbedFrame),
        ("/estimates", Route::NotFound), ("/apply/unknown", Route::NotFound), ("/index.html", Route::NotFound),
    ];
    for (path, page) in rows {
        assert_eq!(Route::parse(path), page, "Route::parse({path:?})");
    }
    for page in [Route::Home, Route::Estimate, Route::Refund, Route::Embed, Route::EmbedFrame] {
        assert_eq!(Route::parse(page.path()), page, "{page:?} round trip");
    }
}

#[test]
fn the_base_is_stripped_only_at_a_segment_boundary() {
    #[rustfmt::skip]
    let rows = [
        ("/estimate", "", Some("/estimate")), ("/", "", Some("/")),
        ("/diploma/estimate", "/diploma", Some("/estimate")), ("/diploma", "/diploma", Some("/")),
        ("/diploma/", "/diploma", Some("/")), ("/diplomas/estimate", "/diploma", None), ("/other", "/diploma", None),
    ];
    for (pathname, base, expected) in rows {
        assert_eq!(strip_base(pathname, base), expected, "strip_base({pathname:?}, {base:?})");
    }
}
