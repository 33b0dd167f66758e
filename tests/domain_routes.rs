//! The app's addresses: the path of each page and of each page of the form. Matching a browser
//! address to a page is the router's job; these are the paths links are built from.

use metropolis_diploma::domain::application::Step;
use metropolis_diploma::domain::routes::{ApplyPage, Route};

#[test]
fn each_page_has_its_path() {
    #[rustfmt::skip]
    let rows = [
        (Route::Home, "/"), (Route::Estimate, "/estimate"), (Route::Refund, "/refund"), (Route::Embed, "/embed"),
        (Route::EmbedFrame, "/embed/estimate"), (Route::Apply, "/apply"), (Route::NotFound, "/"),
    ];
    for (page, path) in rows {
        assert_eq!(page.path(), path, "{page:?}.path()");
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
        assert!(page.path().starts_with(Route::Apply.path()), "{page:?} is under /apply");
    }
}
