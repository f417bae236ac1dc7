// Intake form: petitioner rows with type-ahead matching of known people, all usable from the keyboard.
(function () {
  "use strict";
  const form = document.getElementById("intake-form");
  if (!form) return;
  const rows = document.getElementById("petitioner-rows");
  const template = document.getElementById("petitioner-row-template");
  const totalForms = form.querySelector("input[name='p-TOTAL_FORMS']");
  const searchUrl = form.dataset.searchUrl;
  const channel = form.querySelector("[name='channel']");
  const headCountField = document.getElementById("head-count-field");
  // Typing in any of these looks up known people; every request carries all four, so that a name
  // with a matching address, ID or phone ranks above the name alone.
  const SEARCH_FIELDS = ["name", "id_number", "phone", "address"];

  function fieldOf(row, name) {
    return row.querySelector(`[name$='-${name}']`);
  }

  function renumber() {
    rows.querySelectorAll("[data-row]").forEach((row, i) => {
      row.querySelector("[data-row-number]").textContent = String(i + 1);
    });
  }

  function setExisting(row, existing) {
    row.classList.toggle("is-existing", existing);
    ["id_number", "phone", "address", "name"].forEach((name) => {
      const input = fieldOf(row, name);
      if (input) input.readOnly = existing;
    });
  }

  function closeList(row) {
    const list = row.querySelector("[data-candidates]");
    list.hidden = true;
    list.innerHTML = "";
    SEARCH_FIELDS.forEach((n) => fieldOf(row, n)?.removeAttribute("aria-activedescendant"));
  }

  function choose(row, option) {
    fieldOf(row, "petitioner_id").value = option.dataset.id;
    fieldOf(row, "name").value = option.dataset.name;
    fieldOf(row, "id_number").value = option.dataset.idNumber;
    fieldOf(row, "phone").value = option.dataset.phone;
    fieldOf(row, "address").value = option.dataset.address;
    setExisting(row, true);
    closeList(row);
    (fieldOf(row, "is_representative") || fieldOf(row, "name")).focus();
  }

  function options(row) {
    return Array.from(row.querySelectorAll("[data-candidates] [role='option']"));
  }

  function highlight(row, input, index) {
    const all = options(row);
    all.forEach((o, i) => o.setAttribute("aria-selected", String(i === index)));
    if (all[index]) {
      input.setAttribute("aria-activedescendant", all[index].id);
      all[index].scrollIntoView({ block: "nearest" });
    }
  }

  let timer = null;
  let lastQuery = "";
  let searchSeq = 0;
  function search(row, input) {
    if (row.classList.contains("is-existing") || input.value.trim().length < 2) return;
    const params = new URLSearchParams();
    SEARCH_FIELDS.forEach((name) => {
      const value = fieldOf(row, name)?.value.trim();
      if (value) params.set(name, value);
    });
    // An address alone is nobody: wait for a name, an ID number or a phone number.
    if (!params.has("name") && !params.has("id_number") && !params.has("phone")) return;
    const query = params.toString();
    if (query === lastQuery) return;
    lastQuery = query;
    const seq = ++searchSeq;
    fetch(`${searchUrl}?${query}`, { headers: { "X-Requested-With": "fetch" } })
      .then((r) => (r.ok ? r.text() : ""))
      .then((html) => {
        if (seq !== searchSeq) return; // an answer to an older request arrived late
        const list = row.querySelector("[data-candidates]");
        list.innerHTML = html;
        list.hidden = !html.trim();
        row.dataset.active = "-1";
      });
  }

  function wire(row) {
    SEARCH_FIELDS.forEach((name) => {
      const input = fieldOf(row, name);
      if (!input) return;
      input.setAttribute("autocomplete", "off");
      input.setAttribute("aria-autocomplete", "list");
      input.addEventListener("input", () => {
        clearTimeout(timer);
        timer = setTimeout(() => search(row, input), 200);
      });
      input.addEventListener("keydown", (event) => {
        const all = options(row);
        const list = row.querySelector("[data-candidates]");
        if (list.hidden || !all.length) return;
        let active = Number(row.dataset.active || -1);
        if (event.key === "ArrowDown") {
          event.preventDefault();
          active = Math.min(active + 1, all.length - 1);
        } else if (event.key === "ArrowUp") {
          event.preventDefault();
          active = Math.max(active - 1, 0);
        } else if (event.key === "Enter" && active >= 0) {
          event.preventDefault();
          choose(row, all[active]);
          return;
        } else if (event.key === "Escape") {
          closeList(row);
          return;
        } else {
          return;
        }
        row.dataset.active = String(active);
        highlight(row, input, active);
      });
    });
    row.querySelector("[data-candidates]").addEventListener("mousedown", (event) => {
      const option = event.target.closest("[role='option']");
      if (option) {
        event.preventDefault();
        choose(row, option);
      }
    });
    row.querySelector("[data-clear]").addEventListener("click", () => {
      fieldOf(row, "petitioner_id").value = "";
      ["id_number", "phone"].forEach((n) => (fieldOf(row, n).value = ""));
      setExisting(row, false);
      lastQuery = "";
      fieldOf(row, "name").focus();
    });
    row.querySelector("[data-remove]").addEventListener("click", () => {
      if (rows.querySelectorAll("[data-row]").length === 1) {
        row.querySelectorAll("input").forEach((i) => {
          if (i.type === "checkbox") i.checked = false;
          else i.value = "";
        });
        setExisting(row, false);
        return;
      }
      row.remove();
      // Formset indexes may now have a gap; Django accepts that as long as TOTAL_FORMS covers the
      // highest index, so the count is left as it is and the removed row simply does not post.
      renumber();
    });
    setExisting(row, Boolean(fieldOf(row, "petitioner_id").value));
  }

  function addRow() {
    const index = Number(totalForms.value);
    const html = template.innerHTML.replace(/__prefix__/g, String(index));
    rows.insertAdjacentHTML("beforeend", html);
    totalForms.value = String(index + 1);
    const row = rows.lastElementChild;
    wire(row);
    renumber();
    fieldOf(row, "name").focus();
  }
  document.getElementById("add-petitioner").addEventListener("click", addRow);

  function toggleHeadCount() {
    headCountField.hidden = channel.value !== "visit";
  }
  channel.addEventListener("change", toggleHeadCount);
  toggleHeadCount();

  form.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    } else if (event.altKey && event.code === "KeyP") {
      event.preventDefault();
      addRow();
    }
  });

  rows.querySelectorAll("[data-row]").forEach(wire);
  renumber();
  const summary = document.getElementById("error-summary");
  if (summary) summary.focus();
})();
