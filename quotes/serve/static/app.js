// The review page: send the pasted article to this server's POST /extract,
// highlight every attribution in the text, list the records by speaker, show
// one record's details on click, and offer the results as downloads.
// Nothing is sent anywhere else (the server's CSP allows 'self' only) and
// nothing is kept once the page is closed.
"use strict";

const ROLES = ["content", "date", "outlet", "speaker", "cue"]; // low to high priority
const TYPE_NAMES = {
  direct: "مباشر", indirect: "غير مباشر", mixed: "مختلط", according_to: "نسبة (وفقًا لـ)",
};
const HINT_NAMES = {
  number: "رقم أو إحصاء",
  comparison: "مقارنة أو تفضيل",
  causal: "علاقة سببية",
  prediction: "توقع أو وعد",
  accusation_or_denial: "اتهام أو نفي",
  official_speaker: "متحدث رسمي",
};
const NO_SPEAKER = "(بلا متحدث)";

const state = { line: null, raw: "", result: null, text: "", selected: null };

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined) continue;
    if (key === "className") node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function setStatus(stateName, message) {
  const status = $("status");
  status.dataset.state = stateName;
  status.textContent = message;
}

// --- highlighting -----------------------------------------------------------

// Every [start, end) span of every record with its role; offsets count code
// points, as Python's do.
function marksOf(quotes) {
  const marks = [];
  quotes.forEach((q, i) => {
    for (const role of ROLES) {
      const span = q[role];
      if (span && span.start !== null && span.end > span.start) {
        marks.push({ record: i, role, start: span.start, end: span.end });
      }
    }
  });
  return marks;
}

// The mark that decides a segment's colour and click: the highest-priority
// role, and among contents the innermost (shortest).
function primaryMark(covering) {
  return covering.reduce((best, m) => {
    const rank = ROLES.indexOf(m.role) - ROLES.indexOf(best.role);
    if (rank > 0) return m;
    if (rank === 0 && m.end - m.start < best.end - best.start) return m;
    return best;
  });
}

function segmentNode(text, covering) {
  if (covering.length === 0) return document.createTextNode(text);
  const primary = primaryMark(covering);
  const roles = new Set(covering.map((m) => m.role));
  const contentOf = covering.filter((m) => m.role === "content").map((m) => m.record);
  const span = el("span", {
    className: ["hl", ...ROLES.filter((r) => roles.has(r))].join(" ") + " primary-" + primary.role,
    "data-r": String(primary.record),
    "data-q": contentOf.length ? contentOf.join(" ") : null,
    "data-of": covering.map((m) => `${m.role}:${m.record}`).join(" "),
  }, text);
  span.addEventListener("click", () => select(primary.record, false));
  return span;
}

// Split the text at every mark boundary; each piece gets the marks covering it.
function renderText(text, quotes) {
  const chars = Array.from(text);
  const marks = marksOf(quotes);
  const cuts = new Set([0, chars.length]);
  for (const m of marks) {
    cuts.add(Math.min(m.start, chars.length));
    cuts.add(Math.min(m.end, chars.length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const doc = $("doc");
  doc.replaceChildren();
  for (let k = 0; k + 1 < points.length; k++) {
    const [a, b] = [points[k], points[k + 1]];
    const covering = marks.filter((m) => m.start <= a && m.end >= b);
    doc.append(segmentNode(chars.slice(a, b).join(""), covering));
  }
}

// --- the list and the details ----------------------------------------------

function snippet(s, n = 90) {
  const chars = Array.from(s);
  return chars.length > n ? chars.slice(0, n).join("") + "…" : s;
}

function renderGroups(quotes) {
  const groups = new Map();
  quotes.forEach((q, i) => {
    const name = (q.speaker && q.speaker.name) || "";
    if (!groups.has(name)) groups.set(name, []);
    groups.get(name).push(i);
  });
  const box = $("groups");
  box.replaceChildren();
  for (const [name, indices] of groups) {
    const list = el("ol");
    for (const i of indices) {
      const q = quotes[i];
      const button = el("button", { type: "button", "data-r": String(i), "aria-pressed": "false" },
        snippet(q.content.text), el("span", { className: "badge" }, TYPE_NAMES[q.type] || q.type));
      button.addEventListener("click", () => select(i, true));
      list.append(el("li", {}, button));
    }
    box.append(el("section", { className: "group", "data-speaker": name },
      el("h3", {}, name || NO_SPEAKER, " ", el("span", { className: "count" }, `(${indices.length})`)),
      list));
  }
  $("record-count").textContent = `(${quotes.length})`;
}

function spanText(span, extra) {
  if (!span) return "—";
  const parts = [];
  if (span.text) parts.push(`«${span.text}»`);
  if (extra) parts.push(extra);
  return parts.join(" ") || "—";
}

// An ISO date stays left-to-right inside the Arabic line (no 24-08-2019).
function dateNode(date) {
  const node = el("span", {}, spanText(date));
  if (date.value) node.append(" = ", el("bdi", { dir: "ltr", className: "iso" }, date.value));
  return node;
}

function detailRows(q) {
  const sp = q.speaker;
  return [
    ["النوع", `${TYPE_NAMES[q.type] || q.type} (${q.type})`],
    ["المحتوى", q.content.text],
    ["المتحدث", sp ? `${sp.name || "—"}${sp.text && sp.text !== sp.name ? ` «${sp.text}»` : ""}` : "—"],
    ["الصفة", sp && sp.role ? sp.role : "—"],
    ["نوع المتحدث", sp ? `${sp.kind} · ${sp.resolution}` : "—"],
    ["فعل القول", q.cue ? spanText(q.cue, `(${q.cue.lemma} · ${q.cue.sense})`) : "—"],
    ["الوسيلة", q.outlet ? spanText(q.outlet, `(${q.outlet.name})`) : "—"],
    ["التاريخ", q.date ? dateNode(q.date) : "—"],
    ["القناة", q.channel ? spanText(q.channel) : "—"],
    ["الثقة", Number(q.confidence).toFixed(2)],
    ["المعرّف", q.id],
  ];
}

function renderDetails(q) {
  const list = $("details-list");
  list.replaceChildren();
  for (const [label, value] of detailRows(q)) {
    list.append(el("dt", {}, label), el("dd", {}, value));
  }
  const hints = $("hints");
  hints.replaceChildren();
  for (const [name, hint] of Object.entries(q.checkworthy || {})) {
    hints.append(el("li", { "data-hint": name, "data-value": String(hint.value) },
      hint.value ? "✔ " : "✘ ", HINT_NAMES[name] || name,
      hint.value && hint.evidence ? ` «${hint.evidence}»` : ""));
  }
  $("details").hidden = false;
  $("details").dataset.record = q.id;
}

function select(i, scrollText) {
  const quotes = state.result.quotes;
  state.selected = i;
  for (const node of document.querySelectorAll(".hl.selected")) node.classList.remove("selected");
  let first = null;
  for (const node of document.querySelectorAll("#doc .hl")) {
    if (node.dataset.of.split(" ").some((tag) => tag.endsWith(`:${i}`))) {
      node.classList.add("selected");
      first = first || node;
    }
  }
  for (const b of document.querySelectorAll("#groups button")) {
    b.setAttribute("aria-pressed", String(b.dataset.r === String(i)));
  }
  renderDetails(quotes[i]);
  if (scrollText && first) first.scrollIntoView({ block: "center", behavior: "smooth" });
}

// --- requests and downloads -------------------------------------------------

function inputLine() {
  const line = { text: $("text").value };
  const published = $("published").value;
  const publisher = $("publisher").value.trim();
  if (published) line.published = published;
  if (publisher) line.publisher = publisher;
  return line;
}

async function post(path, line) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(line),
  });
  return response;
}

async function errorMessage(response) {
  try {
    const body = await response.json();
    if (body && body.error) return `${body.error.type}: ${body.error.message}`;
  } catch (e) { /* not JSON */ }
  return `HTTP ${response.status}`;
}

async function onExtract(event) {
  event.preventDefault();
  const line = inputLine();
  if (!line.text.trim()) { setStatus("error", "الصق نص المقال أولًا."); return; }
  setStatus("busy", "جارٍ الاستخراج…");
  $("extract").disabled = true;
  try {
    const response = await post("/extract", line);
    if (!response.ok) { setStatus("error", await errorMessage(response)); return; }
    const raw = await response.text();
    const result = JSON.parse(raw);
    state.line = line; state.raw = raw; state.result = result; state.text = line.text; state.selected = null;
    renderText(line.text, result.quotes);
    renderGroups(result.quotes);
    $("details").hidden = true;
    $("results").hidden = false;
    $("text").rows = 4; // the article is now shown below, highlighted
    $("status").dataset.count = String(result.quotes.length);
    setStatus("done", `عدد الإسنادات: ${result.quotes.length}`);
  } catch (e) {
    setStatus("error", `تعذّر الاتصال بالخادم: ${e}`);
  } finally {
    $("extract").disabled = false;
  }
}

function saveBlob(content, type, filename) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = el("a", { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

const DOWNLOADS = {
  jsonl: { type: "application/x-ndjson", ext: "jsonl" },
  csv: { type: "text/csv", ext: "csv" },
  claimreview: { type: "application/ld+json", ext: "claimreview.jsonl" },
};

async function onDownload(event) {
  const format = event.currentTarget.dataset.format;
  if (!state.result) return;
  const spec = DOWNLOADS[format];
  const base = state.result.doc_id || "quotes";
  if (format === "jsonl") {
    // The output line byte for byte as POST /extract returned it: no second request.
    saveBlob(state.raw, spec.type, `${base}.${spec.ext}`);
    return;
  }
  const response = await post(`/export/${format}`, state.line);
  if (!response.ok) { setStatus("error", await errorMessage(response)); return; }
  saveBlob(await response.text(), spec.type, `${base}.${spec.ext}`);
}

document.addEventListener("DOMContentLoaded", () => {
  $("extract-form").addEventListener("submit", onExtract);
  for (const b of document.querySelectorAll("#downloads button")) b.addEventListener("click", onDownload);
});
