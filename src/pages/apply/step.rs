//! One page per step of the form (`/apply/<step>`; `?return=check` after a "Change" link): the
//! questions, validated on Continue, with the error summary and the messages by the fields.

use super::answers::{index_of, AUTHORITY, CAREER, ENGLISH, MEMBER};
use super::closed::ClosedNotice;
use super::fee::{FeeSummary, Figures};
use super::shell::{focus_soon, FormShell};
use super::state::{use_form, Form};
use super::status::SaveLine;
use super::words::{to_i64, use_words, Words};
use crate::components::form::back_link::BackLink;
use crate::components::form::checkbox::Checkbox;
use crate::components::form::country_field::CountryField;
use crate::components::form::error_message::ErrorMessage;
use crate::components::form::error_summary::{ErrorSummary, Problem, Target, SUMMARY_ID};
use crate::components::form::radios::Radios;
use crate::components::form::text_field::{Kind, TextField};
use crate::context::{use_data, use_query, use_texts, use_today};
use crate::domain::application::{
    allowed_step, conditions_asked, quote_input, reduced_place_offered, validate_step, Colleague, Draft, ErrorCode,
    FieldError, Membership, Step,
};
use crate::domain::calendar::accepts_applications;
use crate::domain::fees::quote;
use crate::i18n::common::CommonTexts;
use crate::i18n::Text;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;

/// The page of the step named in the address, or "page not found" for a name the form does not have.
#[component]
pub fn StepPage() -> impl IntoView {
    let params = use_params_map();
    let step = Memo::new(move |_| params.with(|p| p.get("step").and_then(|s| Step::from_slug(&s))));
    view! {
        <FormShell>
            {move || match step.get() {
                Some(step) => view! { <StepForm step /> }.into_any(),
                None => view! { <UnknownStep /> }.into_any(),
            }}
        </FormShell>
    }
}

/// An address under `/apply/` that is not a step.
#[component]
fn UnknownStep() -> impl IntoView {
    let t = use_texts::<CommonTexts>();
    let w = use_words();
    view! {
        <Title text=format!("{} – {}", t.not_found_title, w.t.title) />
        <h1 id="page-title" tabindex="-1">{t.not_found_title}</h1>
        <p>{t.not_found_body}</p>
        <p><leptos_router::components::A href=use_data().href("/apply")>{w.t.back_to_start}</leptos_router::components::A></p>
    }
}

/// What the fields of a step share: the form, the words and the errors shown.
#[derive(Clone, Copy)]
struct Ctx {
    form: Form,
    w: Words,
    errors: RwSignal<Vec<FieldError>>,
}

impl Ctx {
    /// The message of `field`'s error, if it has one.
    fn error(self, field: impl Into<String>) -> Signal<Option<String>> {
        let field = field.into();
        Signal::derive(move || self.errors.with(|e| e.iter().find(|x| x.field == field).map(|x| self.w.error(x))))
    }
}

/// One step: its questions, Continue, and where Continue leads.
#[component]
fn StepForm(step: Step) -> impl IntoView {
    let form = use_form();
    let w = use_words();
    let t = w.t;
    let data = w.data;
    let today = use_today();
    let query = use_query();
    let navigate = use_navigate();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let country_unknown = RwSignal::new(false);
    let c = Ctx { form, w, errors };
    let open = Memo::new(move |_| accepts_applications(&data.edition, today.get()));
    let back_to_check = move || query.with(|q| q.get_str("return") == Some("check"));
    let name = w.step_name(step);

    let validate = move || {
        let mut e = form.draft.with_untracked(|d| validate_step(step, d, &data.edition, &data.countries));
        // A name typed that is not in the list is reported as such, not as a missing answer.
        if country_unknown.get_untracked() {
            for x in e.iter_mut().filter(|x| x.field == "organisation.country" && x.code == ErrorCode::Required) {
                x.code = ErrorCode::UnknownCountry;
            }
        }
        e
    };
    // Once the stored answers are in: a step whose earlier steps are not complete cannot be opened
    // (the form goes to the first incomplete one); after a "Change" link, this step's problems show
    // at once.
    let go = navigate.clone();
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || !form.ready.get() || !open.get_untracked() {
            return done == Some(true);
        }
        let allowed = form.draft.with_untracked(|d| allowed_step(step, d, &data.edition, &data.countries));
        if allowed != step {
            go(&format!("/apply/{}", allowed.slug()), NavigateOptions { replace: true, ..NavigateOptions::default() });
        } else if back_to_check() {
            let e = validate();
            if !e.is_empty() {
                errors.set(e);
            }
        }
        true
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let e = validate();
        let failed = !e.is_empty();
        errors.set(e);
        if failed {
            request_animation_frame(|| crate::shell::dom::focus(SUMMARY_ID));
            return;
        }
        form.flush();
        let next = match step.next() {
            _ if back_to_check() => "/apply/check".to_owned(),
            Some(s) => format!("/apply/{}", s.slug()),
            None => "/apply/check".to_owned(),
        };
        navigate(&next, NavigateOptions::default());
    };
    let problems = Signal::derive(move || {
        errors.with(|e| e.iter().map(|x| Problem { text: w.error(x), target: Target::Here(x.element_id()) }).collect())
    });
    // `try_with`: the prerender writes the title after the page's own signals are gone.
    let title = move || {
        let prefix = if errors.try_with(Vec::is_empty).unwrap_or(true) { "" } else { t.error_prefix };
        format!("{prefix}{name} – {}", t.title)
    };
    let back = move || {
        if back_to_check() {
            "/apply/check".to_owned()
        } else {
            step.previous().map_or_else(|| "/apply".to_owned(), |s| format!("/apply/{}", s.slug()))
        }
    };
    let progress = Text(t.step_of).fill(&[
        ("x", &w.fmt.number(to_i64(step.number()))),
        ("y", &w.fmt.number(to_i64(Step::ALL.len()))),
        ("name", name),
    ]);
    let body = move || {
        if !open.get() {
            return view! {
                <h1 id="page-title" tabindex="-1">{name}</h1>
                <ClosedNotice />
            }
            .into_any();
        }
        let fields = match step {
            Step::AboutYou => about(c),
            Step::Organisation => organisation(c, country_unknown),
            Step::Motivation => motivation(c),
            Step::Registration => registration(c),
            Step::Declarations => declarations(c),
        };
        view! {
            <ErrorSummary title=t.error_summary problems />
            <form class="step-form" novalidate on:submit=submit.clone() data-step=step.slug()>
                <p class="caption" data-testid="progress">{progress.clone()}</p>
                <h1 id="page-title" tabindex="-1">{name}</h1>
                {fields}
                <p class="actions">
                    <button type="submit" class="button needs-js" data-testid="continue-step">{t.continue_}</button>
                </p>
            </form>
            <SaveLine />
        }
        .into_any()
    };
    view! {
        <Title text=title />
        {move || view! { <BackLink route=back() /> }}
        {move || body()}
    }
}

/// The browser's `autocomplete` token of a field.
fn autocomplete(field: &str) -> &'static str {
    match field {
        "about.first_name" => "given-name",
        "about.surname" => "family-name",
        "about.email" => "email",
        "about.phone" => "tel",
        "about.job_title" => "organization-title",
        "organisation.name" | "registration.billing_organisation" => "organization",
        "registration.billing_address" => "street-address",
        _ => "",
    }
}

type GetText = fn(&Draft) -> &String;
type SetText = fn(&mut Draft) -> &mut String;

/// A text field bound to one answer of the draft.
fn text(
    c: Ctx,
    field: &'static str,
    label: &'static str,
    hint: &'static str,
    kind: Kind,
    get: GetText,
    set: SetText,
) -> AnyView {
    let form = c.form;
    let label = if matches!(field, "registration.tax_id" | "registration.po_reference") {
        format!("{label}{}", c.w.t.optional)
    } else {
        label.to_owned()
    };
    let value = Signal::derive(move || form.draft.with(|d| get(d).clone()));
    let on_input = Callback::new(move |v: String| form.edit(|d| *set(d) = v));
    view! {
        <TextField field=field.to_owned() label hint kind autocomplete=autocomplete(field) value on_input
            error=c.error(field) />
    }
    .into_any()
}

/// Radio buttons bound to one answer, read and written as the index of the option.
#[allow(clippy::too_many_arguments)]
fn radios(
    c: Ctx,
    field: &'static str,
    legend: String,
    hint: String,
    options: Vec<&'static str>,
    inline: bool,
    get: fn(&Draft) -> Option<usize>,
    set: fn(&mut Draft, usize),
) -> AnyView {
    let form = c.form;
    let selected = Signal::derive(move || form.draft.with(get));
    let on_select = Callback::new(move |i: usize| form.edit(|d| set(d, i)));
    view! { <Radios field legend hint options inline selected on_select error=c.error(field) /> }.into_any()
}

/// A yes/no answer.
fn yes_index(v: Option<bool>) -> Option<usize> {
    v.map(|v| usize::from(!v))
}

/// A checkbox bound to one answer.
fn checkbox(
    c: Ctx,
    field: &'static str,
    label: &'static str,
    hint: String,
    get: fn(&Draft) -> bool,
    set: fn(&mut Draft) -> &mut bool,
) -> AnyView {
    let form = c.form;
    let checked = Signal::derive(move || form.draft.with(get));
    let on_change = Callback::new(move |on: bool| form.edit(|d| *set(d) = on));
    view! { <Checkbox field label=label.to_owned() hint checked on_change error=c.error(field) /> }.into_any()
}

fn about(c: Ctx) -> Vec<AnyView> {
    let t = c.w.t;
    vec![
        text(c, "about.first_name", t.first_name, "", Kind::Text, |d| &d.about.first_name, |d| &mut d.about.first_name),
        text(c, "about.surname", t.surname, "", Kind::Text, |d| &d.about.surname, |d| &mut d.about.surname),
        text(c, "about.email", t.email, t.email_hint, Kind::Email, |d| &d.about.email, |d| &mut d.about.email),
        text(c, "about.phone", t.phone, t.phone_hint, Kind::Tel, |d| &d.about.phone, |d| &mut d.about.phone),
        text(c, "about.job_title", t.job_title, "", Kind::Text, |d| &d.about.job_title, |d| &mut d.about.job_title),
        text(c, "about.department", t.department, "", Kind::Text, |d| &d.about.department, |d| &mut d.about.department),
        text(
            c,
            "about.years_experience",
            t.years,
            t.years_hint,
            Kind::Number,
            |d| &d.about.years_experience,
            |d| &mut d.about.years_experience,
        ),
        radios(
            c,
            "about.career_stage",
            t.career.to_owned(),
            String::new(),
            c.w.career_options(),
            false,
            |d| index_of(&CAREER, d.about.career_stage),
            |d, i| d.about.career_stage = CAREER.get(i).copied(),
        ),
    ]
}

fn organisation(c: Ctx, unknown: RwSignal<bool>) -> Vec<AnyView> {
    let t = c.w.t;
    let form = c.form;
    let member = Memo::new(move |_| form.draft.with(|d| d.organisation.member == Some(Membership::Yes)));
    let country = Signal::derive(move || form.draft.with(|d| d.organisation.country.clone()));
    let on_country = Callback::new(move |v: Option<String>| form.edit(|d| d.organisation.country = v));
    let dues = radios(
        c,
        "organisation.dues_paid",
        c.w.dues_question(),
        String::new(),
        c.w.yes_no(),
        true,
        |d| yes_index(d.organisation.dues_paid),
        |d, i| d.organisation.dues_paid = Some(i == 0),
    );
    vec![
        text(
            c,
            "organisation.name",
            t.org_name,
            "",
            Kind::Text,
            |d| &d.organisation.name,
            |d| &mut d.organisation.name,
        ),
        radios(
            c,
            "organisation.authority",
            t.authority.to_owned(),
            String::new(),
            c.w.authority_options(),
            false,
            |d| index_of(&AUTHORITY, d.organisation.authority),
            |d, i| d.organisation.authority = AUTHORITY.get(i).copied(),
        ),
        text(c, "organisation.city", t.city, "", Kind::Text, |d| &d.organisation.city, |d| &mut d.organisation.city),
        view! {
            <CountryField field="organisation.country" label=t.country hint=t.country_hint value=country
                on_change=on_country unknown error=c.error("organisation.country") />
        }
        .into_any(),
        radios(
            c,
            "organisation.member",
            t.member.to_owned(),
            t.member_hint.to_owned(),
            c.w.member_options(),
            false,
            |d| index_of(&MEMBER, d.organisation.member),
            |d, i| d.organisation.member = MEMBER.get(i).copied(),
        ),
        view! { <div class="conditional" class:hidden=move || !member.get()>{dues}</div> }.into_any(),
        radios(
            c,
            "organisation.ia_department",
            t.ia_department.to_owned(),
            String::new(),
            c.w.yes_no(),
            true,
            |d| yes_index(d.organisation.ia_department),
            |d, i| d.organisation.ia_department = Some(i == 0),
        ),
    ]
}

fn motivation(c: Ctx) -> Vec<AnyView> {
    let t = c.w.t;
    vec![
        text(c, "motivation.why", t.why, t.why_hint, Kind::Area, |d| &d.motivation.why, |d| &mut d.motivation.why),
        text(
            c,
            "motivation.experience",
            t.experience,
            t.experience_hint,
            Kind::Area,
            |d| &d.motivation.experience,
            |d| &mut d.motivation.experience,
        ),
        text(
            c,
            "motivation.project",
            t.project,
            t.project_hint,
            Kind::Area,
            |d| &d.motivation.project,
            |d| &mut d.motivation.project,
        ),
        radios(
            c,
            "motivation.english",
            t.english.to_owned(),
            String::new(),
            c.w.english_options(),
            false,
            |d| index_of(&ENGLISH, d.motivation.english),
            |d, i| d.motivation.english = ENGLISH.get(i).copied(),
        ),
    ]
}

/// A colleague's name and e-mail address, and a button to remove them.
fn colleague(c: Ctx, i: usize) -> AnyView {
    let (t, form) = (c.w.t, c.form);
    let n = c.w.fmt.number(to_i64(i + 1));
    let field = |k: &str| format!("registration.colleagues.{i}.{k}");
    let value = move |email: bool| {
        Signal::derive(move || {
            form.draft
                .with(|d| {
                    d.registration.colleagues.get(i).map(|x| if email { x.email.clone() } else { x.name.clone() })
                })
                .unwrap_or_default()
        })
    };
    let set = move |email: bool| {
        Callback::new(move |v: String| {
            form.edit(|d| {
                if let Some(x) = d.registration.colleagues.get_mut(i) {
                    *(if email { &mut x.email } else { &mut x.name }) = v;
                }
            });
        })
    };
    let remove = move |_| {
        form.edit(|d| {
            if i < d.registration.colleagues.len() {
                d.registration.colleagues.remove(i);
            }
        });
        focus_soon("registration-colleagues".to_owned());
    };
    view! {
        <fieldset class="colleague" data-testid="colleague">
            <legend>{Text(t.colleague).fill(&[("n", &n)])}</legend>
            <TextField field=field("name") label=t.colleague_name.to_owned() kind=Kind::Text value=value(false)
                on_input=set(false) error=c.error(field("name")) />
            <TextField field=field("email") label=t.colleague_email.to_owned() kind=Kind::Email value=value(true)
                on_input=set(true) error=c.error(field("email")) />
            <button type="button" class="button secondary needs-js" on:click=remove>
                {Text(t.remove_colleague).fill(&[("n", &n)])}
            </button>
        </fieldset>
    }
    .into_any()
}

fn registration(c: Ctx) -> Vec<AnyView> {
    let (w, form) = (c.w, c.form);
    let t = w.t;
    let data = w.data;
    let fees = &data.edition.fees;
    let today = use_today();
    let together = Memo::new(move |_| form.draft.with(|d| d.registration.with_colleagues == Some(true)));
    let count = Memo::new(move |_| form.draft.with(|d| d.registration.colleagues.len()));
    let offered = Memo::new(move |_| form.draft.with(|d| reduced_place_offered(d, &data.edition, &data.countries)));
    let fee = Signal::derive(move || {
        form.draft.with(|d| Figures::from(&quote(&data.edition, &data.countries, &quote_input(d, today.get()))))
    });
    let add = move |_| {
        let i = form.draft.with_untracked(|d| d.registration.colleagues.len());
        form.edit(|d| d.registration.colleagues.push(Colleague::default()));
        focus_soon(format!("registration-colleagues-{i}-name"));
    };
    let group_hint = Text(t.with_colleagues_hint).fill(&[
        ("min", &w.fmt.number(i64::from(fees.group_discount.min_size))),
        ("percent", &w.fmt.percent(fees.group_discount.percent)),
    ]);
    let places = &fees.income_places;
    let reduced_hint = Text(t.reduced_hint)
        .fill(&[("places", &w.fmt.number(i64::from(places.places))), ("label", &places.classification_label)]);
    let colleagues_error = c.error("registration.colleagues");
    let reduced = checkbox(
        c,
        "registration.reduced_requested",
        t.reduced,
        reduced_hint,
        |d| d.registration.reduced_requested,
        |d| &mut d.registration.reduced_requested,
    );
    vec![
        radios(
            c,
            "registration.with_colleagues",
            t.with_colleagues.to_owned(),
            group_hint,
            w.alone_together(),
            false,
            |d| d.registration.with_colleagues.map(usize::from),
            |d, i| d.registration.with_colleagues = Some(i == 1),
        ),
        view! {
            <div class="field conditional" class:hidden=move || !together.get()
                class:field-error=move || colleagues_error.with(Option::is_some)>
                <ErrorMessage id="registration-colleagues-error".to_owned() error=colleagues_error />
                {move || (0..count.get()).map(|i| colleague(c, i)).collect::<Vec<_>>()}
                <button type="button" class="button secondary needs-js" id="registration-colleagues"
                    data-testid="add-colleague" on:click=add>{t.add_colleague}</button>
            </div>
        }
        .into_any(),
        view! { <div class:hidden=move || !offered.get()>{reduced}</div> }.into_any(),
        view! { <FeeSummary quote=fee prefix="fee" /> }.into_any(),
        view! { <h2>{t.invoice_title}</h2> }.into_any(),
        text(
            c,
            "registration.billing_organisation",
            t.billing_organisation,
            "",
            Kind::Text,
            |d| &d.registration.billing_organisation,
            |d| &mut d.registration.billing_organisation,
        ),
        text(
            c,
            "registration.billing_address",
            t.billing_address,
            "",
            Kind::Area,
            |d| &d.registration.billing_address,
            |d| &mut d.registration.billing_address,
        ),
        text(
            c,
            "registration.tax_id",
            t.tax_id,
            "",
            Kind::Text,
            |d| &d.registration.tax_id,
            |d| &mut d.registration.tax_id,
        ),
        text(
            c,
            "registration.po_reference",
            t.po_reference,
            "",
            Kind::Text,
            |d| &d.registration.po_reference,
            |d| &mut d.registration.po_reference,
        ),
        text(
            c,
            "registration.invoice_email",
            t.invoice_email,
            "",
            Kind::Email,
            |d| &d.registration.invoice_email,
            |d| &mut d.registration.invoice_email,
        ),
    ]
}

fn declarations(c: Ctx) -> Vec<AnyView> {
    let w = c.w;
    let t = w.t;
    let data = w.data;
    let mut v = Vec::new();
    let conditions = data.edition.conditions_url.clone().filter(|_| conditions_asked(&data.edition));
    v.push(
        view! {
            <ul>
                {conditions.clone().map(|url| view! {
                    <li><a href=url target="_blank" rel="noopener" data-testid="conditions-link">{t.conditions_link}</a></li>
                }.into_any())}
                <li><a href=data.href("/refund") target="_blank" rel="noopener">{t.refund_link}</a></li>
            </ul>
        }
        .into_any(),
    );
    if conditions.is_some() {
        v.push(checkbox(
            c,
            "declarations.conditions",
            t.conditions,
            String::new(),
            |d| d.declarations.conditions,
            |d| &mut d.declarations.conditions,
        ));
    }
    v.push(checkbox(
        c,
        "declarations.data_consent",
        t.data_consent,
        String::new(),
        |d| d.declarations.data_consent,
        |d| &mut d.declarations.data_consent,
    ));
    v.push(checkbox(
        c,
        "declarations.truthful",
        t.truthful,
        String::new(),
        |d| d.declarations.truthful,
        |d| &mut d.declarations.truthful,
    ));
    v
}
