//! Which page each address shows, at the root and under a sub-path.

use metropolis_diploma::domain::application::Step;
use metropolis_diploma::domain::routes::{strip_base, ApplyPage, Route};

#[test]
fn paths_map_to_pages() {
    #[rustfmt::skip]
    let rows = [
        ("/", Route::Home), ("", Route::Home), ("/?x=1", Route::Home), ("/apply?member=yes", Route::Apply),
        ("/apply/about-you", Route::Apply), ("/apply/done", Route::Apply), ("/applying", Route::NotFound),
        ("/estimate", Route::Estimate), ("/estimate/", Route::Estimate), ("/estimate?member=yes#quote", Route::Estimate),
        ("/refund?paid=330", Route::Refund),
        ("/embed", Route::Embed), ("/embed/estimate?member=yes", Route::EmbedFrame),
        ("/estimates", Route::NotFound), ("/index.html", Route::NotFound),
    ];
    for (path, page) in rows {
        assert_eq!(Route::parse(path), page, "Route::parse({path:?})");
    }
    for page in [Route::Home, Route::Estimate, Route::Refund, Route::Embed, Route::EmbedFrame, Route::Apply] {
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

#[test]
fn application_pages_have_their_own_paths() {
    use ApplyPage::{Check, Done, Start};
    #[rustfmt::skip]
    let rows = [
        ("/apply", Some(Start)), ("/apply/", Some(Start)), ("/apply?member=yes", Some(Start)),
        ("/apply/about-you", Some(ApplyPage::Step(Step::AboutYou, false))),
        ("/apply/registration?return=check", Some(ApplyPage::Step(Step::Registration, true))),
        ("/apply/declarations?x=1&return=check#declarations-truthful", Some(ApplyPage::Step(Step::Declarations, true))),
        ("/apply/check", Some(Check)), ("/apply/done", Some(Done)), ("/apply/done?ref=1", Some(Done)),
        ("/apply/unknown", None), ("/apply/about-you/x", None), ("/applying", None), ("/estimate", None),
    ];
    for (path, page) in rows {
        assert_eq!(ApplyPage::parse(path), page, "ApplyPage::parse({path:?})");
    }
    let mut pages = vec![Start, Check, Done];
    for s in Step::ALL {
        pages.push(ApplyPage::Step(s, false));
        pages.push(ApplyPage::Step(s, true));
    }
    for page in pages {
        assert_eq!(ApplyPage::parse(&page.path()), Some(page), "{page:?} round trip");
        assert_eq!(Route::parse(&page.path()), Route::Apply, "{page:?} is in the form");
        assert_eq!(page.entry(), if page == Done || page == Check { "send.html" } else { "apply.html" });
    }
}
