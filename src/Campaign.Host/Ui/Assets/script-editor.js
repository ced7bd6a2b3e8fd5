// Script editor: clicking a variable hint inserts it at the cursor of the text last edited.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", () => {
    const form = document.getElementById("script-form");
    if (!form) return;
    let target = form.querySelector("textarea[data-template]");
    form.querySelectorAll("textarea[data-template]").forEach((t) => t.addEventListener("focus", () => { target = t; }));
    form.querySelectorAll("[data-insert]").forEach((button) => button.addEventListener("click", () => {
      if (!target) return;
      const text = button.dataset.insert;
      const start = target.selectionStart ?? target.value.length;
      const end = target.selectionEnd ?? start;
      target.setRangeText(text, start, end, "end");
      target.focus();
      // {{customer.attributes.NAME}}: select NAME so typing the attribute's name replaces it.
      const name = text.indexOf("NAME");
      if (name >= 0) target.setSelectionRange(start + name, start + name + 4);
    }));
  });
})();
