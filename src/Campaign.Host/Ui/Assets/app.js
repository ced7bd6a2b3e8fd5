// Small progressive enhancements for the server-rendered admin pages: live campaign dashboard, customer import.
(function () {
  "use strict";
  const token = () => document.querySelector('meta[name="request-verification-token"]')?.content ?? "";
  const el = (tag, attrs, text) => {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) node.textContent = text;
    return node;
  };
  // Mirrors Charts.Words on the server: "notInterested" → "Not interested".
  const words = (s) => s ? s.charAt(0).toUpperCase() + s.slice(1).replace(/([A-Z])/g, (m) => " " + m.toLowerCase()) : "–";

  // Mirrors Charts.HeatColor on the server.
  function heatColor(rate) {
    if (rate === null || rate === undefined) return "#eef1f5";
    const r = Math.min(1, Math.max(0, rate));
    const lerp = (a, b) => Math.round(a + (b - a) * r);
    return `rgb(${lerp(224, 13)},${lerp(242, 110)},${lerp(241, 110)})`;
  }

  function setText(node, value) {
    const text = String(value);
    if (node && node.textContent !== text) {
      node.textContent = text;
      node.classList.remove("changed");
      void node.offsetWidth;
      node.classList.add("changed");
    }
  }

  function renderRows(tbody, rows, emptyText, columns) {
    tbody.replaceChildren();
    if (rows.length === 0) {
      const tr = el("tr");
      tr.appendChild(el("td", { colspan: String(columns), class: "muted" }, emptyText));
      tbody.appendChild(tr);
      return;
    }
    rows.forEach((cells) => {
      const tr = el("tr");
      cells.forEach((cell) => tr.appendChild(cell));
      tbody.appendChild(tr);
    });
  }

  function applyStats(root, s) {
    root.dataset.status = s.status;
    const badge = document.getElementById("status");
    badge.textContent = s.status;
    badge.className = "badge " + s.status;
    root.querySelectorAll("[data-when]").forEach((f) => { f.hidden = !f.dataset.when.split(" ").includes(s.status); });

    document.querySelectorAll("[data-stat]").forEach((n) => setText(n, s[n.dataset.stat] ?? 0));
    document.querySelectorAll("[data-percent]").forEach((n) => setText(n, ((s[n.dataset.percent] ?? 0) * 100).toFixed(1) + "%"));
    document.querySelectorAll("[data-seconds]").forEach((n) => {
      const ms = s[n.dataset.seconds];
      setText(n, ms == null ? "–" : (ms / 1000).toFixed(1) + " s");
    });
    const paused = document.getElementById("paused-reason");
    if (paused) {
      paused.hidden = !s.pausedBy;
      setText(paused.querySelector("[data-paused-text]"), !s.pausedBy ? "" : s.pausedReason ? `Paused by ${s.pausedBy}: ${s.pausedReason}` : `Paused by ${s.pausedBy}`);
    }
    document.querySelectorAll("[data-result]").forEach((n) => setText(n, s.results?.[n.dataset.result] ?? 0));
    document.querySelectorAll("[data-follow]").forEach((n) => setText(n, s.followUps?.[n.dataset.follow] ?? 0));
    const done = s.audience ? Math.min(100, (s.finished * 100) / s.audience) : 0;
    const bar = document.getElementById("progress-bar");
    bar.setAttribute("width", done.toFixed(1));
    bar.closest(".progress").setAttribute("aria-valuenow", done.toFixed(0));

    (s.answerRateByHourAndWeekday || []).forEach((row, d) => row.forEach((rate, h) => {
      const cell = document.querySelector(`[data-cell="${d}-${h}"]`);
      if (!cell) return;
      cell.setAttribute("fill", heatColor(rate));
      const title = cell.querySelector("title");
      if (title) title.textContent = title.textContent.replace(/–.*$/, "– " + (rate === null ? "no attempts" : Math.round(rate * 100) + "%"));
    }));

    const mix = { interested: 0, neutral: 0, notInterested: 0, unknown: 0 };
    (s.bySegment || []).forEach((row) => Object.keys(mix).forEach((k) => { mix[k] += row[k] || 0; }));
    const total = Object.values(mix).reduce((a, b) => a + b, 0);
    let x = 0;
    Object.entries(mix).forEach(([k, n]) => {
      const w = total ? (n * 100) / total : 0;
      const rect = document.querySelector(`[data-mix="${k}"]`);
      if (rect) { rect.setAttribute("x", x.toFixed(2)); rect.setAttribute("width", w.toFixed(2)); }
      x += w;
      setText(document.querySelector(`[data-mix-count="${k}"]`), n);
    });
    document.querySelector("[data-mix-empty]")?.toggleAttribute("hidden", total > 0);
    setText(document.getElementById("mix-total"), `(${total} answered)`);

    renderConcerns(document.getElementById("concerns"), s.topConcerns || []);

    if (s.experiment) renderExperiment(s.experiment);
    const learned = document.getElementById("learned-timing");
    if (learned && s.learnedTiming) {
      const t = s.learnedTiming;
      const pct = (r) => (r == null ? "no attempts" : Math.round(r * 100) + "%");
      setText(learned, t.calls ? `${pct(t.expectedAnswerRate)} / ${pct(t.answerRate)}` : "–");
      learned.title = `over ${t.calls} calls`;
    }

    renderRows(document.getElementById("by-segment"), (s.bySegment || []).map((r) => [
      el("td", {}, r.name), ...[r.called, r.answered, r.interested, r.neutral, r.notInterested].map((n) => el("td", { class: "num" }, String(n)))
    ]), "No calls finished yet.", 6);
  }

  // Worded as ExperimentText words it on the server.
  function renderExperiment(x) {
    const tbody = document.getElementById("experiment-variants");
    if (!tbody) return;
    const pct = (r) => (r * 100).toFixed(1) + "%";
    const stops = { lost: "stopped: lost to the winner", worse: "stopped: clearly worse", optOutRate: "stopped: too many opt-outs", earlyHangUpRate: "stopped: too many early hang-ups" };
    const winner = x.variants.find((v) => v.scriptId === x.winner);
    setText(document.getElementById("experiment-winner"), winner ? "Winner: " + winner.name : "No winner yet: each customer keeps hearing their variant until one is clearly better.");
    renderRows(tbody, x.variants.map((v) => {
      const name = el("td", {}, v.name + " ");
      name.appendChild(el("span", { class: "muted small" }, v.scriptId));
      const rate = v.rate.value == null ? "–" : `${pct(v.rate.value)} (${pct(v.rate.low)}–${pct(v.rate.high)}), ${v.successes} of ${v.trials}`;
      const state = v.scriptId === x.winner ? "winner" : v.stopReason ? stops[v.stopReason] ?? "stopped" : "taking customers";
      return [name, el("td", { class: "num" }, String(v.customers)), el("td", { class: "num" }, String(v.calls)), el("td", {}, rate),
        el("td", { class: "num" }, pct(v.probabilityBest)), el("td", {}, state)];
    }), "No variants.", 6);
  }

  // Each topic with what callers said about it one click away; a topic left open stays open through live updates.
  function renderConcerns(list, topics) {
    const open = new Set([...list.querySelectorAll("li[data-concern] > details[open]")].map((d) => d.parentElement.dataset.concern));
    list.replaceChildren();
    if (!topics.length) list.appendChild(el("li", { class: "muted" }, list.dataset.empty));
    topics.forEach((c) => {
      const li = el("li", { "data-concern": c.concern });
      const label = [el("span", {}, c.concern), " ", el("strong", {}, String(c.count))];
      if (!c.examples?.length) {
        li.append(...label);
      } else {
        const details = el("details");
        const summary = el("summary");
        summary.append(...label);
        const quotes = el("ul", { class: "quotes", "aria-label": "What callers said" });
        c.examples.forEach((q) => quotes.appendChild(el("li", {}, q)));
        details.append(summary, quotes);
        details.open = open.has(c.concern);
        li.appendChild(details);
      }
      list.appendChild(li);
    });
  }

  // Mirrors OperatorTime.Format(at, seconds: true) on the server: "2026-12-05 11:40:07 UTC", in the operator's zone.
  function operatorTime(iso, zone) {
    const parts = Object.fromEntries(new Intl.DateTimeFormat("en-GB", {
      timeZone: zone === "UTC" ? "UTC" : zone, year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23",
    }).formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
    return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${zone}`;
  }

  // Mirrors Charts.Elapsed on the server.
  function elapsed(seconds) {
    const pad = (n) => String(n).padStart(2, "0");
    const h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
    return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
  }

  function applyLiveCalls(calls, total) {
    const tbody = document.getElementById("live-calls");
    if (!tbody) return;
    const all = total ?? calls.length;
    setText(document.getElementById("inflight-count"), all === calls.length ? `(${all})` : `(${all}, the oldest ${calls.length} shown)`);
    renderRows(tbody, calls.map((c) => {
      const link = el("td");
      link.appendChild(el("a", { href: "/calls/" + encodeURIComponent(c.callId) }, c.callId));
      const who = el("td");
      who.appendChild(el("a", { href: "/customers/" + encodeURIComponent(c.customerId) }, c.customerName ?? c.customerId));
      who.append(" ");
      who.appendChild(el("span", { class: "muted small" }, c.customerId));
      const state = el("td");
      state.appendChild(el("span", { class: "badge call-" + c.state.toLowerCase() }, words(c.state)));
      return [link, who, state, el("td", { class: "num" }, String(c.attempt)),
        el("td", { class: "num", "data-elapsed": String(c.elapsedSeconds) }, elapsed(c.elapsedSeconds))];
    }), tbody.dataset.empty, 5);
    tbody.dataset.at = String(performance.now());
  }

  // Between updates the elapsed times of the calls in flight keep counting in the browser.
  function tickElapsed() {
    const tbody = document.getElementById("live-calls");
    if (!tbody) return;
    const since = Number(tbody.dataset.at || 0);
    setInterval(() => {
      const extra = Math.floor((performance.now() - Number(tbody.dataset.at || since)) / 1000);
      tbody.querySelectorAll("[data-elapsed]").forEach((td) => { td.textContent = elapsed(Number(td.dataset.elapsed) + extra); });
    }, 1000);
  }

  async function refreshFollowUps(id) {
    const tbody = document.getElementById("follow-ups");
    if (!tbody) return;
    const response = await fetch(`/api/campaigns/${encodeURIComponent(id)}/follow-ups`, { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const all = await response.json();
    setText(document.getElementById("followups-count"), `(${all.length})`);
    renderRows(tbody, all.slice(0, Number(tbody.dataset.limit || 50)).map((f) => {
      const who = el("td");
      who.appendChild(el("a", { href: "/customers/" + encodeURIComponent(f.customerId) }, f.name ?? f.customerId));
      who.append(" ");
      who.appendChild(el("span", { class: "muted small" }, f.customerId));
      const call = el("td");
      call.appendChild(el("a", { href: "/calls/" + encodeURIComponent(f.callId) }, f.callId));
      return [who, el("td", {}, f.phone ?? ""), el("td", {}, words(f.kind)), el("td", {}, f.localAt ? `${f.localAt} ${f.timeZone}` : "–"),
        el("td", {}, words(f.interest)), el("td", {}, f.summary ?? ""), call];
    }), tbody.dataset.empty, 7);
  }

  async function refreshCalls(id) {
    const response = await fetch(`/ui/campaigns/${encodeURIComponent(id)}/recent-calls`, { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const page = await response.json();
    const all = document.getElementById("all-calls");
    if (all) all.textContent = `All ${page.total.toLocaleString("en-US")} calls, with filters`;
    setText(document.getElementById("recent-count"), `(latest ${page.items.length} of ${page.total.toLocaleString("en-US")})`);
    renderRows(document.getElementById("recent-calls"), page.items.map((c) => {
      const link = el("td");
      link.appendChild(el("a", { href: "/calls/" + encodeURIComponent(c.id) }, c.id));
      const who = el("td");
      who.appendChild(el("a", { href: "/customers/" + encodeURIComponent(c.customerId) }, c.name ?? c.customerId));
      who.append(" ");
      who.appendChild(el("span", { class: "muted small" }, c.customerId));
      const ended = el("td");
      if (c.endedAt) ended.appendChild(el("time", { datetime: c.endedAt }, operatorTime(c.endedAt, document.getElementById("recent-calls").dataset.zone)));
      else ended.textContent = "–";
      return [link, who, el("td", {}, words(c.result ?? c.status)),
        el("td", {}, words(c.interest)), el("td", { class: "num" }, String(c.attempt)), ended];
    }), "No finished calls yet.", 6);
  }

  function liveDashboard(root) {
    const id = root.dataset.liveCampaign;
    const dot = document.getElementById("live");
    let finished = null;
    let source;
    const connect = () => {
      source = new EventSource(`/ui/campaigns/${encodeURIComponent(id)}/events`);
      source.onopen = () => dot.classList.add("on");
      source.onmessage = (e) => {
        const stats = JSON.parse(e.data);
        applyStats(root, stats);
        applyLiveCalls(stats.liveCalls || [], stats.liveCallsTotal);
        if (stats.finished !== finished) { finished = stats.finished; refreshCalls(id); refreshFollowUps(id); }
      };
      source.addEventListener("end", () => { dot.classList.remove("on"); dot.title = "Campaign over"; source.close(); });
      source.onerror = () => dot.classList.remove("on");
    };
    connect();
    window.addEventListener("pagehide", () => source?.close());
  }

  // The customer import, posted to /ui/customers/import with a progress bar: the bytes sent while the file uploads,
  // then the customers written as each batch lands (newline-delimited JSON events). When it is done the list and the
  // count are read again. Without JavaScript the form posts to the page itself and the result comes back in it.
  function importForm(form) {
    const out = document.getElementById("import-result");
    const box = document.getElementById("import-progress-box");
    const bar = document.getElementById("import-progress");
    const label = document.getElementById("import-progress-label");
    const text = document.getElementById("import-progress-text");
    const status = document.getElementById("import-status");
    const number = (n) => Number(n).toLocaleString("en");
    const megabytes = (n) => (n / 1048576).toFixed(1) + " MB";
    // A value of null leaves the bar indeterminate: while the rows are checked their number is not known yet.
    const progress = (phase, value, max, detail) => {
      box.hidden = false;
      label.textContent = phase;
      if (value === null) {
        bar.removeAttribute("value");
      } else {
        bar.max = Math.max(1, max);
        bar.value = Math.min(value, bar.max);
      }
      text.textContent = detail;
    };
    const say = (message) => { status.textContent = message; };

    function rejectedTable(outcome) {
      const nodes = [];
      const more = outcome.rejectedTotal > outcome.rejected.length ? ` (the first ${number(outcome.rejected.length)} of ${number(outcome.rejectedTotal)})` : "";
      nodes.push(el("h3", { id: "rejected-title" }, "Rejected rows" + more));
      const download = el("form", { method: "post", action: "/customers?handler=RejectedCsv", id: "rejected-download" });
      const tokenField = el("input", { type: "hidden", name: "__RequestVerificationToken" });
      tokenField.value = token();
      const rows = el("input", { type: "hidden", name: "rows" });
      rows.value = JSON.stringify(outcome.rejected);
      download.append(tokenField, rows, el("button", { type: "submit", id: "download-rejected" }, "Download rejected rows (CSV)"));
      nodes.push(download);
      const wrap = el("div", { class: "table-wrap" });
      const table = el("table", { id: "import-rejections", "aria-labelledby": "rejected-title" });
      const head = el("thead");
      const hr = el("tr");
      [["Line", "num"], ["Id"], ["Name"], ["Reason"]].forEach(([t, c]) => hr.appendChild(el("th", c ? { scope: "col", class: c } : { scope: "col" }, t)));
      head.appendChild(hr);
      const tbody = el("tbody");
      outcome.rejected.forEach((r) => {
        const tr = el("tr");
        tr.append(el("td", { class: "num" }, String(r.line)), el("td", {}, r.id ?? ""), el("td", {}, r.name ?? ""), el("td", {}, r.reason));
        tbody.appendChild(tr);
      });
      table.append(head, tbody);
      wrap.appendChild(table);
      nodes.push(wrap);
      return nodes;
    }

    function flaggedTable(outcome) {
      const table = el("table", { id: "import-flagged", "aria-labelledby": "flagged-title" });
      table.appendChild(el("thead")).appendChild(el("tr")).append(el("th", { scope: "col", class: "num" }, "Line"), el("th", { scope: "col" }, "Warning"));
      const tbody = table.appendChild(el("tbody"));
      outcome.flagged.forEach((f) => tbody.appendChild(el("tr")).append(el("td", { class: "num" }, String(f.line)), el("td", {}, f.reason)));
      const wrap = el("div", { class: "table-wrap" });
      wrap.appendChild(table);
      return [el("h3", { id: "flagged-title" }, "Imported with a warning"), wrap];
    }

    // The list and the count as the server has them now, for the filters and page in the address bar.
    async function refreshList() {
      const response = await fetch(location.pathname + location.search, { headers: { Accept: "text/html" } });
      if (!response.ok) return;
      const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
      ["customers-results", "customers-total"].forEach((id) => {
        const now = fresh.getElementById(id);
        const old = document.getElementById(id);
        if (now && old) old.replaceWith(document.importNode(now, true));
      });
    }

    function finished(outcome) {
      const summary = `Imported ${number(outcome.imported)}, updated ${number(outcome.updated)}, rejected ${number(outcome.rejectedTotal)}.`;
      out.replaceChildren(el("p", { class: "flash", id: "import-summary" }, summary));
      if (outcome.rejected.length) out.append(...rejectedTable(outcome));
      if (outcome.flagged?.length) out.append(...flaggedTable(outcome));
      say(summary + (outcome.rejectedTotal ? " The rejected rows are listed below the form." : ""));
      return refreshList().then(() => form.setAttribute("data-imported", String(Date.now())));
    }

    function failed(problem, fallback) {
      const where = problem.line ? ` (line ${problem.line})` : "";
      const message = `${problem.title ?? "Import failed"}: ${problem.detail ?? fallback}${where}. Nothing was imported.`;
      box.hidden = true;
      out.replaceChildren(el("p", { class: "alert", role: "alert", id: "import-error" }, message));
    }

    function handle(event) {
      switch (event.phase) {
        case "reading": progress("Checking rows", null, 0, `${number(event.rows)} rows read`); break;
        case "writing":
          if (event.written === 0) say(`The file is read: writing ${number(event.toWrite)} customers.`);
          progress("Writing customers", event.written, event.toWrite, `${number(event.written)} of ${number(event.toWrite)} customers written`);
          break;
        case "done": return finished(event.outcome);
        case "failed": failed(event, "the import failed"); break;
      }
      return null;
    }

    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const button = form.querySelector("button");
      const file = form.querySelector("input[type=file]").files[0];
      if (!file) return;
      button.disabled = true;
      out.replaceChildren();
      progress("Uploading", 0, file.size, `0 of ${megabytes(file.size)} sent`);
      say(`Uploading ${file.name}.`);
      const xhr = new XMLHttpRequest();
      let seen = 0;
      let done = null;
      // Each complete line of the answer is one event; the last one may still be arriving.
      const read = () => {
        const body = xhr.responseText;
        let end;
        while ((end = body.indexOf("\n", seen)) >= 0) {
          const line = body.slice(seen, end);
          seen = end + 1;
          if (line.trim()) done = handle(JSON.parse(line)) ?? done;
        }
      };
      xhr.upload.addEventListener("progress", (p) => {
        if (p.lengthComputable) progress("Uploading", p.loaded, p.total, `${megabytes(p.loaded)} of ${megabytes(p.total)} sent`);
      });
      xhr.upload.addEventListener("load", () => progress("Checking rows", null, 0, "the file is sent; checking its rows"));
      xhr.addEventListener("progress", () => { if (xhr.status === 200) read(); });
      xhr.addEventListener("load", async () => {
        try {
          if (xhr.status !== 200) {
            let problem = {};
            try { problem = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
            failed(problem, xhr.statusText || `status ${xhr.status}`);
            return;
          }
          read();
          await done;
        } finally {
          button.disabled = false;
        }
      });
      xhr.addEventListener("error", () => {
        button.disabled = false;
        failed({ title: "The import could not be sent", detail: "the connection failed" }, "");
      });
      xhr.open("POST", form.dataset.stream);
      xhr.setRequestHeader("RequestVerificationToken", token());
      xhr.setRequestHeader("Accept", "application/x-ndjson");
      xhr.send(new FormData(form));
    });
  }

  // Radio groups that show only the fields of the chosen option (data-toggle="x" → [data-when-x="value other"]).
  function toggles(form) {
    const groups = new Set([...form.querySelectorAll("[data-toggle]")].map((r) => r.dataset.toggle));
    groups.forEach((group) => {
      const apply = () => {
        const chosen = form.querySelector(`[data-toggle="${group}"]:checked`)?.value;
        form.querySelectorAll(`[data-when-${group}]`).forEach((part) => { part.hidden = !part.getAttribute(`data-when-${group}`).split(" ").includes(chosen); });
      };
      form.querySelectorAll(`[data-toggle="${group}"]`).forEach((r) => r.addEventListener("change", apply));
      apply();
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    const live = document.querySelector("[data-live-campaign]");
    if (live && window.EventSource) liveDashboard(live);
    if (live) tickElapsed();
    const form = document.getElementById("import-form");
    if (form) importForm(form);
    document.querySelectorAll("form:has([data-toggle])").forEach(toggles);
  });
})();
