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

    renderRows(document.getElementById("by-segment"), (s.bySegment || []).map((r) => [
      el("td", {}, r.name), ...[r.called, r.answered, r.interested, r.neutral, r.notInterested].map((n) => el("td", { class: "num" }, String(n)))
    ]), "No calls finished yet.", 6);
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

  // Mirrors Charts.Elapsed on the server.
  function elapsed(seconds) {
    const pad = (n) => String(n).padStart(2, "0");
    const h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
    return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
  }

  function applyLiveCalls(calls) {
    const tbody = document.getElementById("live-calls");
    if (!tbody) return;
    setText(document.getElementById("inflight-count"), `(${calls.length})`);
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
      const ended = c.endedAt ? new Date(c.endedAt).toISOString().substring(11, 19) : "–";
      return [link, who, el("td", {}, words(c.result ?? c.status)),
        el("td", {}, words(c.interest)), el("td", { class: "num" }, String(c.attempt)), el("td", {}, ended)];
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
        applyLiveCalls(stats.liveCalls || []);
        if (stats.finished !== finished) { finished = stats.finished; refreshCalls(id); refreshFollowUps(id); }
      };
      source.addEventListener("end", () => { dot.classList.remove("on"); dot.title = "Campaign over"; source.close(); });
      source.onerror = () => dot.classList.remove("on");
    };
    connect();
    window.addEventListener("pagehide", () => source?.close());
  }

  function importForm(form) {
    const out = document.getElementById("import-result");
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const button = form.querySelector("button");
      button.disabled = true;
      out.replaceChildren(el("p", { class: "muted" }, "Importing…"));
      try {
        const response = await fetch(form.action, { method: "POST", body: new FormData(form), headers: { RequestVerificationToken: token(), Accept: "application/json" } });
        const body = await response.json().catch(() => ({}));
        out.replaceChildren();
        if (!response.ok) {
          const where = body.line ? ` (line ${body.line})` : "";
          out.appendChild(el("p", { class: "alert", role: "alert" }, `${body.title ?? "Import failed"}: ${body.detail ?? response.statusText}${where}`));
          return;
        }
        out.appendChild(el("p", { class: "flash", id: "import-summary" }, `Imported ${body.imported}, updated ${body.updated}, rejected ${body.rejectedTotal ?? body.rejected.length}.`));
        if (body.rejected.length) {
          const wrap = el("div", { class: "table-wrap" });
          const table = el("table", { id: "import-rejections" });
          table.innerHTML = '<thead><tr><th scope="col" class="num">Line</th><th scope="col">Reason</th></tr></thead>';
          const tbody = el("tbody");
          body.rejected.forEach((r) => {
            const tr = el("tr");
            tr.appendChild(el("td", { class: "num" }, String(r.line)));
            tr.appendChild(el("td", {}, r.reason));
            tbody.appendChild(tr);
          });
          table.appendChild(tbody);
          wrap.appendChild(table);
          out.appendChild(wrap);
        }
      } catch (err) {
        out.replaceChildren(el("p", { class: "alert", role: "alert" }, "The import could not be sent: " + err.message));
      } finally {
        button.disabled = false;
      }
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
