// Intake form: the "possibly the same matter" panel refreshes as the registrar types, and its buttons
// fill in the matter to attach to (or record that none of them is it).
(function () {
  "use strict";
  const form = document.getElementById("intake-form");
  const panel = document.getElementById("match-results");
  if (!form || !panel) return;
  const matterNumber = form.querySelector("[name='matter_number']");
  const confirmedNew = form.querySelector("[name='confirmed_new']");
  // What the registrar types in these changes which matters are likely the same.
  const WATCHED = /^(title|content|demands|place|concerned_org|p-\d+-(name|id_number|phone|address|petitioner_id))$/;
  let timer = null;

  function refresh(delay) {
    clearTimeout(timer);
    timer = setTimeout(() => htmx.trigger(document.body, "match-refresh"), delay);
  }

  form.addEventListener("input", (event) => {
    if (WATCHED.test(event.target.name || "")) refresh(700);
  });
  form.addEventListener("change", (event) => {
    if (WATCHED.test(event.target.name || "")) refresh(200);
  });
  // A person picked from the type-ahead sets a hidden id without an input event.
  form.addEventListener("focusout", (event) => {
    if (event.target.closest && event.target.closest("[data-row]")) refresh(300);
  });

  panel.addEventListener("click", (event) => {
    const attach = event.target.closest("[data-attach-number]");
    if (attach) {
      matterNumber.value = attach.dataset.attachNumber;
      confirmedNew.value = "";
      matterNumber.dispatchEvent(new Event("change", { bubbles: true }));
      refresh(0);
      matterNumber.focus();
      return;
    }
    if (event.target.closest("[data-new-matter]")) {
      matterNumber.value = "";
      confirmedNew.value = "on";
      refresh(0);
    }
  });
})();
