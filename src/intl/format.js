// The one place where numbers, money, dates, date ranges, plural categories and country names are
// formatted: the browser runs it through wasm-bindgen (src/intl/browser.rs) and the native page
// renderer through Node (src/intl/node.rs), so a prerendered page and the app that takes it over
// write every figure the same way, with the same ICU data and the same options.
//
// format(kind, locale, a, b, extra) -> string ('' when Intl cannot format the value)
//   money    a = "1821.60" (a decimal string: Intl formats it exactly), extra = "EUR"
//   number   a = "42"
//   percent  a = "0.085"   (the fraction: 8.5 %)
//   date     a = "2025-11-17"
//   range    a = "2025-11-17", b = "2025-11-21"
//   plural   a = "2"        -> "zero" | "one" | "two" | "few" | "many" | "other"
//   ordinal  a = "3"        -> the ordinal category ("few" for 3 in English: "3rd")
//   region   a = "KE"       -> "Kenya", or '' when the locale has no name for it

const formatters = new Map();

function make(kind, locale, extra) {
  switch (kind) {
    case 'money': return new Intl.NumberFormat(locale, { style: 'currency', currency: extra });
    case 'number': return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    case 'percent': return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 4 });
    case 'date':
    case 'range': return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    case 'plural': return new Intl.PluralRules(locale);
    case 'ordinal': return new Intl.PluralRules(locale, { type: 'ordinal' });
    case 'region': return new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    default: return null;
  }
}

// Browsers write the spaces of formatted dates as plain spaces (V8 replaces ICU's thin and narrow
// no-break spaces there, for web compatibility); Node's V8 does not. Doing it here keeps the
// prerendered page and the browser's text identical ("17 – 21 November 2025" in en-GB).
const plainSpaces = (text) => text.replace(/[\u2009\u202f]/g, ' ');

function day(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

export function format(kind, locale, a, b, extra) {
  try {
    const key = `${kind}|${locale}|${extra}`;
    let f = formatters.get(key);
    if (f === undefined) {
      f = make(kind, locale, extra);
      formatters.set(key, f);
    }
    switch (kind) {
      case 'money':
      case 'number':
      case 'percent': return f.format(a);
      case 'date': return plainSpaces(f.format(day(a)));
      case 'range': return plainSpaces(a === b ? f.format(day(a)) : f.formatRange(day(a), day(b)));
      case 'plural':
      case 'ordinal': return f.select(Number(a));
      case 'region': return f.of(a) || '';
      default: return '';
    }
  } catch {
    return '';
  }
}
