//! The embed's pure parts: origins, theme validation, options, messages, snippet and CSP lines.

mod common;

use common::{countries, date, edition};
use metropolis_diploma::domain::embed::{
    frame_ancestors, height_px, is_frame, parse_accent, parse_font, partner_csp, EmbedOptions, Message, Origin,
    QuoteSummary, Rgb, SnippetOptions, ThemeError, CHANNEL, MAX_HEIGHT,
};
use metropolis_diploma::domain::estimate::{EstimateParams, IgnoredParam};
use metropolis_diploma::domain::fees::{quote, QuoteInput, ReducedTier};

#[test]
fn origins() {
    #[rustfmt::skip]
    let rows: &[(&str, Option<&str>)] = &[
        ("https://example.org", Some("https://example.org")),
        ("http://127.0.0.1:4174", Some("http://127.0.0.1:4174")),
        ("HTTPS://Partner.Example.ORG", Some("https://partner.example.org")),
        ("http://localhost:8080", Some("http://localhost:8080")),
        ("https://[::1]:8443", Some("https://[::1]:8443")),
        ("https://[::1]", Some("https://[::1]")),
        ("https://xn--bcher-kva.example", Some("https://xn--bcher-kva.example")),
        ("*", None),
        ("null", None),
        ("", None),
        ("https://", None),
        ("https://example.org/", None),
        ("https://example.org/path", None),
        ("https://example.org?x=1", None),
        ("https://example.org#x", None),
        ("https://user@example.org", None),
        ("https://example.org:", None),
        ("https://example.org:0", None),
        ("https://example.org:65536", None),
        ("https://example.org:+80", None),
        ("https://example.org:80:80", None),
        ("https://exa mple.org", None),
        ("https://-bad.example", None),
        ("https://bad..example", None),
        ("javascript://example.org", None),
        ("file:///etc/passwd", None),
        ("ftp://example.org", None),
        ("https://[::1", None),
        ("https://[zz]", None),
        ("https://[::1]x", None),
        (" https://example.org", None),
        ("https://example.org\n", None),
    ];
    for (text, want) in rows {
        assert_eq!(Origin::parse(text).as_ref().map(Origin::as_str), *want, "{text:?}");
    }
    assert_eq!(Origin::parse(&format!("https://{}.org", "a".repeat(400))), None);
}

#[test]
fn colours() {
    #[rustfmt::skip]
    let rows: &[(&str, Result<&str, ThemeError>)] = &[
        ("#0b4f6c", Ok("#0b4f6c")),
        ("0B4F6C", Ok("#0b4f6c")),
        ("#c0392b", Ok("#c0392b")),
        ("#036", Ok("#003366")),
        ("  #036  ", Ok("#003366")),
        ("#000", Ok("#000000")),
        ("#fff", Err(ThemeError::LowContrast)),
        ("#ffbf47", Err(ThemeError::LowContrast)),
        ("#777777", Err(ThemeError::LowContrast)),
        ("red", Err(ThemeError::NotAColour)),
        ("#12345", Err(ThemeError::NotAColour)),
        ("#1234567", Err(ThemeError::NotAColour)),
        ("#0b4f6c;background:url(x)", Err(ThemeError::NotAColour)),
        ("rgb(0,0,0)", Err(ThemeError::NotAColour)),
        ("#0b4f6g", Err(ThemeError::NotAColour)),
        ("##036", Err(ThemeError::NotAColour)),
        ("", Err(ThemeError::NotAColour)),
        ("é12", Err(ThemeError::NotAColour)),
    ];
    for (text, want) in rows {
        assert_eq!(parse_accent(text).map(Rgb::css).as_deref().map_err(|e| *e), *want, "{text:?}");
    }
    assert_eq!(Rgb(100, 200, 10).darker(), Rgb(70, 140, 7));
    assert!((Rgb(0, 0, 0).contrast_with_white() - 21.0).abs() < 1e-9);
    assert!((Rgb(255, 255, 255).contrast_with_white() - 1.0).abs() < 1e-9);
}

#[test]
fn fonts() {
    #[rustfmt::skip]
    let rows: &[(&str, Result<&str, ThemeError>)] = &[
        ("Georgia, serif", Ok("\"Georgia\", serif")),
        ("\"Source Sans 3\"", Ok("\"Source Sans 3\", system-ui, sans-serif")),
        ("'Open Sans', Arial, sans-serif", Ok("\"Open Sans\", \"Arial\", sans-serif")),
        ("system-ui", Ok("system-ui")),
        ("SERIF", Ok("serif")),
        ("\"serif\"", Ok("\"serif\", system-ui, sans-serif")),
        ("Helvetica   Neue", Ok("\"Helvetica Neue\", system-ui, sans-serif")),
        ("a, b, c, d", Ok("\"a\", \"b\", \"c\", \"d\", system-ui, sans-serif")),
        ("a, b, c, d, e", Err(ThemeError::NotAFontFamily)),
        ("", Err(ThemeError::NotAFontFamily)),
        ("Arial,", Err(ThemeError::NotAFontFamily)),
        ("Arial; color: red", Err(ThemeError::NotAFontFamily)),
        ("x\"; background:url(evil)", Err(ThemeError::NotAFontFamily)),
        ("}body{display:none", Err(ThemeError::NotAFontFamily)),
        ("Comic Sans MS</style>", Err(ThemeError::NotAFontFamily)),
        ("\"Unclosed", Err(ThemeError::NotAFontFamily)),
        ("Ünïcode", Err(ThemeError::NotAFontFamily)),
    ];
    for (text, want) in rows {
        assert_eq!(parse_font(text).as_deref().map_err(|e| *e), *want, "{text:?}");
    }
    assert_eq!(parse_font(&"a".repeat(41)), Err(ThemeError::NotAFontFamily));
}

fn options(query: &str) -> EmbedOptions {
    let pairs: Vec<(&str, &str)> =
        query.split('&').filter(|p| !p.is_empty()).map(|p| p.split_once('=').unwrap_or((p, ""))).collect();
    EmbedOptions::from_pairs(pairs)
}

#[test]
fn embed_options() {
    let o = options(
        "member=yes&lang=FR-ca&accent=%23c0392b&accent=c0392b&font=Georgia&compact=yes&origin=https://a.example",
    );
    assert_eq!(o.lang.as_deref(), Some("fr"));
    assert_eq!(o.accent, Some(Rgb(0xc0, 0x39, 0x2b)));
    assert_eq!(o.font.as_deref(), Some("\"Georgia\", system-ui, sans-serif"));
    assert!(o.compact);
    assert_eq!(o.origin.as_ref().map(Origin::as_str), Some("https://a.example"));
    // `%23` is not decoded here (the shell decodes): it is not a colour, so it is ignored.
    assert_eq!(o.ignored, vec![IgnoredParam { name: "accent".into(), value: "%23c0392b".into() }]);
    assert_eq!(
        o.style(),
        vec![
            ("--accent", "#c0392b".to_owned()),
            ("--accent-dark", "#86271e".to_owned()),
            ("font-family", "\"Georgia\", system-ui, sans-serif".to_owned()),
        ]
    );

    let bad = options("lang=12&accent=red&font=x;y&compact=maybe&origin=*");
    assert_eq!(bad.lang, None);
    assert_eq!(bad.accent, None);
    assert_eq!(bad.font, None);
    assert!(!bad.compact);
    assert_eq!(bad.origin, None);
    assert!(bad.style().is_empty());
    let names: Vec<&str> = bad.ignored.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["lang", "accent", "font", "compact", "origin"]);

    assert_eq!(options(""), EmbedOptions::default());
    assert!(!options("compact=no").compact);
}

#[test]
fn heights() {
    #[rustfmt::skip]
    let rows: &[(f64, u32)] = &[
        (812.0, 812), (812.2, 813), (0.0, 0), (-5.0, 0), (f64::NAN, 0), (f64::INFINITY, 0), (1e12, MAX_HEIGHT),
    ];
    for (measured, want) in rows {
        assert_eq!(height_px(*measured), *want, "{measured}");
    }
}

fn summary(query: &str) -> QuoteSummary {
    let c = countries();
    let pairs: Vec<(&str, &str)> = query.split('&').map(|p| p.split_once('=').unwrap_or((p, ""))).collect();
    let params = EstimateParams::from_pairs(pairs, &c).params;
    let input: QuoteInput = params.to_input(date(2025, 9, 1));
    QuoteSummary::new(&quote(&edition(), &c, &input), &params.to_query())
}

#[test]
fn quote_summaries_carry_decimal_strings() {
    let s = summary("member=yes&dues=yes&country=KEN&people=2&reduced=yes");
    assert_eq!(s.per_person.to_plain(), "303.60");
    assert_eq!(s.total.to_plain(), "607.20");
    assert_eq!(s.people, 2);
    assert_eq!(s.currency, "EUR");
    assert_eq!(s.reduced.as_ref().map(|r| r.tier), Some(ReducedTier::MiddleIncome));
    assert_eq!(s.query, "member=yes&dues=yes&country=KEN&people=2&reduced=yes");

    let json = Message::Estimate { quote: s.clone() }.to_json();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["channel"], CHANNEL);
    assert_eq!(v["version"], 1);
    assert_eq!(v["type"], "estimate");
    assert_eq!(v["quote"]["total"], "607.20");
    assert_eq!(v["quote"]["per_person"], "303.60");
    assert_eq!(v["quote"]["list_fee"], "660.00");
    assert_eq!(v["quote"]["reduced"]["tier"], "middle_income");
    assert_eq!(v["quote"]["reduced"]["per_person"], "151.80");
    // The whole message, as partners' code reads it: keys in alphabetical order, amounts as strings.
    assert_eq!(
        json,
        r#"{"channel":"metropolis-estimator","quote":{"currency":"EUR","list_fee":"660.00","per_person":"303.60","people":2,"total":"607.20","reduced":{"tier":"middle_income","per_person":"151.80"},"query":"member=yes&dues=yes&country=KEN&people=2&reduced=yes"},"type":"estimate","version":1}"#
    );

    let none = summary("member=no&country=ESP&people=3");
    assert_eq!((none.per_person.to_plain(), none.total.to_plain()), ("607.20".into(), "1821.60".into()));
    let v: serde_json::Value = serde_json::from_str(&Message::Estimate { quote: none }.to_json()).unwrap();
    assert!(v["quote"]["reduced"].is_null());
}

#[test]
fn messages() {
    // What the frame posts; public/embed.js reads them (channel, version, type, height).
    let rows = [
        (
            Message::Ready { height: 640 },
            r#"{"channel":"metropolis-estimator","height":640,"type":"ready","version":1}"#,
        ),
        (Message::Resize { height: 1 }, r#"{"channel":"metropolis-estimator","height":1,"type":"resize","version":1}"#),
        (
            Message::Resize { height: MAX_HEIGHT },
            r#"{"channel":"metropolis-estimator","height":20000,"type":"resize","version":1}"#,
        ),
    ];
    for (message, text) in rows {
        assert_eq!(message.to_json(), text, "{message:?}");
    }
}

#[test]
fn snippets() {
    let o = SnippetOptions {
        app_url: "https://diploma.example.org/".into(),
        member: Some(true),
        country: Some("KEN".into()),
        people: Some(2),
        lang: Some("fr".into()),
        accent: Some(Rgb(0xc0, 0x39, 0x2b)),
        font: Some("\"Georgia\", serif".into()),
        compact: true,
        title: "Fee <estimator> & \"more\"".into(),
        link_text: "Estimate your fee".into(),
        estimate_url: "https://diploma.example.org/estimate".into(),
    };
    assert_eq!(
        o.snippet(),
        "<div data-metropolis-estimator data-member=\"yes\" data-country=\"KEN\" data-people=\"2\" data-lang=\"fr\" \
         data-accent=\"#c0392b\" data-font=\"&quot;Georgia&quot;, serif\" data-compact=\"yes\" \
         data-title=\"Fee &lt;estimator&gt; &amp; &quot;more&quot;\">\n  \
         <a href=\"https://diploma.example.org/estimate?member=yes&amp;country=KEN&amp;people=2\">Estimate your fee</a>\n\
         </div>\n<script async src=\"https://diploma.example.org/embed.js\"></script>"
    );
    let plain = SnippetOptions {
        app_url: "/".into(),
        estimate_url: "/estimate".into(),
        title: "T".into(),
        link_text: "L".into(),
        ..SnippetOptions::default()
    };
    assert_eq!(
        plain.snippet(),
        "<div data-metropolis-estimator data-title=\"T\">\n  <a href=\"/estimate\">L</a>\n</div>\n<script async src=\"/embed.js\"></script>"
    );
    // The link leads to the page in the language of its words.
    let french = SnippetOptions { estimate_url: "/fr/estimate".into(), ..plain };
    assert_eq!(
        french.snippet(),
        "<div data-metropolis-estimator data-title=\"T\">\n  <a href=\"/fr/estimate\">L</a>\n</div>\n<script async src=\"/embed.js\"></script>"
    );
    // Every value is escaped in the HTML source, whatever a partner typed.
    let hostile = SnippetOptions {
        app_url: "https://a.example/?x=<b>&y='1'".into(),
        estimate_url: "https://a.example/?x=<b>&y='1'estimate".into(),
        title: "\"><script>alert(1)</script>".into(),
        link_text: "Fees & 'more' <now>".into(),
        ..SnippetOptions::default()
    };
    assert_eq!(
        hostile.snippet(),
        "<div data-metropolis-estimator data-title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">\n  \
         <a href=\"https://a.example/?x=&lt;b&gt;&amp;y=&#39;1&#39;estimate\">Fees &amp; &#39;more&#39; &lt;now&gt;</a>\n\
         </div>\n<script async src=\"https://a.example/?x=&lt;b&gt;&amp;y=&#39;1&#39;embed.js\"></script>"
    );
}

#[test]
fn csp_lines() {
    let app = Origin::parse("https://diploma.example.org").unwrap();
    assert_eq!(partner_csp(&app), "script-src https://diploma.example.org; frame-src https://diploma.example.org");
    let partners = [Origin::parse("https://a.example").unwrap(), Origin::parse("https://b.example:8443").unwrap()];
    assert_eq!(
        frame_ancestors(&partners),
        "Content-Security-Policy: frame-ancestors 'self' https://a.example https://b.example:8443"
    );
    assert_eq!(frame_ancestors(&[]), "Content-Security-Policy: frame-ancestors 'self'");
}

#[test]
fn the_entry_shows_the_frame_only_for_frame_1() {
    assert!(is_frame([("frame", "1")]));
    assert!(is_frame([("member", "yes"), ("frame", "1"), ("origin", "https://a.example")]));
    assert!(!is_frame([]));
    assert!(!is_frame([("frame", "0")]));
    assert!(!is_frame([("frame", "")]));
    assert!(!is_frame([("frames", "1"), ("member", "yes")]));
}
