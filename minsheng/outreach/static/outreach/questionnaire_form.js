// Adds a blank question to the formset: a copy of Django's empty form with the next index.
document.addEventListener("DOMContentLoaded", () => {
  const button = document.getElementById("add-question");
  const template = document.getElementById("question-template");
  const total = document.getElementById("id_q-TOTAL_FORMS");
  const max = document.getElementById("id_q-MAX_NUM_FORMS");
  if (!button || !template || !total) return;
  button.addEventListener("click", () => {
    const index = Number(total.value);
    if (max && index >= Number(max.value)) return;
    const html = template.innerHTML.replaceAll("__prefix__", String(index));
    document.getElementById("questions").insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    document.getElementById(`id_q-${index}-text`).focus();
  });
});
