/* Dotterel explorer: a small single-page app over the JSON API (no framework, no CDN).
 *
 * Views (hash routes): #/ overview, #/network, #/events?filters, #/event/ID (evidence),
 * #/document/ID, #/dyad/A/B. Every number links to the events behind it; every event
 * links to its sentence. Text from the store is only ever set as textContent. */
"use strict";

const view = document.getElementById("view");
let VOCAB = null;
let FEATURES = null;

// -- helpers ---------------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function getJSON(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(body.message || `${response.status} ${response.statusText}`);
    error.status = response.status;
    throw error;
  }
  return body;
}

function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) value.forEach((v) => v && search.append(key, v));
    else if (value !== null && value !== undefined && value !== "") search.append(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

function eventsLink(params) {
  return `#/events${query(params)}`;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December"];

function formatDate(value, precision) {
  if (!value) return "date unknown";
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  const monthName = MONTHS[Number(month) - 1];
  if (precision === "year") return year;
  if (precision === "month" || !day) return `${monthName} ${year}`;
  const text = `${Number(day)} ${monthName} ${year}`;
  return precision === "week" ? `week of ${text}` : text;
}

function placeName(code) {
  if (!code) return null;
  return (VOCAB && (VOCAB.countries[code] || VOCAB.groups[code])) || null;
}

function actorName(entity) {
  // A resolved actor in words ("Russia (government)"), else the text as written.
  const code = entity.code;
  if (code) {
    const place = placeName(code.slice(0, 3)) || placeName(entity.country);
    const sector = code.length >= 6 && VOCAB ? VOCAB.sectors[code.slice(3, 6)] : null;
    if (place) return sector ? `${place} (${sector})` : place;
  }
  return entity.text;
}

function actorChip(entity) {
  const code = entity.code || (entity.country ? entity.country : null);
  return el("span", { class: "actor", title: `as written: “${entity.text}”` },
    actorName(entity), code ? el("small", { class: "code", text: code }) : null);
}

function actorList(entities) {
  if (!entities.length) return el("span", { class: "muted", text: "—" });
  const items = [];
  entities.forEach((entity, i) => {
    if (i) items.push(i === entities.length - 1 ? " and " : ", ");
    items.push(actorChip(entity));
  });
  return el("span", {}, items);
}

function categoryLabel(type) {
  return (VOCAB && VOCAB.categories[type] && VOCAB.categories[type].label) || type;
}

function category(type, quad) {
  const meaning = VOCAB && VOCAB.categories[type] ? VOCAB.categories[type].meaning : "";
  const tone = quad ? (quad <= 2 ? "coop" : "conf") : "";
  return el("span", { class: `category ${tone}`, title: meaning },
    categoryLabel(type), el("small", { class: "code", text: type }));
}

function quadWords(quad) {
  return quad && VOCAB ? VOCAB.quad_classes[String(quad)] : "";
}

function setNav(name) {
  document.querySelectorAll("nav a[data-nav]").forEach((a) => {
    a.classList.toggle("active", a.dataset.nav === name);
  });
}

function showError(error) {
  view.replaceChildren(el("div", { class: "error" },
    el("h2", { text: "Something went wrong" }), el("p", { text: error.message })));
}

function numberLink(count, href, title) {
  return el("a", { class: "num", href, title: title || "show these events" },
    Number(count).toLocaleString("en-GB"));
}

// -- overview --------------------------------------------------------------------------

async function renderHome() {
  setNav("home");
  const [health, dyads, unresolved, runs, failures] = await Promise.all([
    getJSON("/api/health"), getJSON("/api/dyads?limit=15"),
    getJSON("/api/actors/unresolved?limit=15"), getJSON("/api/runs"), getJSON("/api/failures"),
  ]);
  const counts = health.counts;
  const intro = el("section", { class: "intro" },
    el("h1", { text: "What the news says states and organisations did to each other" }),
    el("p", {},
      "This store holds ", numberLink(counts.events, "#/events"), " events coded from ",
      el("a", { href: "#/documents" }, `${counts.documents.toLocaleString("en-GB")} articles`),
      ". Each event is one sentence: who did what to whom, when, and who says so. ",
      "Start with the ", el("a", { href: "#/network", text: "network" }),
      ", or pick a pair of countries below."));
  const dyadTable = el("table", { class: "grid" },
    el("thead", {}, el("tr", {}, ["Who", "To whom", "What", "Events", ""].map(
      (h) => el("th", { text: h })))),
    el("tbody", {}, dyads.map((d) => el("tr", {},
      el("td", {}, placeName(d.actor) || d.actor, el("small", { class: "code", text: d.actor })),
      el("td", {}, d.recipient ? [placeName(d.recipient) || d.recipient,
        el("small", { class: "code", text: d.recipient })] : el("span", { class: "muted", text: "no one named" })),
      el("td", {}, category(d.event_type)),
      el("td", { class: "right" }, numberLink(d.events, eventsLink(
        { actor: d.actor, recipient: d.recipient || null, type: d.event_type }))),
      el("td", {}, d.recipient ? el("a", { href: `#/dyad/${d.actor}/${d.recipient}`, text: "timeline" }) : null),
    ))));
  const unresolvedList = el("ul", { class: "plain" }, unresolved.map((u) =>
    el("li", {}, `“${u.text}”`, el("span", { class: "muted", text: ` ${u.count}×` }))));
  const runList = el("ul", { class: "plain" }, runs.slice(-5).reverse().map((r) =>
    el("li", {}, `${r.command} · ${r.documents ?? 0} articles, ${r.events ?? 0} events, `,
      `${r.failures ?? 0} skipped · ${r.started || ""}`,
      r.status !== "finished" ? el("strong", { text: " (did not finish)" }) : null)));
  const failureList = failures.length
    ? el("ul", { class: "plain" }, failures.slice(0, 10).map((f) =>
        el("li", {}, el("small", { class: "code", text: f.code }), ` ${f.source}: ${f.reason}`)))
    : el("p", { class: "muted", text: "No input was skipped." });
  view.replaceChildren(intro,
    el("section", {}, el("h2", { text: "Most frequent pairs" }), dyadTable),
    el("div", { class: "columns" },
      el("section", {}, el("h2", { text: "Names not yet matched to an actor" }), unresolvedList),
      el("section", {}, el("h2", { text: "Recent runs" }), runList,
        el("h2", { text: "Skipped inputs" }), failureList)));
}

// -- event table -----------------------------------------------------------------------

const FILTERS = ["actor", "recipient", "party", "type", "factuality", "since", "until", "doc_id"];

function recipients(event) {
  if (event.recipient.length) return actorList(event.recipient);
  const words = event.actor.length > 1 ? "together" : "no one named";
  return el("span", { class: "muted", text: words });
}

function eventRow(event) {
  return el("tr", {},
    el("td", { class: "nowrap" }, formatDate(event.event_date, event.date_precision)),
    el("td", {}, actorList(event.actor)),
    el("td", {}, category(event.event_type, event.quad_class)),
    el("td", {}, recipients(event)),
    el("td", { class: "status" }, event.status),
    el("td", { class: "quote-cell" }, el("a", { href: `#/event/${event.event_id}`,
      title: "read the sentence in its article" }, event.evidence.text)));
}

function eventTable(events) {
  return el("table", { class: "grid events" },
    el("thead", {}, el("tr", {}, ["When", "Who", "Did what", "To whom", "Who says so",
      "The sentence"].map((h) => el("th", { text: h })))),
    el("tbody", {}, events.map(eventRow)));
}

function filterForm(params) {
  const input = (name, label, attrs) => el("label", {}, label,
    el("input", { name, value: params.get(name) || "", ...attrs }));
  const typeSelect = el("select", { name: "type" }, el("option", { value: "", text: "any" }),
    Object.entries(VOCAB.categories).map(([code, words]) => el("option",
      { value: code, selected: params.get("type") === code }, `${words.label} (${code})`)));
  const factSelect = el("select", { name: "factuality" }, el("option", { value: "", text: "any" }),
    Object.entries(VOCAB.factuality).map(([code, words]) => el("option",
      { value: code, selected: params.get("factuality") === code }, words)));
  const form = el("form", { class: "filters" },
    input("actor", "Who (code)", { placeholder: "e.g. RUS", size: 8 }),
    input("recipient", "To whom (code)", { placeholder: "e.g. IRN", size: 8 }),
    el("label", {}, "What", typeSelect),
    el("label", {}, "Status", factSelect),
    input("since", "From", { type: "date" }),
    input("until", "To", { type: "date" }),
    el("button", { type: "submit", text: "Show" }),
    el("a", { href: "#/events", class: "reset", text: "clear" }));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const next = {};
    for (const [key, value] of new FormData(form).entries()) next[key] = value;
    next.party = params.getAll("party");
    location.hash = eventsLink(next);
  });
  return form;
}

function describeFilters(params) {
  const parts = [];
  const parties = params.getAll("party");
  if (parties.length) parts.push(`between ${parties.map((p) => placeName(p) || p).join(" and ")}`);
  if (params.get("actor")) parts.push(`by ${placeName(params.get("actor")) || params.get("actor")}`);
  if (params.get("recipient")) parts.push(`to ${placeName(params.get("recipient")) || params.get("recipient")}`);
  if (params.get("type")) parts.push(`“${categoryLabel(params.get("type"))}”`);
  if (params.get("factuality")) parts.push(`that ${VOCAB.factuality[params.get("factuality")]}`);
  if (params.get("since")) parts.push(`from ${formatDate(params.get("since"))}`);
  if (params.get("until")) parts.push(`to ${formatDate(params.get("until"))}`);
  if (params.get("doc_id")) parts.push(`in article ${params.get("doc_id")}`);
  return parts.join(", ");
}

async function renderEvents(params) {
  setNav("events");
  const apiParams = {};
  for (const name of FILTERS) {
    apiParams[name] = name === "party" ? params.getAll(name) : params.get(name);
  }
  apiParams.sort = params.get("sort") || "event_date";
  apiParams.descending = params.get("descending") || "true";
  apiParams.limit = 50;
  const page = await getJSON(`/api/events${query(apiParams)}`);
  const summary = describeFilters(params);
  const heading = el("h1", {}, `${page.total.toLocaleString("en-GB")} events`,
    summary ? el("span", { class: "muted", text: ` ${summary}` }) : null);
  const table = eventTable(page.events);
  const more = el("div", { class: "paging" });
  let cursor = page.next_cursor;
  let shown = page.events.length;
  const counter = el("span", { class: "muted", text: `showing ${shown}` });
  const button = el("button", { type: "button", text: "Show 50 more" });
  button.addEventListener("click", async () => {
    const next = await getJSON(`/api/events${query({ ...apiParams, cursor })}`);
    next.events.forEach((event) => table.tBodies[0].append(eventRow(event)));
    cursor = next.next_cursor;
    shown += next.events.length;
    counter.textContent = `showing ${shown}`;
    if (!cursor) button.remove();
  });
  more.append(counter, " ", cursor ? button : "");
  const parties = params.getAll("party");
  const timeline = parties.length === 2
    ? el("p", {}, el("a", { href: `#/dyad/${parties[0]}/${parties[1]}`,
        text: `Timeline of ${placeName(parties[0]) || parties[0]} and ${placeName(parties[1]) || parties[1]}` }))
    : null;
  view.replaceChildren(heading, filterForm(params), timeline,
    page.events.length ? table : el("p", { class: "muted", text: "No event matches." }), more);
}

// -- evidence view ---------------------------------------------------------------------

const MARK_WORDS = {
  trigger: "what was done", actor: "who did it", recipient: "to whom",
  claimed_by: "who says so", denied_by: "who denies it",
};

function markedText(text, highlights, focusId) {
  // Cut the text at every highlight boundary and wrap each piece in the marks covering it.
  const focus = highlights.filter((h) => h.event_id === focusId);
  const sentences = highlights.filter((h) => h.kind === "evidence");
  const cuts = new Set([0, text.length]);
  for (const h of [...focus, ...sentences]) { cuts.add(h.start); cuts.add(h.end); }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const container = el("div", { class: "article" });
  for (let i = 0; i < points.length - 1; i += 1) {
    const [start, end] = [points[i], points[i + 1]];
    if (start === end) continue;
    const piece = text.slice(start, end);
    const inside = (h) => h.start <= start && end <= h.end;
    const sentence = sentences.find((h) => inside(h) && h.event_id === focusId)
      || sentences.find(inside);
    const marks = focus.filter((h) => h.kind !== "evidence" && inside(h));
    let node = document.createTextNode(piece);
    for (const mark of marks) {
      node = el("mark", { class: `m-${mark.kind}`, title: MARK_WORDS[mark.kind] }, node);
    }
    if (sentence) {
      const isFocus = sentence.event_id === focusId;
      node = el("a", { class: isFocus ? "sentence focus" : "sentence",
        href: `#/event/${sentence.event_id}`, title: "show this event" }, node);
    }
    container.append(node);
  }
  return container;
}

function eventCard(event) {
  const rows = [
    ["What", el("span", {}, category(event.event_type, event.quad_class), " ",
      el("span", { class: "muted", text: quadWords(event.quad_class) }))],
    ["Who", actorList(event.actor)],
    ["To whom", recipients(event)],
    ["When", formatDate(event.event_date, event.date_precision)],
    ["Where", event.location ? (event.location.name + (event.location.country
      ? `, ${placeName(event.location.country) || event.location.country}` : "")) : "—"],
    ["Status", el("strong", { class: "status-words", text: event.status })],
    ["Words that show it", el("span", { title: event.cues.length ? `cues: ${event.cues.join(", ")}` : null },
      `“${event.trigger.text}”`)],
    ["Scores", el("span", {}, event.cameo ? el("span", {}, "CAMEO ", el("small", { class: "code", text: event.cameo })) : "",
      event.goldstein !== null ? ` · Goldstein ${event.goldstein} (−10 hostile … +10 friendly)` : "",
      ` · confidence ${Math.round(event.confidence * 100)}%`)],
  ];
  return el("dl", { class: "card" }, rows.map(([k, v]) => [el("dt", { text: k }), el("dd", {}, v)]));
}

function legend() {
  return el("p", { class: "legend" }, "In the article: ",
    Object.entries(MARK_WORDS).map(([kind, words]) => [el("mark", { class: `m-${kind}`, text: words }), " "]),
    el("span", { class: "sentence focus", text: "the sentence" }), " ",
    el("span", { class: "sentence", text: "other coded sentences" }));
}

async function renderEvent(eventId) {
  setNav("events");
  const found = await getJSON(`/api/events/${encodeURIComponent(eventId)}`);
  const event = found.event;
  const doc = found.document;
  if (!doc) {
    view.replaceChildren(el("h1", { text: categoryLabel(event.event_type) }), eventCard(event));
    return;
  }
  const full = await getJSON(`/api/documents/${encodeURIComponent(doc.doc_id)}`);
  const headline = el("h1", {}, actorList(event.actor), " ", el("span", { class: "verb",
    text: categoryLabel(event.event_type).toLowerCase() }),
    event.recipient.length ? [" → ", actorList(event.recipient)] : null);
  view.replaceChildren(headline, eventCard(event),
    el("h2", {}, doc.title || doc.doc_id),
    el("p", { class: "muted" }, [doc.outlet, doc.published ? `published ${formatDate(doc.published)}` : null,
      doc.url].filter(Boolean).join(" · "),
      " · ", el("a", { href: `#/document/${encodeURIComponent(doc.doc_id)}`, text: "all events in this article" })),
    legend(), markedText(full.document.text, full.highlights, event.event_id));
  const focus = view.querySelector(".sentence.focus");
  if (focus) focus.scrollIntoView({ block: "center" });
}

async function renderDocument(docId) {
  setNav("documents");
  const full = await getJSON(`/api/documents/${encodeURIComponent(docId)}`);
  const doc = full.document;
  view.replaceChildren(el("h1", { text: doc.title || doc.doc_id }),
    el("p", { class: "muted" }, [doc.outlet, doc.published ? `published ${formatDate(doc.published)}` : null]
      .filter(Boolean).join(" · "), ` · ${full.events.length} events`),
    full.events.length ? eventTable(full.events) : null,
    el("p", { class: "legend" }, "Coded sentences are shaded; click one to see its event."),
    markedText(doc.text, full.highlights, null));
}

async function renderDocuments() {
  setNav("documents");
  const docs = await getJSON("/api/documents?limit=1000");
  view.replaceChildren(el("h1", { text: `${docs.length} articles` }),
    el("table", { class: "grid" },
      el("thead", {}, el("tr", {}, ["Published", "Title", "Outlet"].map((h) => el("th", { text: h })))),
      el("tbody", {}, docs.map((d) => el("tr", {},
        el("td", { class: "nowrap" }, formatDate(d.published)),
        el("td", {}, el("a", { href: `#/document/${encodeURIComponent(d.doc_id)}`, text: d.title || d.doc_id })),
        el("td", { text: d.outlet || "" }))))));
}

// -- dyad timeline ---------------------------------------------------------------------

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
  children.flat(Infinity).forEach((c) => c && node.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return node;
}

function periodBounds(period) {
  // "2024-11" -> first and last day of the month; "2024" -> the year; "2024-11-04" a day.
  if (/^\d{4}-\d{2}$/.test(period)) {
    const [y, m] = period.split("-").map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return [`${period}-01`, `${period}-${String(last).padStart(2, "0")}`];
  }
  if (/^\d{4}$/.test(period)) return [`${period}-01-01`, `${period}-12-31`];
  return [period, period];
}

function periodLabel(period) {
  if (/^\d{4}-\d{2}$/.test(period)) {
    const [y, m] = period.split("-");
    return `${MONTHS[Number(m) - 1].slice(0, 3)} ${y}`;
  }
  return period;
}

async function dyadPoints(a, b) {
  // The network API's dyad series when the server has it; else counted here from events.
  if (FEATURES.dyad) {
    // Month points start on the 1st ("2024-11-01"); the chart names them "2024-11".
    const points = await getJSON(`/api/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}?by=month&events=false`);
    return points.map((p) => ({ ...p, period: p.period.slice(0, 7) }));
  }
  const points = new Map();
  let cursor = null;
  do {
    const page = await getJSON(`/api/events${query({ party: [a, b], limit: 500, cursor })}`);
    for (const event of page.events) {
      if (!event.event_date) continue;
      const period = event.event_date.slice(0, 7);
      const point = points.get(period) || { period, cooperation: 0, conflict: 0, n_events: 0 };
      if (event.quad_class && event.quad_class <= 2) point.cooperation += 1;
      else if (event.quad_class) point.conflict += 1;
      point.n_events += 1;
      points.set(period, point);
    }
    cursor = page.next_cursor;
  } while (cursor);
  return [...points.values()].sort((x, y) => x.period.localeCompare(y.period))
    .map((p) => ({ ...p, net: p.cooperation - p.conflict }));
}

function timelineChart(a, b, points) {
  // Cooperation as bars up from the middle line, conflict down; one column per month
  // with events. Every bar and number links to the events of that month.
  const step = 64;
  const width = Math.max(480, points.length * step + 90);
  const height = 330;
  const mid = 150;
  const reach = 105;
  const top = Math.max(1, ...points.map((p) => Math.max(p.cooperation, p.conflict)));
  const scale = reach / top;
  const bar = 34;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, class: "timeline",
    role: "img", "aria-label": "cooperation above the line, conflict below, by month" });
  chart.append(svg("line", { x1: 70, x2: width - 10, y1: mid, y2: mid, class: "axis" }));
  chart.append(svg("text", { x: 4, y: mid - reach / 2, class: "axis-label" }, "cooperation"));
  chart.append(svg("text", { x: 4, y: mid + reach / 2 + 8, class: "axis-label" }, "conflict"));
  points.forEach((p, i) => {
    const x = 80 + i * step + (step - bar) / 2;
    const [since, until] = periodBounds(p.period);
    const href = eventsLink({ party: [a, b], since, until });
    const column = (value, kind) => {
      const h = Math.max(2, value * scale);
      const anchor = svg("a", { href, class: "bar-link" });
      anchor.append(svg("rect", { x, width: bar, y: kind === "coop" ? mid - h : mid, height: h,
        class: kind }));
      anchor.append(svg("text", { x: x + bar / 2, y: kind === "coop" ? mid - h - 5 : mid + h + 14,
        class: "bar-num", "text-anchor": "middle" }, Number(Number(value).toFixed(1)).toString()));
      anchor.append(svg("title", {}, `${periodLabel(p.period)}: ${kind === "coop" ? "cooperation" : "conflict"} ${value}. Click for the events.`));
      chart.append(anchor);
    };
    if (p.cooperation) column(p.cooperation, "coop");
    if (p.conflict) column(p.conflict, "conf");
    const label = svg("a", { href });
    label.append(svg("text", { x: x + bar / 2, y: height - 28, class: "period", "text-anchor": "middle" },
      periodLabel(p.period)));
    label.append(svg("text", { x: x + bar / 2, y: height - 12, class: "period", "text-anchor": "middle" },
      `${p.n_events} event${p.n_events === 1 ? "" : "s"}`));
    chart.append(label);
  });
  return chart;
}

async function renderDyad(a, b) {
  setNav("network");
  const points = await dyadPoints(a, b);
  const nameA = placeName(a) || a;
  const nameB = placeName(b) || b;
  const total = points.reduce((sum, p) => sum + (p.n_events || 0), 0);
  view.replaceChildren(
    el("h1", {}, `${nameA} and ${nameB}`, el("span", { class: "muted", text: " month by month" })),
    el("p", {}, numberLink(total, eventsLink({ party: [a, b] })), " events between them, either way. ",
      "Bars above the line are cooperation (agreements, meetings, aid), below it conflict ",
      "(accusations, threats, sanctions, force). Click a bar or its number for the events; ",
      "every event links to its sentence.",
      FEATURES.dyad ? " Heights are the network's weighted scores." : " Heights count events."),
    points.length ? el("div", { class: "chart-wrap" }, timelineChart(a, b, points))
      : el("p", { class: "muted", text: "No dated event between them." }),
    el("h2", { text: "Every month" }),
    el("table", { class: "grid" },
      el("thead", {}, el("tr", {}, ["Month", "Cooperation", "Conflict", "Events"].map((h) => el("th", { text: h })))),
      el("tbody", {}, points.map((p) => {
        const [since, until] = periodBounds(p.period);
        const href = eventsLink({ party: [a, b], since, until });
        return el("tr", {}, el("td", { text: periodLabel(p.period) }),
          el("td", { class: "right" }, numberLink(Number(p.cooperation.toFixed(1)), href)),
          el("td", { class: "right" }, numberLink(Number(p.conflict.toFixed(1)), href)),
          el("td", { class: "right" }, numberLink(p.n_events, href)));
      }))));
}

// -- network ---------------------------------------------------------------------------

const BLOC_COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b",
  "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"];

const FACTUALITY_WORDS = { actual: "happened", future: "announced or planned",
  hypothetical: "possible", negated: "did not happen" };

function fusedItem(event) {
  // One act (however many articles report it), linking to the sentence it rests on.
  const head = [el("strong", { text: event.category_label || categoryLabel(event.event_type) }), " · ",
    formatDate(event.date)];
  const sources = event.n_documents > 1 ? `, reported by ${event.n_documents} articles` : "";
  const status = `${FACTUALITY_WORDS[event.factuality] || event.factuality}${event.alleged ? ", alleged" : ""}` +
    `${event.denied ? ", denied" : ""}${sources}`;
  return el("li", {},
    event.event_id ? el("a", { href: `#/event/${event.event_id}` }, ...head) : el("span", {}, ...head),
    el("div", { class: "muted small", text: status }),
    event.evidence ? el("div", { class: "quote" },
      event.event_id ? el("a", { href: `#/event/${event.event_id}`, class: "evidence-link", text: event.evidence })
        : event.evidence) : null);
}

function edgePanel(edge, window_) {
  const [a, b] = [edge.source, edge.target];
  const summary = el("p", {}, "Loading…");
  const panel = el("aside", { class: "panel" },
    el("h2", {}, `${placeName(a) || a} – ${placeName(b) || b}`),
    summary,
    el("p", {}, el("a", { href: `#/dyad/${a}/${b}`, text: "Month by month →" })),
    el("div", { class: "panel-events" }, el("p", { class: "muted", text: "Loading events…" })));
  const fill = (events, total) => {
    const coop = events.reduce((sum, e) => sum + (e.cooperation || 0), 0);
    const conf = events.reduce((sum, e) => sum + (e.conflict || 0), 0);
    summary.replaceChildren(numberLink(total, eventsLink({ party: [a, b], ...window_ })),
      ` act${total === 1 ? "" : "s"} between them, either way. Cooperation `,
      el("strong", { text: coop.toFixed(1) }), ", conflict ", el("strong", { text: conf.toFixed(1) }), ".");
    panel.querySelector(".panel-events").replaceChildren(
      el("ol", { class: "panel-list" }, events.slice(0, 50).map(fusedItem)),
      events.length > 50 ? el("p", { class: "muted", text: `and ${events.length - 50} more (see the month by month view)` }) : null);
  };
  if (FEATURES.dyad) {
    getJSON(`/api/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}${query({ by: "month", ...window_ })}`)
      .then((points) => {
        const events = points.flatMap((p) => p.events)
          .sort((x, y) => (y.date || "").localeCompare(x.date || ""));
        fill(events, events.length);
      }).catch(showError);
  } else {
    getJSON(`/api/events${query({ party: [a, b], limit: 25, sort: "event_date", ...window_ })}`).then((page) => {
      fill(page.events.map((e) => ({ event_type: e.event_type, date: e.event_date, factuality: e.factuality,
        event_id: e.event_id, evidence: e.evidence.text, n_documents: 1 })), page.total);
    }).catch(showError);
  }
  return panel;
}

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

async function defaultWindow() {
  // The latest year with events: which states are drawing together now. Older history
  // is one click away ("All time").
  const latest = await getJSON(`/api/events${query({ sort: "event_date", descending: "true", limit: 1 })}`);
  const last = latest.events.length ? latest.events[0].event_date : null;
  if (!last) return { since: null, until: null };
  const end = new Date(`${last.slice(0, 10)}T00:00:00Z`);
  const start = new Date(end);
  start.setUTCFullYear(start.getUTCFullYear() - 1);
  start.setUTCDate(start.getUTCDate() + 1);
  return { since: isoDay(start), until: isoDay(end) };
}

function undirectedEdges(edges) {
  // One line per pair: both directions added (weights are signed: cooperation minus conflict).
  const pairs = new Map();
  for (const e of edges) {
    const [source, target] = [e.source, e.target].sort();
    const key = `${source}-${target}`;
    const pair = pairs.get(key) || { source, target, weight: 0, cooperation: 0, conflict: 0 };
    pair.weight += e.weight;
    pair.cooperation += e.cooperation;
    pair.conflict += e.conflict;
    pairs.set(key, pair);
  }
  return [...pairs.values()];
}

async function renderNetwork(params) {
  setNav("network");
  if (!FEATURES.network) {
    view.replaceChildren(el("h1", { text: "Network" }),
      el("p", { text: "This server has no network API yet. The most frequent pairs are on the " },
        el("a", { href: "#/", text: "overview" }), "."));
    return;
  }
  const chosen = params.has("since") || params.has("until") || params.get("window") === "all";
  const window_ = chosen ? { since: params.get("since"), until: params.get("until") } : await defaultWindow();
  const [network, blocs] = await Promise.all([
    getJSON(`/api/network${query(window_)}`), getJSON(`/api/blocs${query(window_)}`),
  ]);
  const blocIndex = new Map(blocs.map((b, i) => [String(b.bloc), i]));
  const colour = (bloc) => BLOC_COLOURS[(blocIndex.get(String(bloc)) ?? 9) % BLOC_COLOURS.length];
  const lines = undirectedEdges(network.edges);
  const maxWeight = Math.max(1, ...lines.map((e) => Math.abs(e.weight)));
  const elements = [
    // Start from a circle, not all at one point: from coincident positions the layout
    // cannot push two strongly tied states apart, and their line vanishes under them.
    ...network.nodes.map((n, i) => ({ data: { id: n.code, label: n.label || placeName(n.code) || n.code,
      colour: colour(n.bloc) },
      position: { x: 400 * Math.cos((2 * Math.PI * i) / network.nodes.length),
        y: 400 * Math.sin((2 * Math.PI * i) / network.nodes.length) } })),
    ...lines.map((e, i) => ({ data: { id: `e${i}`, source: e.source, target: e.target,
      width: 1.5 + 8 * Math.sqrt(Math.abs(e.weight) / maxWeight),
      colour: e.weight >= 0 ? "#2e8b57" : "#c0392b", style: e.weight >= 0 ? "solid" : "dashed",
      edge: e } })),
  ];
  const graph = el("div", { id: "graph", class: "graph" });
  const side = el("div", { class: "side" }, el("p", { class: "muted",
    text: "Click a line for the events between two parties, a circle for one party's events." }));
  const legendBox = el("div", { class: "net-legend" },
    el("h3", { text: "Groups that act together" }),
    el("ul", { class: "plain" }, blocs.map((b) => el("li", {},
      el("span", { class: "swatch", style: `background:${colour(b.bloc)}` }),
      b.members.map((m) => placeName(m) || m).join(", ")))),
    el("h3", { text: "Lines" }),
    el("p", {}, el("span", { class: "line coop" }), " more cooperation than conflict  ",
      el("span", { class: "line conf" }), " more conflict (dashed)"),
    el("p", { class: "muted", text: "Thicker lines: more events, weighted by how strong each act is." }));
  const form = el("form", { class: "filters" },
    el("label", {}, "From", el("input", { type: "date", name: "since", value: window_.since || "" })),
    el("label", {}, "To", el("input", { type: "date", name: "until", value: window_.until || "" })),
    el("button", { type: "submit", text: "Show" }));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const since = data.get("since");
    const until = data.get("until");
    location.hash = `#/network${query(since || until ? { since, until } : { window: "all" })}`;
  });
  const span = window_.since || window_.until
    ? el("p", { class: "window-note" }, "Showing ",
      window_.since ? formatDate(window_.since) : "the beginning", " to ",
      window_.until ? formatDate(window_.until) : "the latest event",
      chosen ? ". " : ", the latest year with events. ",
      el("a", { href: "#/network?window=all", text: "All time" }), ".")
    : el("p", { class: "window-note", text: "Showing all time." });
  view.replaceChildren(el("h1", { text: "Who is drawing together, who is at odds" }), form, span,
    el("div", { class: "network" }, graph, el("div", { class: "network-side" }, legendBox, side)));
  const cy = cytoscape({
    container: graph,
    elements,
    // A small network is not blown up to fill the box (circles would hide the lines).
    maxZoom: 1.3,
    // A few states read best on a circle (the force layout packs a handful of strongly
    // tied states on top of each other); a larger network needs the force layout.
    layout: network.nodes.length <= 12
      ? { name: "circle", animate: false, padding: 60 }
      : { name: "cose", animate: false, randomize: false, nodeRepulsion: 9000, idealEdgeLength: 110,
        padding: 40 },
    style: [
      { selector: "node", style: { "background-color": "data(colour)", label: "data(label)",
        "font-size": 12, "text-valign": "bottom", "text-margin-y": 4, width: 26, height: 26,
        color: "#222", "text-outline-color": "#fff", "text-outline-width": 2 } },
      { selector: "edge", style: { width: "data(width)", "line-color": "data(colour)",
        "line-style": "data(style)", "curve-style": "bezier", opacity: 0.75 } },
      { selector: "edge:selected", style: { opacity: 1, "underlay-color": "#f1c40f",
        "underlay-padding": 4, "underlay-opacity": 0.6 } },
    ],
  });
  window.dotterelGraph = cy;
  cy.on("tap", "edge", (evt) => side.replaceChildren(edgePanel(evt.target.data("edge"), window_)));
  cy.on("tap", "node", (evt) => {
    const code = evt.target.id();
    side.replaceChildren(el("aside", { class: "panel" }, el("h2", { text: evt.target.data("label") }),
      el("p", {}, el("a", { href: eventsLink({ party: [code] }), text: "All its events →" }))));
  });
}

// -- router ----------------------------------------------------------------------------

async function route() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, search] = hash.split("?");
  const params = new URLSearchParams(search || "");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  try {
    if (!parts.length) await renderHome();
    else if (parts[0] === "network") await renderNetwork(params);
    else if (parts[0] === "events") await renderEvents(params);
    else if (parts[0] === "event" && parts[1]) await renderEvent(parts[1]);
    else if (parts[0] === "documents") await renderDocuments();
    else if (parts[0] === "document" && parts[1]) await renderDocument(parts[1]);
    else if (parts[0] === "dyad" && parts[2]) await renderDyad(parts[1], parts[2]);
    else view.replaceChildren(el("p", { text: "No such page. " }, el("a", { href: "#/", text: "Overview" })));
    document.body.dataset.view = parts[0] || "home";
    document.body.dataset.ready = "1";
  } catch (error) {
    showError(error);
    document.body.dataset.ready = "1";
  }
}

async function start() {
  const [vocab, schema] = await Promise.all([getJSON("/api/vocabulary"), getJSON("/openapi.json")]);
  VOCAB = vocab;
  const paths = Object.keys(schema.paths || {});
  FEATURES = {
    network: paths.includes("/api/network") && paths.includes("/api/blocs"),
    dyad: paths.includes("/api/dyads/{a}/{b}"),
  };
  window.addEventListener("hashchange", () => { document.body.dataset.ready = ""; route(); });
  await route();
}

start().catch(showError);
