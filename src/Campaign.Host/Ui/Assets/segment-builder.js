// Segment criteria builder: edits the criteria JSON (docs/segments.md) as a tree of conditions and shows how many
// customers match, with a sample, as it changes (POST /api/segments/preview, signed in by cookie + antiforgery header).
(function () {
  "use strict";
  const token = () => document.querySelector('meta[name="request-verification-token"]')?.content ?? "";
  const el = (tag, attrs, text) => {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const KINDS = {
    issueCategory: "Issue category",
    area: "Area(s)",
    tag: "Tag",
    attribute: "Attribute = value",
    contact: "Contact history",
    lastInterest: "Last interest",
    group: "Group (all / any)",
  };
  const CONTACTS = {
    neverContacted: "never contacted",
    neverAnswered: "never answered",
    notContactedForDays: "not contacted for N days",
    answeredWithinDays: "answered within N days",
  };
  const INTERESTS = { interested: "interested", neutral: "neutral", notInterested: "not interested" };
  const NEEDS_DAYS = ["notContactedForDays", "answeredWithinDays"];

  // Mirrors CriteriaErrorWords on the server: the API's path (criteria.all[1].withinDays) in an operator's words
  // ("Condition 2 (issue reported within)"), the conditions numbered as the builder shows them.
  const FIELD_WORDS = {
    issueCategory: "issue category", withinDays: "issue reported within", area: "areas", tag: "tag", attribute: "attribute",
    "attribute.name": "attribute name", "attribute.equals": "attribute value", contact: "contact history",
    days: "contact history days", lastInterest: "last interest", all: "all of these", any: "any of these",
  };
  const MESSAGE_WORDS = [
    ["expected a whole number of days between 1 and 36500", "days must be a whole number between 1 and 36500"],
    ["expected a non-empty text", "is empty; type a value"],
    ["needs at least one name", "is empty; type at least one"],
    ["needs at least one condition", "add at least one condition"],
  ];
  function place(path) {
    if (!path || !path.startsWith("criteria")) return null;
    const numbers = [];
    let fields = [];
    let value = null;
    let previous = null;
    for (const m of path.slice("criteria".length).matchAll(/\.([A-Za-z]+)|\[(\d+)\]/g)) {
      if (m[1] !== undefined) {
        previous = m[1];
        if (!["all", "any", "not"].includes(previous)) fields.push(previous);
        continue;
      }
      const index = Number(m[2]) + 1;
      if (previous === "all" || previous === "any") { numbers.push(index); fields = []; value = null; } else value = index;
    }
    let field = fields.length === 0 ? null : FIELD_WORDS[fields.slice(-2).join(".")] ?? FIELD_WORDS[fields[fields.length - 1]] ?? fields[fields.length - 1];
    if (field === null && (previous === "all" || previous === "any") && !path.endsWith("]")) field = FIELD_WORDS[previous];
    const detail = field === null ? (value === null ? null : `value ${value}`) : (value === null ? field : `${field}, value ${value}`);
    const where = numbers.length ? "Condition " + numbers.join(".") : (detail === null ? "The conditions" : null);
    if (where === null) return detail.charAt(0).toUpperCase() + detail.slice(1);
    return detail === null ? where : `${where} (${detail})`;
  }
  function describe(path, detail) {
    let message = detail;
    if (path && message.startsWith(path + ": ")) message = message.slice(path.length + 2);
    MESSAGE_WORDS.forEach(([api, words]) => { message = message.split(api).join(words); });
    const where = place(path);
    return where ? `${where}: ${message}` : message;
  }

  const blank = (kind) => ({
    issueCategory: { kind, category: "", withinDays: "" },
    area: { kind, areas: "" },
    tag: { kind, tag: "" },
    attribute: { kind, name: "", equals: "" },
    contact: { kind, condition: "neverContacted", days: "" },
    lastInterest: { kind, interest: "interested" },
    group: { kind, op: "any", items: [] },
  })[kind];

  // JSON → editable tree; null when the JSON uses a shape the builder does not offer.
  function fromJson(j) {
    if (!j || typeof j !== "object" || Array.isArray(j)) return null;
    const keys = Object.keys(j);
    const only = (...allowed) => keys.every((k) => allowed.includes(k));
    const text = (v) => (typeof v === "string" ? v : v === undefined || v === null ? "" : String(v));
    if (keys.length === 1 && keys[0] === "not") {
      const inner = fromJson(j.not);
      if (!inner || inner.negate) return null;
      inner.negate = true;
      return inner;
    }
    for (const op of ["all", "any"]) {
      if (keys.length === 1 && keys[0] === op && Array.isArray(j[op])) {
        const items = j[op].map(fromJson);
        return items.includes(null) ? null : { kind: "group", op, items };
      }
    }
    if ("issueCategory" in j && only("issueCategory", "withinDays")) return { kind: "issueCategory", category: text(j.issueCategory), withinDays: text(j.withinDays) };
    if ("area" in j && only("area")) return { kind: "area", areas: Array.isArray(j.area) ? j.area.join(", ") : text(j.area) };
    if ("tag" in j && only("tag")) return { kind: "tag", tag: text(j.tag) };
    if ("attribute" in j && only("attribute") && j.attribute && typeof j.attribute === "object") return { kind: "attribute", name: text(j.attribute.name), equals: text(j.attribute.equals) };
    if ("contact" in j && only("contact", "days") && text(j.contact) in CONTACTS) return { kind: "contact", condition: j.contact, days: text(j.days) };
    if ("lastInterest" in j && only("lastInterest") && text(j.lastInterest) in INTERESTS) return { kind: "lastInterest", interest: j.lastInterest };
    return null;
  }

  // Editable tree → JSON. Numbers that are not numbers are sent as they are, so the server names the field.
  function toJson(n) {
    const number = (v) => (v.trim() === "" || isNaN(Number(v)) ? v : Number(v));
    let json;
    switch (n.kind) {
      case "group": json = { [n.op]: n.items.map(toJson) }; break;
      case "issueCategory": json = { issueCategory: n.category }; if (n.withinDays.trim() !== "") json.withinDays = number(n.withinDays); break;
      case "area": json = { area: n.areas.split(",").map((a) => a.trim()).filter((a) => a) }; break;
      case "tag": json = { tag: n.tag }; break;
      case "attribute": json = { attribute: { name: n.name, equals: n.equals } }; break;
      case "contact": json = { contact: n.condition }; if (NEEDS_DAYS.includes(n.condition)) json.days = number(n.days); break;
      case "lastInterest": json = { lastInterest: n.interest }; break;
    }
    return n.negate ? { not: json } : json;
  }

  function init(form) {
    const textarea = document.getElementById("criteria-json");
    const rootBox = document.getElementById("builder-root");
    const unsupported = document.getElementById("builder-unsupported");
    const errorBox = document.getElementById("criteria-error");
    const count = document.getElementById("preview-count");
    const sample = document.querySelector("#preview-sample tbody");
    let root;
    let timer;
    let sequence = 0;
    let uid = 0;

    function showError(message, path) {
      errorBox.textContent = message || "";
      errorBox.hidden = !message;
      rootBox.querySelectorAll(".invalid").forEach((n) => n.classList.remove("invalid"));
      if (!path) return;
      let best = null;
      rootBox.querySelectorAll("[data-path]").forEach((n) => {
        const p = n.dataset.path;
        if ((path === p || path.startsWith(p + ".") || path.startsWith(p + "[")) && (!best || p.length > best.dataset.path.length)) best = n;
      });
      best?.classList.add("invalid");
    }

    // The criteria cannot be counted as they stand: no number and no sample from earlier criteria stay on screen.
    function clearPreview(reason) {
      count.textContent = "–";
      const tr = el("tr");
      tr.appendChild(el("td", { colspan: "3", class: "muted", id: "preview-cleared" }, reason));
      sample.replaceChildren(tr);
    }

    function renderSample(items) {
      sample.replaceChildren();
      if (items.length === 0) {
        const tr = el("tr");
        tr.appendChild(el("td", { colspan: "3", class: "muted" }, "Nobody matches these conditions."));
        sample.appendChild(tr);
      }
      items.forEach((c) => {
        const tr = el("tr");
        const who = el("td");
        who.appendChild(el("a", { href: "/customers/" + encodeURIComponent(c.id) }, c.name));
        who.append(" ");
        who.appendChild(el("code", {}, c.id));
        tr.appendChild(who);
        tr.appendChild(el("td", {}, c.area ?? ""));
        tr.appendChild(el("td", {}, (c.tags || []).join(", ")));
        sample.appendChild(tr);
      });
    }

    async function preview(criteria) {
      const mine = ++sequence;
      count.classList.add("stale");
      try {
        const response = await fetch("/api/segments/preview", {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json", RequestVerificationToken: token() },
          body: JSON.stringify({ criteria }),
        });
        const body = await response.json().catch(() => ({}));
        if (mine !== sequence) return;
        if (!response.ok) {
          clearPreview("No preview until the conditions are fixed.");
          showError(body.detail ? describe(body.field, body.detail) : `The preview failed (${response.status}).`, body.field);
          return;
        }
        showError(null);
        count.textContent = body.count.toLocaleString("en");
        renderSample(body.sample);
      } catch (err) {
        if (mine === sequence) {
          clearPreview("No preview: the server could not be reached.");
          showError("The preview could not be fetched: " + err.message);
        }
      } finally {
        if (mine === sequence) count.classList.remove("stale");
      }
    }

    const schedulePreview = (criteria) => {
      clearTimeout(timer);
      timer = setTimeout(() => preview(criteria), 300);
    };

    // The builder changed: write the JSON and preview it.
    function changed(structure) {
      if (structure) render();
      const json = toJson(root);
      textarea.value = JSON.stringify(json, null, 2);
      schedulePreview(json);
    }

    function input(label, value, onInput, attrs, visible) {
      const id = "b" + ++uid;
      const wrap = el("span", { class: "cond-field" });
      wrap.appendChild(el("label", { for: id, class: visible ? "inline cond-label" : "visually-hidden" }, label));
      const box = el("input", { id, value, placeholder: label, ...(attrs || {}) });
      box.value = value;
      box.addEventListener("input", () => { onInput(box.value); changed(false); });
      wrap.appendChild(box);
      return wrap;
    }

    function select(label, options, value, onChange, role) {
      const id = "b" + ++uid;
      const wrap = el("span", { class: "cond-field" });
      wrap.appendChild(el("label", { for: id, class: "visually-hidden" }, label));
      const box = el("select", { id, "data-role": role });
      Object.entries(options).forEach(([v, text]) => {
        const option = el("option", { value: v }, text);
        option.selected = v === value;
        box.appendChild(option);
      });
      box.addEventListener("change", () => onChange(box.value));
      wrap.appendChild(box);
      return wrap;
    }

    function leafFields(n) {
      const set = (key) => (v) => { n[key] = v; };
      switch (n.kind) {
        case "issueCategory":
          return [input("Issue category", n.category, set("category"), { "data-role": "category" }),
            input("reported within (days, optional)", n.withinDays, set("withinDays"), { type: "number", min: "1", "data-role": "withinDays", class: "days" }, true)];
        case "area": return [input("Areas, comma-separated", n.areas, set("areas"), { "data-role": "areas" })];
        case "tag": return [input("Tag", n.tag, set("tag"), { "data-role": "tag" })];
        case "attribute":
          return [input("Attribute name", n.name, set("name"), { "data-role": "attribute-name" }), el("span", {}, "="),
            input("Value", n.equals, set("equals"), { "data-role": "attribute-value" })];
        case "contact": {
          const fields = [select("Contact condition", CONTACTS, n.condition, (v) => { n.condition = v; changed(true); }, "condition")];
          if (NEEDS_DAYS.includes(n.condition)) fields.push(input("days", n.days, set("days"), { type: "number", min: "1", "data-role": "days", class: "days" }, true));
          return fields;
        }
        case "lastInterest": return [select("Last interest", INTERESTS, n.interest, (v) => { n.interest = v; changed(false); }, "interest")];
      }
      return [];
    }

    function renderNode(n, path, parent, index, number) {
      const box = el("div", { class: n.kind === "group" ? "cond-group" : "cond", "data-path": n.negate ? path + ".not" : path });
      const head = el("div", { class: "cond-head" });
      const id = "b" + ++uid;
      const not = el("input", { type: "checkbox", id, "data-role": "not" });
      not.checked = !!n.negate;
      not.addEventListener("change", () => { n.negate = not.checked; changed(true); });
      if (number) head.appendChild(el("span", { class: "cond-number", title: "Condition " + number }, number));
      const notLabel = el("label", { for: id, class: "inline not" });
      notLabel.append(not, " not");
      head.appendChild(notLabel);
      const inner = n.negate ? path + ".not" : path;
      if (n.kind === "group") {
        head.appendChild(select("Combine with", { all: "all of these", any: "any of these" }, n.op, (v) => { n.op = v; changed(true); }, "op"));
      } else {
        head.appendChild(el("span", { class: "cond-kind" }, KINDS[n.kind]));
        leafFields(n).forEach((f) => head.appendChild(f));
      }
      if (parent) {
        const remove = el("button", { type: "button", class: "link-button", "aria-label": "Remove this condition", "data-role": "remove" }, "Remove");
        remove.addEventListener("click", () => { parent.items.splice(index, 1); changed(true); });
        head.appendChild(remove);
      }
      box.appendChild(head);
      if (n.kind === "group") {
        const list = el("div", { class: "cond-items" });
        if (n.items.length === 0) list.appendChild(el("p", { class: "muted small" }, n.op === "all" ? "No conditions: everyone (except do-not-call)." : "Add at least one condition."));
        n.items.forEach((item, i) => list.appendChild(renderNode(item, `${inner}.${n.op}[${i}]`, n, i, number ? `${number}.${i + 1}` : String(i + 1))));
        box.appendChild(list);
        const add = el("div", { class: "cond-add" });
        const addId = "b" + ++uid;
        add.appendChild(el("label", { for: addId, class: "visually-hidden" }, "Condition to add"));
        const kind = el("select", { id: addId, "data-role": "add-kind" });
        Object.entries(KINDS).forEach(([k, text]) => kind.appendChild(el("option", { value: k }, text)));
        const button = el("button", { type: "button", "data-role": "add" }, "Add condition");
        button.addEventListener("click", () => { n.items.push(blank(kind.value)); changed(true); focusLast(inner, n); });
        add.append(kind, button);
        box.appendChild(add);
      }
      return box;
    }

    function focusLast(path, group) {
      const last = `${path}.${group.op}[${group.items.length - 1}]`;
      const node = rootBox.querySelector(`[data-path="${last}"], [data-path="${last}.not"]`);
      node?.querySelector(".cond-head input:not([type=checkbox]), .cond-head select")?.focus();
    }

    // Rebuilds the tree; keyboard focus stays on the same control of the same condition.
    function render() {
      const active = document.activeElement;
      const owner = rootBox.contains(active) ? active.closest("[data-path]") : null;
      const role = active?.dataset?.role;
      rootBox.replaceChildren(renderNode(root, "criteria", null, 0, null));
      if (owner && role) {
        const path = owner.dataset.path.replace(/\.not$/, "");
        rootBox.querySelector(`[data-path="${path}"] [data-role="${role}"], [data-path="${path}.not"] [data-role="${role}"]`)?.focus();
      }
    }

    // The JSON was edited by hand: rebuild the builder when it can show it, and preview either way.
    textarea.addEventListener("input", () => {
      let json;
      try {
        json = JSON.parse(textarea.value);
      } catch (err) {
        clearTimeout(timer);
        sequence++;
        clearPreview("No preview until the JSON is valid.");
        showError("Not valid JSON yet: " + err.message);
        return;
      }
      const tree = fromJson(json);
      unsupported.hidden = !!tree;
      rootBox.hidden = !tree;
      if (tree) {
        root = tree.kind === "group" ? tree : { kind: "group", op: "all", items: [tree] };
        render();
      }
      schedulePreview(json);
    });

    let initial;
    try { initial = JSON.parse(textarea.value || "{}"); } catch { initial = null; }
    const tree = initial === null ? null : fromJson(initial);
    root = tree ? (tree.kind === "group" ? tree : { kind: "group", op: "all", items: [tree] }) : { kind: "group", op: "all", items: [] };
    unsupported.hidden = !!tree || initial === null;
    rootBox.hidden = !tree && initial !== null;
    document.getElementById("builder").hidden = false;
    render();
    if (initial !== null) preview(initial);
    form.addEventListener("submit", () => clearTimeout(timer));
  }

  document.addEventListener("DOMContentLoaded", () => {
    const form = document.getElementById("segment-form");
    if (form) init(form);
  });
})();
